import ThiDuaDomain

/// One unit's or person's score sheet for a year: every criterion with its maximum, self and
/// appraised score and the evidence it rests on (plan VI.1), then the totals and the class.
struct ScoreSheetDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("Mã", width: 5), Document.Column("Tiêu chí", width: 38),
        Document.Column("Tối đa", width: 6, alignment: .right, kind: .decimal),
        Document.Column("Tự chấm", width: 7, alignment: .right, kind: .decimal),
        Document.Column("Thẩm định", width: 8, alignment: .right, kind: .decimal), Document.Column("Minh chứng", width: 30),
    ]

    func build() throws(DocumentError) -> Document {
        let p = parts
        let year = p.request.year
        guard let subject = p.request.subject else { throw DocumentError("Cần chọn một đơn vị hoặc cá nhân.") }
        let name = p.data.name(of: subject)
        guard let sheet = p.data.sheets[SheetKey(year: year, subject: subject)], let set = p.data.criteriaSet(for: sheet) else {
            throw DocumentError("«\(name)» chưa có phiếu chấm điểm năm \(year).")
        }
        let totals = sheet.totals(in: set)
        var rows: [Document.Row] = []
        for kind in CriteriaItemKind.allCases {
            let items = set.items.filter { $0.kind == kind }
            guard !items.isEmpty else { continue }
            rows.append(.group(kind.label))
            for item in items {
                let score = sheet.items[item.code]
                let evidence = (score?.evidence ?? []).map { e in
                    [e.documentNumber, e.date?.display ?? "", e.summary, e.product].filter { !$0.isEmpty }.joined(separator: ", ")
                }
                rows.append(.data([item.code, item.text, item.maximum.display, score?.selfScore?.display ?? "",
                                   score?.appraised?.display ?? "", evidence.joined(separator: "\n")]))
            }
        }
        let className = p.data.rules.className(for: totals.total)
        var blocks: [Document.Block] = [
            .header(.administrative(issuingBody: p.settings.issuingBodyLines, placeAndDate: p.placeAndDate)),
            .title(.init("Phiếu chấm điểm thi đua", summary: [name, "Năm \(year) — \(p.place(of: subject))"])),
            .table(.init(columns: Self.columns, rows: rows, fontSize: 11, name: "Phiếu chấm điểm")),
            .paragraph(.init([
                .init("Tổng tự chấm: \(totals.selfTotal.display). Điểm tiêu chí: \(totals.normal.display); cộng \(totals.bonus.display); trừ \(totals.deductions.display). "),
                .bold("Tổng điểm: \(totals.total.display) — xếp loại \(className)."),
            ], alignment: .left, firstLineIndent: 0)),
            .paragraph(.init("Trạng thái phiếu: \(sheet.state.label)."
                             + (totals.usesSelfFallback ? " Còn \(totals.fallbackItems.count) tiêu chí chưa thẩm định (tính điểm tự chấm): \(totals.fallbackItems.joined(separator: ", "))." : "")
                             + (totals.itemsWithoutEvidence.isEmpty ? "" : " Tiêu chí có điểm nhưng chưa có minh chứng: \(totals.itemsWithoutEvidence.joined(separator: ", ")).") ,
                             style: .italic, alignment: .left, firstLineIndent: 0)),
            .signature(.init(recipients: [], authority: ["NGƯỜI THẨM ĐỊNH"], signer: "")),
        ]
        if set.items.isEmpty {
            blocks.insert(.paragraph(.init("Bộ tiêu chí năm \(year) của nhóm này chưa có tiêu chí nào.")), at: 2)
        }
        return Document(page: .init(), blocks: blocks, title: "Phiếu chấm điểm \(name) năm \(year)")
    }
}
