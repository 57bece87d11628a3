import Foundation

/// A date without time or zone (received dates, decision dates, deadlines).
/// Stored as "yyyy-MM-dd"; shown as "dd/MM/yyyy".
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Year, month and day in one word, `year << 9 | month << 5 | day`, so that its order is
    /// the dates' order. Four bytes, not twenty-four: every piece of evidence of every score
    /// sheet holds an optional date, 350,000 of them in a province's data.
    private let packed: UInt32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int(packed >> 5 & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// Fails with a Vietnamese message for impossible dates such as 31/02.
    public init(year: Int, month: Int, day: Int, field: String = "Ngày") throws(DomainError) {
        guard (1900...2100).contains(year) else {
            throw DomainError(field: field, "\(field): năm phải từ 1900 đến 2100 (đã nhập \(year)).")
        }
        guard (1...12).contains(month) else {
            throw DomainError(field: field, "\(field): tháng phải từ 1 đến 12 (đã nhập \(month)).")
        }
        let last = CalendarDate.daysIn(month: month, year: year)
        guard (1...last).contains(day) else {
            throw DomainError(field: field,
                "\(field): tháng \(month)/\(year) chỉ có \(last) ngày (đã nhập ngày \(day)).")
        }
        packed = UInt32(year) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    /// Parses "dd/mm/yyyy" (also "d/m/yyyy", "-" or "." as separators) or ISO "yyyy-mm-dd".
    public init(parsing text: String, field: String = "Ngày") throws(DomainError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        let numbers = parts.compactMap { Int($0) }
        guard parts.count == 3, numbers.count == 3 else {
            throw DomainError(field: field,
                "\(field): «\(trimmed)» không phải ngày hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 25/11/2026.")
        }
        if parts[0].count == 4 {
            try self.init(year: numbers[0], month: numbers[1], day: numbers[2], field: field)
        } else {
            try self.init(year: numbers[2], month: numbers[1], day: numbers[0], field: field)
        }
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        a.packed < b.packed
    }

    /// ISO form used in files.
    public var iso: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// The form users read and type: 05/01/2026.
    public var display: String {
        String(format: "%02d/%02d/%04d", day, month, year)
    }

    public var description: String { display }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(until other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    /// The day `days` later (earlier when negative), or nil outside the years a date may have.
    public func adding(days: Int) -> CalendarDate? {
        // Howard Hinnant's civil_from_days, the inverse of `dayNumber`.
        let z = dayNumber + days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        // A real day by construction; only the year can fall outside the accepted range.
        return try? CalendarDate(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences.
    var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.message))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
