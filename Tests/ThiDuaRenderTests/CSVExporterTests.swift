import Foundation
import Testing
@testable import ThiDuaRender

@Suite struct CSVExporterTests {
    @Test func startsWithBOMAndEndsLinesWithCRLF() throws {
        let data = CSVExporter.data(header: ["STT", "Họ và tên"], rows: [["1", "Nguyễn Thị Hồng Nhung"]])
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(text == "STT,Họ và tên\r\n1,Nguyễn Thị Hồng Nhung\r\n")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF")
    }

    @Test func quotesCommaQuoteAndNewline() {
        #expect(CSVExporter.field("Tổ 1, thôn 2") == "\"Tổ 1, thôn 2\"")
        #expect(CSVExporter.field("Bằng khen \"Gia đình văn hóa\"") == "\"Bằng khen \"\"Gia đình văn hóa\"\"\"")
        #expect(CSVExporter.field("dòng một\ndòng hai") == "\"dòng một\ndòng hai\"")
        #expect(CSVExporter.field("dòng một\r\ndòng hai") == "\"dòng một\r\ndòng hai\"")
        #expect(CSVExporter.field("bình thường") == "bình thường")
        #expect(CSVExporter.field("") == "")
    }

    @Test func neutralisesFormulaStarts() {
        #expect(CSVExporter.field("=SUM(A1:A9)") == "'=SUM(A1:A9)")
        #expect(CSVExporter.field("+84 912 345 678") == "'+84 912 345 678")
        #expect(CSVExporter.field("-5") == "-5", "a plain number stays a number")
        #expect(CSVExporter.field("@cmd") == "'@cmd")
        #expect(CSVExporter.field("\tx") == "'\tx")
        #expect(CSVExporter.field("\rx") == "\"'\rx\"", "neutralised, then quoted for the CR")
        #expect(CSVExporter.field("=1,2") == "\"'=1,2\"")
        #expect(CSVExporter.field("a=b") == "a=b", "only a leading character counts")
    }

    @Test func writesNFC() {
        let nfd = "Lưu Thị Ỷ Lan".decomposedStringWithCanonicalMapping
        let field = CSVExporter.field(nfd)
        #expect(Array(field.unicodeScalars) == Array("Lưu Thị Ỷ Lan".precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test func documentTablesWithGroupRows() {
        let table = Document.Table(columns: [.init("STT", width: 1), .init("Tên", width: 3), .init("Ghi chú", width: 2)],
                                   rows: [.group("I. TẬP THỂ (1)"), .data(["1", "Thôn Yên Thịnh"]),
                                          .data(["2", "Tổ 3", "x", "thừa"])])
        let other = Document.Table(columns: [.init("A", width: 1)], rows: [.data(["b"])])
        let document = Document(blocks: [.paragraph(.init("bỏ qua")), .table(table), .table(other)])
        let text = String(decoding: CSVExporter.data(for: document).dropFirst(3), as: UTF8.self)
        #expect(text == "STT,Tên,Ghi chú\r\nI. TẬP THỂ (1),,\r\n1,Thôn Yên Thịnh,\r\n2,Tổ 3,x\r\n\r\nA\r\nb\r\n")
        let single = String(decoding: CSVExporter.data(for: table).dropFirst(3), as: UTF8.self)
        #expect(single.hasPrefix("STT,Tên,Ghi chú\r\nI. TẬP THỂ (1),,\r\n"))
    }
}
