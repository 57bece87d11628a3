import Foundation

/// What a column of a table holds, so that a workbook gets numbers as numbers and dates as
/// dates while CSV and JSON go on writing the same cells as text. In the domain because the
/// store's exports and the renderer's documents both say what their columns hold.
public enum SpreadsheetColumn {
    public enum Kind: Sendable, Equatable {
        /// Names, codes («DV0012», criterion «1.1»), phone numbers, anything else: always text.
        case text
        /// A whole number shown as it is: a year, an order, a rank, a count.
        case integer
        /// A number that may have decimals: a score, a coefficient, a percentage written as a number.
        case decimal
        /// A whole amount shown with its thousands grouped: money in đồng.
        case amount
        /// A share written with its sign, «44,4 %»: stored as the fraction (0.444), shown as a percentage.
        case percent
        /// A day written dd/mm/yyyy.
        case date
    }
}

/// One cell of a workbook, typed by its column's kind.
public enum SpreadsheetCell: Sendable, Equatable {
    case text(String)
    /// Exact: «95.5» is 95.5, never the nearest binary fraction.
    case number(Decimal)
    case date(CalendarDate)

    /// The one rule from a cell's text to its value: the text read as its column's kind, or,
    /// when it is not one (a note in a score column, «0912 …» in a number column), the text as
    /// it is — a cell is never lost and a number never guessed. Empty (or only spaces): nil,
    /// no cell at all.
    ///
    /// `decimalSeparator` is how the text was written: «.» in exports (never grouped), «,» in
    /// documents, where «.» groups thousands («1.490.000», as Vietnamese documents write money).
    public init?(_ text: String, kind: SpreadsheetColumn.Kind, decimalSeparator: Character) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return nil }
        switch kind {
        case .text:
            break
        case .integer, .amount:
            if let value = Self.number(Substring(trimmed), decimalSeparator: decimalSeparator, fraction: false) {
                self = .number(value)
                return
            }
        case .decimal:
            if let value = Self.number(Substring(trimmed), decimalSeparator: decimalSeparator, fraction: true) {
                self = .number(value)
                return
            }
        case .percent:
            if trimmed.hasSuffix("%"),
               let value = Self.number(Substring(trimmed.dropLast()).trimmingSuffix(" "),
                                       decimalSeparator: decimalSeparator, fraction: true) {
                self = .number(value / 100)
                return
            }
        case .date:
            if trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "/") }),
               let date = try? CalendarDate(parsing: trimmed) {
                self = .date(date)
                return
            }
        }
        self = .text(text)
    }

    /// Digits a spreadsheet keeps exactly (Excel holds 15 significant digits).
    static let maximumDigits = 15

    /// "-1.490.000" or "95,5" (with «,» as the separator), "95.5" (with «.»): an optional minus,
    /// the whole part — no leading zero unless it is «0», groups of exactly three digits when
    /// «,» is the separator — and, when `fraction` allows, a separator followed by digits.
    static func number(_ text: Substring, decimalSeparator: Character, fraction allowsFraction: Bool) -> Decimal? {
        var body = text
        var sign = ""
        if let first = body.first, first == "-" || first == "−" {
            sign = "-"
            body = body.dropFirst()
        }
        let halves = body.split(separator: decimalSeparator, maxSplits: 1, omittingEmptySubsequences: false)
        let fraction = halves.count == 2 ? halves[1] : nil
        if let fraction {
            guard allowsFraction, !fraction.isEmpty, fraction.allSatisfy(\.isDigitASCII) else { return nil }
        }
        var whole = halves[0]
        if decimalSeparator == ",", whole.contains(".") {
            let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...3).contains(groups[0].count), groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
            whole = Substring(groups.joined())
        }
        guard !whole.isEmpty, whole.allSatisfy(\.isDigitASCII), whole == "0" || whole.first != "0",
              whole.count + (fraction?.count ?? 0) <= maximumDigits else { return nil }
        let canonical = sign + whole + (fraction.map { "." + $0 } ?? "")
        return Decimal(string: canonical, locale: Locale(identifier: "en_US_POSIX"))
    }
}

private extension Character {
    var isDigitASCII: Bool { isASCII && isNumber }
}

private extension Substring {
    func trimmingSuffix(_ character: Character) -> Substring {
        var text = self
        while text.last == character { text = text.dropLast() }
        return text
    }
}

extension CalendarDate {
    /// Days from 01/01/1970 to 30/12/1899, the day before Excel's serial 1 (in the 1900 system).
    private static let serialEpoch = -25_569

    /// The day as a spreadsheet serial number in the 1900 date system (what Excel, LibreOffice
    /// and openpyxl write): 25/11/2026 is 46351. Excel counts a 29/02/1900 that never was, so
    /// from 01/03/1900 on serials are one day ahead of a plain count.
    public var spreadsheetSerial: Int {
        let days = dayNumber - Self.serialEpoch
        return days >= 61 ? days : days - 1
    }

    /// The day an Excel serial number stands for, in the 1900 system or the 1904 one (serial 0
    /// is 01/01/1904); nil for the phantom 29/02/1900 and outside the years a date may have.
    public init?(spreadsheetSerial serial: Int, date1904: Bool = false) {
        let day: CalendarDate?
        if date1904 {
            day = (try? CalendarDate(year: 1904, month: 1, day: 1))?.adding(days: serial)
        } else {
            guard serial >= 1, serial != 60 else { return nil }
            // Serial 1 is 01/01/1900; from 61 on one day ahead because of the phantom 29/02/1900.
            day = (try? CalendarDate(year: 1900, month: 1, day: 1))?.adding(days: serial >= 61 ? serial - 2 : serial - 1)
        }
        guard let day else { return nil }
        self = day
    }
}
