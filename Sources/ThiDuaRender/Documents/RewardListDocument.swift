import ThiDuaDomain

/// «Danh sách nhận tiền thưởng»: whom a decision awarded, the coefficient and amount of each
/// (coefficient × the base salary on the decision's day, rounded as the settings say), the
/// total, and a column to sign for the money. Refused, naming the setting, when an amount
/// cannot be worked out.
struct RewardListDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 4, alignment: .center, kind: .integer), Document.Column("Tập thể, cá nhân", width: 30),
        Document.Column("Hình thức khen thưởng", width: 22), Document.Column("Hệ số", width: 7, alignment: .center, kind: .decimal),
        Document.Column("Số tiền (đồng)", width: 13, alignment: .right, kind: .amount), Document.Column("Ký nhận", width: 12),
    ]

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let number = try p.number(code: "QĐ-\(s.issuingBodyCode)")
        let selection = p.selection(.decision(number: number.full))
        try p.requireNominees(selection, what: "Danh sách nhận tiền thưởng")
        let tally = p.data.rewardTally(selection.nominations, on: selection.decisionDate(draftDate: p.request.date))
        guard tally.isComplete else {
            throw DocumentError("Chưa lập được danh sách nhận tiền thưởng: " + tally.gaps.map(\.message).joined(separator: " "))
        }
        var rows: [Document.Row] = []
        var index = 0
        for part in selection.parts {
            for (numeral, title, nominations) in [("I", "TẬP THỂ", part.collectives), ("II", "CÁ NHÂN", part.individuals)]
            where !nominations.isEmpty {
                rows.append(.group("\(selection.parts.count > 1 ? part.form.shortName + " — " : "")\(numeral). \(title) (\(nominations.count))"))
                for nomination in nominations {
                    index += 1
                    let amount = tally.amounts[nomination.id]!
                    rows.append(.data([String(index), p.data.name(of: nomination.nominee), p.formName(nomination),
                                       amount.coefficient.display, VietnameseMoney.display(amount.amount), ""]))
                }
            }
        }
        rows.append(.data(["", "Tổng cộng", "", "", VietnameseMoney.display(tally.total), ""]))
        let bases = Set(tally.amounts.values.map(\.baseSalary.amount)).sorted().map { VietnameseMoney.display($0) }
        let sources = Set(tally.amounts.values.map(\.source)).sorted()
        let blocks: [Document.Block] = [
            .title(.init("Danh sách nhận tiền thưởng",
                         summary: ["\(selection.parts.map(\.form.name).joined(separator: ", ")) — \(p.periodLabel)"],
                         note: "(Kèm theo Quyết định số \(DocumentParts.numbered(number)) ngày \(p.request.date.display) của Chủ tịch Ủy ban nhân dân xã \(s.communeName))")),
            .paragraph(.init("Mức lương cơ sở áp dụng: \(bases.joined(separator: ", ")) đồng/tháng; hệ số theo \(sources.joined(separator: "; ")); \(s.rewardMoney.rounding.label.lowercased()).",
                             alignment: .left, firstLineIndent: 0)),
            .table(.init(columns: Self.columns, rows: rows, fontSize: 12, name: "Tiền thưởng")),
            .paragraph(.init("Tổng số tiền: \(VietnameseMoney.display(tally.total)) đồng, chi từ \(s.rewardMoney.fund)./.", style: .italic,
                             alignment: .left)),
            .signature(.init(recipients: [], authority: ["NGƯỜI LẬP"], signer: "")),
        ]
        return Document(page: .init(), blocks: blocks, title: "Danh sách nhận tiền thưởng \(p.periodLabel)")
    }
}
