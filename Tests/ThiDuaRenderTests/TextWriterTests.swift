import Foundation
import Testing
@testable import ThiDuaRender

@Suite struct TextWriterTests {
    static let document = Document(blocks: [
        .header(.administrative(issuingBody: ["Ủy ban nhân dân", "Xã Phong Quang"], number: "Số: 12/TTr-UBND",
                                placeAndDate: "Phong Quang, ngày 05 tháng 01 năm 2026")),
        .title(Document.Title("Danh sách", summary: ["Đề nghị khen thưởng năm 2025"])),
        .table(Document.Table(
            columns: [.init("STT", width: 1, alignment: .center), .init("Họ và tên", width: 4),
                      .init("Ghi chú", width: 3)],
            rows: [.group("I. TẬP THỂ (1)"),
                   .data(["1", "Tổ dân phố Yên Thịnh", "Dẫn đầu phong trào thi đua năm 2025"]),
                   .group("II. CÁ NHÂN (2)"),
                   .data(["1", "Nguyễn Thị Hồng Nhung"]),
                   .data(["2", "Lưu Thị Ỷ Lan", ""])])),
    ])

    @Test func boxGolden() {
        let expected = """
             ỦY BAN NHÂN DÂN       CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
             XÃ PHONG QUANG            Độc lập - Tự do - Hạnh phúc
                 ──────                ───────────────────────────
             Số: 12/TTr-UBND     Phong Quang, ngày 05 tháng 01 năm 2026

                                   DANH SÁCH
                          Đề nghị khen thưởng năm 2025

        ┌─────────┬─────────────────────────────┬──────────────────────┐
        │   STT   │          Họ và tên          │       Ghi chú        │
        ├─────────┴─────────────────────────────┴──────────────────────┤
        │ I. TẬP THỂ (1)                                               │
        ├─────────┬─────────────────────────────┬──────────────────────┤
        │    1    │ Tổ dân phố Yên Thịnh        │ Dẫn đầu phong trào   │
        │         │                             │ thi đua năm 2025     │
        ├─────────┴─────────────────────────────┴──────────────────────┤
        │ II. CÁ NHÂN (2)                                              │
        ├─────────┬─────────────────────────────┬──────────────────────┤
        │    1    │ Nguyễn Thị Hồng Nhung       │                      │
        │    2    │ Lưu Thị Ỷ Lan               │                      │
        └─────────┴─────────────────────────────┴──────────────────────┘

        """
        #expect(TextWriter(width: 64).render(Self.document) == expected)
    }

    @Test func simpleGolden() {
        let table = Self.document.blocks[2]
        let expected = """
          STT               Họ và tên                    Ghi chú
        --------  ------------------------------  ----------------------
        I. TẬP THỂ (1)
           1      Tổ dân phố Yên Thịnh            Dẫn đầu phong trào thi
                                                  đua năm 2025
        II. CÁ NHÂN (2)
           1      Nguyễn Thị Hồng Nhung
           2      Lưu Thị Ỷ Lan

        """
        #expect(TextWriter(width: 64, ruling: .simple).render(Document(blocks: [table])) == expected)
    }

    @Test func decomposedTextHasTheSameWidths() {
        func decomposed(_ document: Document) -> Document {
            var copy = document
            copy.blocks = document.blocks.map { block in
                guard case .table(var table) = block else { return block }
                table.rows = table.rows.map { row in
                    if case .data(let cells) = row { return .data(cells.map { $0.decomposedStringWithCanonicalMapping }) }
                    return row
                }
                return .table(table)
            }
            return copy
        }
        let writer = TextWriter(width: 64)
        let plain = writer.lines(Self.document)
        let fromNFD = writer.lines(decomposed(Self.document))
        #expect(fromNFD.map { Array($0.unicodeScalars) } == plain.map { Array($0.unicodeScalars) })
        for line in plain { #expect(line.count <= 64, "«\(line)» is \(line.count) wide") }
    }

    @Test func signatureParagraphAndDeterminism() {
        let document = Document(blocks: [
            .paragraph(.init("Ủy ban nhân dân xã kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, khen thưởng.")),
            .signature(Fixtures.signature),
        ])
        let lines = TextWriter(width: 60).lines(document)
        #expect(lines[0].hasPrefix("    Ủy ban nhân dân xã kính trình"), "first-line indent")
        #expect(lines.contains { $0.hasPrefix("Nơi nhận:") && $0.contains("TM. ỦY BAN NHÂN DÂN") })
        #expect(lines.last?.trimmingCharacters(in: .whitespaces) == "Nguyễn Văn An")
        #expect(TextWriter(width: 60).render(document) == TextWriter(width: 60).render(document))
        for line in lines { #expect(line.last != " ", "no trailing spaces") }
    }
}
