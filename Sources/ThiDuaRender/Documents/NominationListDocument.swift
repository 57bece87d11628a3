import ThiDuaDomain

/// "Danh sách đề nghị khen thưởng": per form (most senior first), collectives ("I. TẬP THỂ (n)")
/// then individuals ("II. CÁ NHÂN (m)") with the columns of DOMAIN §4. Printed as the attachment
/// of the submission, so it has no header of its own, only the reference to it.
struct NominationListDocument {
    let parts: DocumentParts

    static let collectiveColumns = [
        Document.Column("STT", width: 4, alignment: .center), Document.Column("Tên tập thể", width: 22),
        Document.Column("Khối", width: 14), Document.Column("Tóm tắt thành tích", width: 36),
        Document.Column("Hình thức đề nghị", width: 14), Document.Column("Ghi chú", width: 10),
    ]

    static let individualColumns = [
        Document.Column("STT", width: 4, alignment: .center), Document.Column("Họ và tên", width: 16),
        Document.Column("Năm sinh (Nam)", width: 7, alignment: .center),
        Document.Column("Năm sinh (Nữ)", width: 7, alignment: .center),
        Document.Column("Chức vụ, đơn vị công tác", width: 16), Document.Column("Tóm tắt thành tích", width: 30),
        Document.Column("Hình thức đề nghị", width: 12), Document.Column("Ghi chú", width: 8),
    ]

    func build() -> Document {
        let p = parts
        let formNames = p.forms.map(\.name)
        var blocks: [Document.Block] = [
            .title(.init("Danh sách đề nghị khen thưởng",
                         summary: ["\(formNames.count == 1 ? formNames[0] : "các hình thức khen thưởng") — \(p.periodLabel)",
                                   "Phong trào \(p.movement)"],
                         note: "(Kèm theo \(attachedTo) ngày \(p.request.date.display))")),
        ]
        for (index, form) in p.forms.enumerated() {
            let (collectives, individuals) = p.nominations(for: form)
            if p.forms.count > 1 {
                // Forms are lettered so they do not clash with the I./II. of the sections.
                let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
                blocks.append(.paragraph(.init("\(letter). \(form.name.uppercased())", style: .bold,
                                               alignment: .left, firstLineIndent: 0)))
            }
            blocks.append(.table(.init(columns: Self.collectiveColumns,
                                       rows: [.group("I. TẬP THỂ (\(collectives.count))")] + collectives.enumerated().map(collectiveRow),
                                       fontSize: 11)))
            blocks.append(.spacer(lines: 0.5))
            blocks.append(.table(.init(columns: Self.individualColumns,
                                       rows: [.group("II. CÁ NHÂN (\(individuals.count))")] + individuals.enumerated().map(individualRow),
                                       fontSize: 11)))
            blocks.append(.spacer(lines: 1))
        }
        let total = p.forms.map { p.nominations(for: $0) }.reduce((0, 0)) { ($0.0 + $1.collectives.count, $0.1 + $1.individuals.count) }
        blocks.append(.paragraph(.init("Danh sách có \(p.counted(total.0, total.1))./.", style: .italic, alignment: .left)))
        return Document(page: .init(orientation: .landscape), blocks: blocks,
                        title: "Danh sách đề nghị khen thưởng \(p.periodLabel)")
    }

    /// "Tờ trình số 12/TTr-UBND" or "Tờ trình số      /TTr-UBND".
    private var attachedTo: String {
        let number = parts.request.number.trimmingCharacters(in: .whitespaces)
        let body = parts.forms.allSatisfy(\.decidedInCommune) ? parts.settings.officeCode : parts.settings.issuingBodyCode
        return "Tờ trình số \(number.isEmpty ? "      " : number)/TTr-\(body)"
    }

    private func collectiveRow(_ item: (offset: Int, element: Nomination)) -> Document.Row {
        let n = item.element
        return .data([String(item.offset + 1), parts.data.name(of: n.nominee), parts.place(of: n.nominee),
                      n.achievementSummary, parts.formName(n), n.note])
    }

    private func individualRow(_ item: (offset: Int, element: Nomination)) -> Document.Row {
        let n = item.element
        var male = "", female = ""
        if case .person(let id) = n.nominee, let person = parts.data.people[id] {
            let year = person.birthYear.map(String.init) ?? ""
            if person.gender == .female { female = year } else { male = year }
        }
        return .data([String(item.offset + 1), parts.data.name(of: n.nominee), male, female, parts.place(of: n.nominee),
                      n.achievementSummary, parts.formName(n), n.note])
    }
}
