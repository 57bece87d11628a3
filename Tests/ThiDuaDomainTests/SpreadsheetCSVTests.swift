import Foundation
import Testing
import ThiDuaDomain

/// The one CSV writer: plain numbers stay numbers, anything else a spreadsheet would run as a
/// formula gets an apostrophe, and fields are quoted as RFC 4180 says.
@Suite struct SpreadsheetCSVTests {
    @Test(arguments: ["-5", "-5.5", "+3", "12,5", "0", "-0,25", "2026"])
    func plainNumbersAreWrittenAsTheyAre(cell: String) {
        #expect(SpreadsheetCSV.isPlainNumber(cell))
        #expect(SpreadsheetCSV.neutralised(cell) == cell)
    }

    @Test(arguments: [("=SUM(A1)", "'=SUM(A1)"), ("-x", "'-x"), ("+84 912", "'+84 912"), ("@a", "'@a"),
                      ("\tx", "'\tx"), ("-", "'-"), ("-5,", "'-5,"), ("-1e5", "'-1e5"), ("-2+3 việc", "'-2+3 việc"),
                      ("+5.5.5", "'+5.5.5"), ("-,5", "'-,5")])
    func formulaStartsAreNeutralised(cell: String, written: String) {
        #expect(SpreadsheetCSV.neutralised(cell) == written)
        #expect(SpreadsheetCSV.restored(written) == cell, "read back unchanged")
    }

    @Test func onlyTheFirstCharacterCountsAndOrdinaryTextIsUntouched() {
        #expect(SpreadsheetCSV.field("a=b") == "a=b")
        #expect(SpreadsheetCSV.field("Phòng Văn hóa") == "Phòng Văn hóa")
        #expect(SpreadsheetCSV.field("") == "")
        #expect(SpreadsheetCSV.restored("'bình thường") == "'bình thường", "an apostrophe before text is the user's")
    }

    @Test func quotesCommasQuotesAndLineBreaks() {
        #expect(SpreadsheetCSV.field("Tổ 1, thôn 2") == "\"Tổ 1, thôn 2\"")
        #expect(SpreadsheetCSV.field("Bằng khen \"Gia đình văn hóa\"") == "\"Bằng khen \"\"Gia đình văn hóa\"\"\"")
        #expect(SpreadsheetCSV.field("dòng một\ndòng hai") == "\"dòng một\ndòng hai\"")
        #expect(SpreadsheetCSV.field("dòng một\r\ndòng hai") == "\"dòng một\r\ndòng hai\"")
        #expect(SpreadsheetCSV.field("12,5") == "\"12,5\"", "a decimal comma is still a comma to CSV")
        #expect(SpreadsheetCSV.field("=1,2") == "\"'=1,2\"", "neutralised, then quoted")
        #expect(SpreadsheetCSV.field("\rx") == "\"'\rx\"")
    }

    @Test func aFileIsTheByteOrderMarkThenCRLFRecords() {
        let data = SpreadsheetCSV.data(header: ["Mã", "Điểm"], rows: [["DV0001", "-5"], ["DV0002", "=1+1"]])
        #expect(Array(data.prefix(3)) == SpreadsheetCSV.byteOrderMark)
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self) == "Mã,Điểm\r\nDV0001,-5\r\nDV0002,'=1+1\r\n")
        let tables = SpreadsheetCSV.data(tables: [[["A"], ["1"]], [["B"]]])
        #expect(String(decoding: tables.dropFirst(3), as: UTF8.self) == "A\r\n1\r\n\r\nB\r\n")
    }
}
