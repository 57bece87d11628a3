import Foundation
import Testing
@testable import ThiDuaRender

/// Long generated lists, 50 to 120 rows in both orientations, read back with pdftotext -bbox:
/// no page ends on a heading, a header row or a group row, and the closing line and the
/// signature never open a page without rows. Each row carries a code (DV0001…, CN0001…) in its
/// last column, so a row is found by its code on whatever page it lands.
@Suite struct PageBreakTests {
    static let surnames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
    static let middles = ["Văn", "Thị", "Đức", "Thị Thu", "Quang", "Thị Hồng", "Minh", "Thị Ngọc"]
    static let givens = ["An", "Bình", "Hường", "Thắng", "Nhung", "Khải", "Duyên", "Hưng", "Lan", "Vinh", "Ánh"]
    static let summaries = [
        "Hoàn thành xuất sắc nhiệm vụ năm 2025",
        "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2025; 2 sáng kiến, mô hình được công nhận",
        "Dẫn đầu phong trào thi đua “Toàn dân đoàn kết xây dựng đời sống văn hóa”; vận động nhân dân hiến 1.200 m² đất làm đường giao thông nông thôn",
        "Tích cực tham gia các hoạt động của thôn",
    ]

    static let columns: [Document.Column] = [
        .init("STT", width: 4, alignment: .center), .init("Họ và tên", width: 18),
        .init("Năm sinh", width: 7, alignment: .center), .init("Chức vụ, đơn vị công tác", width: 18),
        .init("Tóm tắt thành tích", width: 35), .init("Ghi chú", width: 9),
    ]

    static let heading = "A. GIẤY KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ"
    static let closing = "Danh sách có"

    static func code(_ row: Int, collective: Bool) -> String {
        (collective ? "DV" : "CN") + String(repeating: "0", count: 4 - String(row).count) + String(row)
    }

    /// A title, a bold heading, one table of `rows` rows in two groups (a third collectives), a
    /// closing line and a signature.
    static func document(rows: Int, orientation: Document.Orientation) -> Document {
        let collectives = rows / 3
        var tableRows: [Document.Row] = [.group("I. TẬP THỂ (\(collectives))")]
        for index in 0..<rows {
            if index == collectives { tableRows.append(.group("II. CÁ NHÂN (\(rows - collectives))")) }
            let collective = index < collectives
            let number = collective ? index + 1 : index - collectives + 1
            let name = collective
                ? "Thôn \(givens[index % givens.count]) \(surnames[index % surnames.count])"
                : "\(surnames[index % surnames.count]) \(middles[index % middles.count]) \(givens[(index * 7) % givens.count])"
            tableRows.append(.data([String(number), name, collective ? "" : String(1960 + index % 40),
                                    "Cán bộ thôn \(index % 12 + 1), xã Phong Quang",
                                    summaries[(index * 5) % summaries.count], code(index + 1, collective: collective)]))
        }
        return Document(page: .init(orientation: orientation), blocks: [
            .title(.init("Danh sách đề nghị khen thưởng", summary: ["Năm 2025"])),
            .paragraph(.init(heading, style: .bold, alignment: .left, firstLineIndent: 0)),
            .table(.init(columns: columns, rows: tableRows, fontSize: 11)),
            .spacer(lines: 0.5),
            .paragraph(.init("\(closing) \(collectives) tập thể và \(rows - collectives) cá nhân./.", style: .italic,
                             alignment: .left)),
            .signature(Fixtures.signature),
        ])
    }

    /// What each page holds, in the terms of the rules.
    struct Page {
        var lines: [PDFTextLine]
        var codes: [String] { lines.flatMap(\.words).map(\.text).filter { $0.count == 6 && ($0.hasPrefix("DV") || $0.hasPrefix("CN")) } }
        func line(containing text: String) -> Int? { lines.firstIndex { $0.text.contains(text) } }
        /// Rows (by code) whose first line is under line `index`.
        func rows(below index: Int) -> Int {
            lines[(index + 1)...].flatMap(\.words).filter { $0.text.count == 6 && ($0.text.hasPrefix("DV") || $0.text.hasPrefix("CN")) }.count
        }
    }

    static func pages(_ document: Document, name: String) throws -> [Page] {
        let pdf = try PDFReading(try PDFWriter().data(for: document), name: name)
        let top = Units.points(document.page.margins.top)
        // The page number sits in the top margin; it is not part of the flow.
        return try pdf.words().map { Page(lines: PDFReading.lines($0.filter { $0.yMin >= top - 1 })) }
    }

    static let lengths = Array(50...120)

    @Test(arguments: [Document.Orientation.portrait, .landscape])
    func noPageEndsOnAHeadingAndNothingClosingStandsAlone(orientation: Document.Orientation) throws {
        var pageCount = 0
        for rows in Self.lengths {
            let label = "\(rows) rows, \(orientation)"
            let pages = try Self.pages(Self.document(rows: rows, orientation: orientation),
                                       name: "breaks-\(rows)-\(orientation).pdf")
            let collectives = rows / 3
            let lastCodes = [Self.code(rows - 1, collective: rows - 1 <= collectives),
                             Self.code(rows, collective: rows <= collectives)]
            var seen: [String] = []
            for (number, page) in pages.enumerated() {
                let last = try #require(page.lines.last, "\(label): page \(number + 1) is empty")
                #expect(!last.text.contains("TẬP THỂ (") && !last.text.contains("CÁ NHÂN ("),
                        "\(label): page \(number + 1) ends on a group row")
                #expect(last.text != Self.heading, "\(label): page \(number + 1) ends on the heading")
                // The header row: whatever page holds it holds a row under it.
                if let header = page.line(containing: "STT") {
                    #expect(page.rows(below: header) >= 1, "\(label): page \(number + 1) ends on the header row")
                }
                // A group row has its first two rows (its groups here all have more) on its page.
                for group in ["I. TẬP THỂ", "II. CÁ NHÂN"] {
                    if let index = page.line(containing: group) {
                        #expect(page.rows(below: index) >= 2, "\(label): «\(group)» on page \(number + 1) with fewer than two rows")
                    }
                }
                if let index = page.line(containing: Self.heading) {
                    #expect(page.line(containing: "STT").map { $0 > index } == true, "\(label): heading without its table")
                    #expect(page.rows(below: index) >= 2, "\(label): heading with fewer than two rows")
                }
                if page.line(containing: Self.closing) != nil {
                    for code in lastCodes {
                        #expect(page.codes.contains(code), "\(label): closing line on page \(number + 1) without row \(code)")
                    }
                    #expect(page.line(containing: "Nơi nhận:") != nil, "\(label): signature apart from the closing line")
                }
                seen += page.codes
            }
            pageCount += pages.count
            #expect(seen.count == rows && Set(seen).count == rows, "\(label): every row once")
        }
        print("\(pageCount) pages checked over \(Self.lengths.count) lengths, \(orientation)")
    }

    /// The keep rules move whole runs: paginated with every tie cut, many of these lengths break
    /// elsewhere, so the test above does see the runs the rules move.
    @Test func theRulesMoveBreaksForManyOfTheseLengths() throws {
        let fonts = try FontLocator().fonts()
        var moved = 0
        for rows in Self.lengths {
            let (layout, items) = try PDFLayout.flow(Self.document(rows: rows, orientation: .portrait), fonts: fonts)
            let loose = items.map { item -> FlowItem in
                var copy = item
                copy.keepWithNext = false
                return copy
            }
            func marks(_ items: [FlowItem]) -> [Int] {
                PDFPaginator.paginate(items, headers: layout.tableHeaders, top: layout.top, bottom: layout.bottom)
                    .map(\.marks.count)
            }
            if marks(items) != marks(loose) { moved += 1 }
        }
        #expect(moved > Self.lengths.count / 4, "only \(moved) of \(Self.lengths.count) lengths break differently")
        print("keep rules moved a page break in \(moved) of \(Self.lengths.count) portrait lengths")
    }
}
