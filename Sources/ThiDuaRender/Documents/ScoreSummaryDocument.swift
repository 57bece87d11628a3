import ThiDuaDomain

/// "Bảng tổng hợp kết quả chấm điểm": each khối (or one) and the individuals, ranked, with the
/// self total, appraised items, bonus, deductions, total and class.
struct ScoreSummaryDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("Hạng", width: 5, alignment: .center, kind: .integer), Document.Column("Tên tập thể, cá nhân", width: 30),
        Document.Column("Tự chấm", width: 8, alignment: .right, kind: .decimal),
        Document.Column("Điểm tiêu chí", width: 8, alignment: .right, kind: .decimal),
        Document.Column("Điểm cộng", width: 7, alignment: .right, kind: .decimal),
        Document.Column("Điểm trừ", width: 7, alignment: .right, kind: .decimal),
        Document.Column("Tổng điểm", width: 8, alignment: .right, kind: .decimal), Document.Column("Xếp loại", width: 10),
        Document.Column("Trạng thái phiếu", width: 11),
    ]

    func build() -> Document {
        let p = parts
        let year = p.request.year
        var blocks: [Document.Block] = [
            .header(.administrative(issuingBody: p.settings.issuingBodyLines, placeAndDate: p.placeAndDate)),
            .title(.init("Bảng tổng hợp kết quả chấm điểm thi đua",
                         summary: ["Phong trào \(p.movement)", "Năm \(year)"])),
        ]
        var rows: [Document.Row] = []
        let blocksToShow: [(id: String?, name: String)] = {
            if let id = p.request.categoryID, let c = p.data.category(id) { return [(c.id, c.name)] }
            return p.data.categories.sorted { $0.order < $1.order }.map { ($0.id, $0.name) } + [(nil, "Cá nhân")]
        }()
        for (index, block) in blocksToShow.enumerated() {
            let ranking = p.data.ranking(year: year, categoryID: block.id, nameOrder: p.data.vietnameseNameOrder)
            let numeral = blocksToShow.count > 1 ? "\(index + 1). " : ""
            rows.append(.group("\(numeral)\(block.name) (\(ranking.count))"))
            for entry in ranking {
                let t = entry.totals
                let state = p.data.sheets[SheetKey(year: year, subject: entry.subject)]?.state.label ?? ""
                rows.append(.data([String(entry.rank), p.data.name(of: entry.subject), t.selfTotal.display,
                                   t.normal.display, t.bonus.display, t.deductions.display, t.total.display,
                                   entry.className, state + (t.usesSelfFallback ? " (còn điểm tự chấm)" : "")]))
            }
        }
        blocks.append(.table(.init(columns: Self.columns, rows: rows, fontSize: 11, name: "Tổng hợp điểm")))
        let bands = p.data.rules.classBands.map { "\($0.name) từ \($0.minimum.display) điểm" } + ["dưới đó: \(p.data.rules.belowBandsName)"]
        blocks.append(.paragraph(.init("Xếp loại: \(bands.joined(separator: "; ")). \(p.data.rules.tieRule.label).",
                                       style: .italic, alignment: .left, firstLineIndent: 0)))
        blocks.append(.signature(.init(recipients: [], authority: ["NGƯỜI LẬP BẢNG"], signer: "")))
        return Document(page: .init(orientation: .landscape), blocks: blocks, title: "Bảng tổng hợp điểm năm \(year)")
    }
}
