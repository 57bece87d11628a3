import ThiDuaDomain

/// The tables of a selection of nominations: per form (most senior first, lettered when
/// there are several), the collectives («I. TẬP THỂ (n)») then the individuals, with the
/// columns the office's lists use. A group with nobody in it is left out, and the groups that
/// remain are numbered I, II in order.
struct NominationTables {
    let parts: DocumentParts
    let selection: NominationSelection
    /// A list of proposals has a «Hình thức đề nghị» column; a decision's annex lists those
    /// awarded, so it has none.
    let proposing: Bool

    private var collectiveColumns: [Document.Column] {
        [Document.Column("STT", width: 4, alignment: .center, kind: .integer), Document.Column("Tên tập thể", width: 22),
         Document.Column("Khối", width: 14), Document.Column("Tóm tắt thành tích", width: proposing ? 36 : 50)]
            + (proposing ? [Document.Column("Hình thức đề nghị", width: 14)] : [])
            + [Document.Column("Ghi chú", width: 10)]
    }

    private var individualColumns: [Document.Column] {
        [Document.Column("STT", width: 4, alignment: .center, kind: .integer), Document.Column("Họ và tên", width: 16),
         Document.Column("Năm sinh (Nam)", width: 7, alignment: .center, kind: .integer),
         Document.Column("Năm sinh (Nữ)", width: 7, alignment: .center, kind: .integer),
         Document.Column("Chức vụ, đơn vị công tác", width: 16), Document.Column("Tóm tắt thành tích", width: proposing ? 30 : 42)]
            + (proposing ? [Document.Column("Hình thức đề nghị", width: 12)] : [])
            + [Document.Column("Ghi chú", width: 8)]
    }

    func blocks() -> [Document.Block] {
        var blocks: [Document.Block] = []
        for (index, part) in selection.parts.enumerated() {
            if selection.parts.count > 1 {
                // Forms are lettered so they do not clash with the I./II. of the groups.
                let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
                blocks.append(.paragraph(.init("\(letter). \(part.form.name.uppercased())", style: .bold,
                                               alignment: .left, firstLineIndent: 0)))
            }
            let groups = [("TẬP THỂ", "Tập thể", part.collectiveCount, part.collectives, collectiveColumns, collectiveRow),
                          ("CÁ NHÂN", "Cá nhân", part.individualCount, part.individuals, individualColumns, individualRow)]
                .filter { !$0.3.isEmpty }
            for (number, group) in groups.enumerated() {
                let (title, name, count, nominations, columns, row) = group
                let numeral = number == 0 ? "I" : "II"
                // The sheet of a workbook: «Tập thể», or «Tập thể - Giấy khen xã» when there are several forms.
                let sheet = selection.parts.count > 1 ? "\(name) - \(part.form.shortName)" : name
                blocks.append(.table(.init(columns: columns,
                                           rows: [.group("\(numeral). \(title) (\(count))")] + nominations.enumerated().map(row),
                                           fontSize: 11, name: sheet)))
                blocks.append(.spacer(lines: 0.5))
            }
            blocks.append(.spacer(lines: 0.5))
        }
        return blocks
    }

    /// «Danh sách có 3 tập thể và 2 cá nhân./.», distinct nominees per form added up.
    var closingLine: Document.Block {
        let collectives = selection.parts.map(\.collectiveCount).reduce(0, +)
        let individuals = selection.parts.map(\.individualCount).reduce(0, +)
        let counted = parts.counted(collectives, individuals) ?? "không có tập thể, cá nhân nào"
        return .paragraph(.init("Danh sách có \(counted)./.", style: .italic, alignment: .left))
    }

    private func collectiveRow(_ item: (offset: Int, element: Nomination)) -> Document.Row {
        let n = item.element
        return .data([String(item.offset + 1), parts.data.name(of: n.nominee), parts.place(of: n.nominee),
                      n.achievementSummary] + (proposing ? [parts.formName(n)] : []) + [n.note])
    }

    private func individualRow(_ item: (offset: Int, element: Nomination)) -> Document.Row {
        let n = item.element
        var male = "", female = ""
        if case .person(let id) = n.nominee, let person = parts.data.people[id] {
            let year = person.birthYear.map(String.init) ?? ""
            if person.gender == .female { female = year } else { male = year }
        }
        return .data([String(item.offset + 1), parts.data.name(of: n.nominee), male, female, parts.place(of: n.nominee),
                      n.achievementSummary] + (proposing ? [parts.formName(n)] : []) + [n.note])
    }
}

/// «Danh sách đề nghị khen thưởng» put before the council: the nominations of the period
/// still open, per form, collectives then individuals.
struct NominationListDocument {
    let parts: DocumentParts

    func build() throws(DocumentError) -> Document {
        let p = parts
        let selection = p.selection(.councilList)
        try p.requireNominees(selection, what: "Danh sách trình hội đồng")
        let formNames = selection.parts.map(\.form.name)
        let tables = NominationTables(parts: p, selection: selection, proposing: true)
        let blocks: [Document.Block] = [
            .title(.init("Danh sách đề nghị khen thưởng",
                         summary: ["\(formNames.count == 1 ? formNames[0] : "các hình thức khen thưởng") — \(p.periodLabel)",
                                   "Phong trào \(p.movement)"],
                         note: "(Trình Hội đồng Thi đua - Khen thưởng xã xét, lập ngày \(p.request.date.display))")),
        ] + tables.blocks() + [tables.closingLine]
        return Document(page: .init(orientation: .landscape), blocks: blocks,
                        title: "Danh sách đề nghị khen thưởng \(p.periodLabel)")
    }
}
