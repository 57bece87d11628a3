/// A calendar day as typed in forms (no time, no time zone): the office
/// writes dates as dd/mm/yyyy.
public struct SimpleDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// nil when the day does not exist (31/02, 29/02 in a common year…).
    public init?(day: Int, month: Int, year: Int) {
        guard (1...12).contains(month), day >= 1, day <= SimpleDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: SimpleDate, b: SimpleDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// "05/01/2026".
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(day))/\(two(month))/\(year)"
    }

    /// Parses d/m/yyyy (separators `/`, `-` or `.`), checking that the day
    /// exists; the error messages are for the user.
    public static func parse(_ text: String, years: ClosedRange<Int> = 1900...2100) -> Result<SimpleDate, ValidationError> {
        let t = trimSpaces(text)
        guard !t.isEmpty else { return .failure(ValidationError("Chưa nhập ngày.")) }
        let parts = t.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." })
        guard parts.count == 3,
              parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            return .failure(ValidationError("Ngày phải có dạng dd/mm/yyyy, ví dụ 25/11/2026."))
        }
        guard years.contains(y) else {
            return .failure(ValidationError("Năm \(y) nằm ngoài khoảng \(years.lowerBound)–\(years.upperBound)."))
        }
        guard (1...12).contains(m) else {
            return .failure(ValidationError("Tháng \(m) không tồn tại; tháng phải từ 1 đến 12."))
        }
        guard let date = SimpleDate(day: d, month: m, year: y) else {
            let n = daysIn(month: m, year: y)
            return .failure(ValidationError("Ngày \(t) không tồn tại: tháng \(m)/\(y) chỉ có \(n) ngày."))
        }
        return .success(date)
    }
}

/// Drops leading and trailing spaces (kept local so this file needs no Foundation).
private func trimSpaces(_ text: String) -> String {
    var s = Substring(text)
    while s.first == " " { s = s.dropFirst() }
    while s.last == " " { s = s.dropLast() }
    return String(s)
}
