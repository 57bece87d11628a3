import Testing
@testable import ThiDuaRender

/// The keep rules on their own, before any writer applies them.
private func data(_ n: Int) -> Document.Row { .data(["\(n)", "Tên \(n)"]) }

@Suite struct KeepTogetherTests {
    static func table(_ rows: [Document.Row]) -> Document.Table {
        Document.Table(columns: [.init("STT", width: 1), .init("Tên", width: 5)], rows: rows)
    }

    @Test func headingsGoWithTwoRowsAndClosingsPullTwo() {
        let rows: [Document.Row] = [.group("I"), data(1), data(2), data(3), data(4), .group("II"), data(1), .group("III"),
                                    data(1), data(2), data(3)]
        let loose = KeepTogether.rows(of: Self.table(rows), tailRows: 0)
        #expect(loose.header)
        #expect(loose.rows == [true, true, false, false, false, true, false, true, true, false, false])
        let closed = KeepTogether.rows(of: Self.table(rows), tailRows: 2)
        #expect(closed.rows.suffix(4) == [true, true, true, true], "the last two rows now go with the closing")
        #expect(closed.rows.prefix(7) == loose.rows.prefix(7))
        // The header row goes with the first two rows when no group opens the table.
        #expect(KeepTogether.rows(of: Self.table([data(1), data(2), data(3)]), tailRows: 0).rows == [true, false, false])
    }

    @Test func blockTails() {
        let heading = Document.Block.paragraph(.init("A. GIẤY KHEN", style: .bold, alignment: .left))
        let text = Document.Block.paragraph(.init("Danh sách có 3 cá nhân./."))
        let table = Document.Block.table(Self.table([data(1), data(2), data(3)]))
        let signature = Document.Block.signature(.init(authority: ["CHỦ TỊCH"], signer: "Nguyễn Văn An"))
        let blocks: [Document.Block] = [.title(.init("Danh sách")), heading, table, .spacer(lines: 1), text, signature,
                                        .pageBreak, table, .spacer(lines: 1), heading, table]
        #expect(KeepTogether.tails(blocks) == [
            KeepTogether.whole, KeepTogether.whole, 2, 1, 2, 0,
            0, 0, 0, KeepTogether.whole, 0,
        ])
        // An introducing sentence keeps its last line with the table it introduces.
        #expect(KeepTogether.tails([text, table])[0] == 1)
        #expect(KeepTogether.tails([text, text]) == [0, 0])
    }
}
