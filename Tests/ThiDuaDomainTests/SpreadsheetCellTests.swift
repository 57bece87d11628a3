import Foundation
import Testing
import ThiDuaDomain

/// The one rule from a cell's text to a workbook's value: numbers and dates by their column's
/// kind, everything that is not one kept as the text it was.
@Suite struct SpreadsheetCellTests {
    private func number(_ text: String) -> SpreadsheetCell { .number(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!) }

    @Test func exportsWriteADecimalPoint() {
        let cell = { (text: String, kind: SpreadsheetColumn.Kind) in SpreadsheetCell(text, kind: kind, decimalSeparator: ".") }
        #expect(cell("95.5", .decimal) == number("95.5"))
        #expect(cell("100", .decimal) == number("100"))
        #expect(cell("-2.25", .decimal) == number("-2.25"))
        #expect(cell("0.5", .decimal) == number("0.5"))
        #expect(cell("2026", .integer) == number("2026"))
        #expect(cell("95,5", .decimal) == .text("95,5"), "an export never writes a comma; not a number there")
        #expect(cell("12.5", .integer) == .text("12.5"), "a whole-number column takes no fraction")
        #expect(cell("1.490", .amount) == .text("1.490"), "exports group nothing")
    }

    @Test func documentsWriteADecimalCommaAndGroupThousandsWithDots() {
        let cell = { (text: String, kind: SpreadsheetColumn.Kind) in SpreadsheetCell(text, kind: kind, decimalSeparator: ",") }
        #expect(cell("95,5", .decimal) == number("95.5"))
        #expect(cell("0,3", .decimal) == number("0.3"))
        #expect(cell("1.490.000", .amount) == number("1490000"))
        #expect(cell("-1.490.000", .amount) == number("-1490000"))
        #expect(cell("44,4 %", .percent) == number("0.444"))
        #expect(cell("100%", .percent) == number("1"))
        #expect(cell("95.5", .decimal) == .text("95.5"), "not groups of three: no number is guessed")
        #expect(cell("1.49.000", .amount) == .text("1.49.000"))
        #expect(cell("44,4", .percent) == .text("44,4"), "a percentage column wants its sign")
    }

    @Test func whatIsNoNumberOrDateStaysTheTextItWas() {
        let cases: [(String, SpreadsheetColumn.Kind)] = [
            ("0912 345 678", .integer), ("0912345678", .integer), ("007", .integer), ("DV0012", .integer),
            ("=1+1", .decimal), ("+3", .decimal), ("1e5", .decimal), ("5.", .decimal), (".5", .decimal),
            ("1234567890123456", .integer), ("12/QĐ-UBND ngày 25/11/2026", .date), ("31/02/2026", .date),
            ("2026-11-25", .date), ("95.5", .text), ("25/11/2026", .text), ("chưa chấm", .decimal),
        ]
        for (text, kind) in cases {
            #expect(SpreadsheetCell(text, kind: kind, decimalSeparator: ".") == .text(text), "\(text) as \(kind)")
        }
        #expect(SpreadsheetCell(" 12 ", kind: .integer, decimalSeparator: ".") == number("12"), "spaces around are no part of it")
        #expect(SpreadsheetCell("", kind: .text, decimalSeparator: ".") == nil)
        #expect(SpreadsheetCell("   ", kind: .decimal, decimalSeparator: ",") == nil)
        #expect(SpreadsheetCell("0", kind: .integer, decimalSeparator: ".") == number("0"))
    }

    @Test func datesAreDaysAndTheirSpreadsheetSerials() throws {
        let day = try CalendarDate(year: 2026, month: 11, day: 25)
        #expect(SpreadsheetCell("25/11/2026", kind: .date, decimalSeparator: ".") == .date(day))
        #expect(SpreadsheetCell("1/2/2025", kind: .date, decimalSeparator: ",") == .date(try CalendarDate(year: 2025, month: 2, day: 1)))
        #expect(day.spreadsheetSerial == 46351)
        #expect(try CalendarDate(year: 1900, month: 1, day: 1).spreadsheetSerial == 1)
        #expect(try CalendarDate(year: 1900, month: 2, day: 28).spreadsheetSerial == 59)
        #expect(try CalendarDate(year: 1900, month: 3, day: 1).spreadsheetSerial == 61)
        #expect(try CalendarDate(year: 2028, month: 2, day: 29).spreadsheetSerial == 46812)
    }

    @Test func serialsAreDaysOfThe1900And1904Systems() throws {
        #expect(CalendarDate(spreadsheetSerial: 46351)?.display == "25/11/2026")
        #expect(CalendarDate(spreadsheetSerial: 1)?.display == "01/01/1900")
        #expect(CalendarDate(spreadsheetSerial: 59)?.display == "28/02/1900")
        #expect(CalendarDate(spreadsheetSerial: 60) == nil, "the 29/02/1900 Excel counts never was")
        #expect(CalendarDate(spreadsheetSerial: 61)?.display == "01/03/1900")
        #expect(CalendarDate(spreadsheetSerial: 0, date1904: true)?.display == "01/01/1904")
        // Every day of the years a date may have goes to its serial and back.
        var day: CalendarDate? = try CalendarDate(year: 1900, month: 1, day: 1)
        var wrong: [CalendarDate] = []
        while let current = day {
            if CalendarDate(spreadsheetSerial: current.spreadsheetSerial) != current { wrong.append(current) }
            day = current.adding(days: 1)
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
    }
}
