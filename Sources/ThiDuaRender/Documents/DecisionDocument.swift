import ThiDuaDomain

/// The draft decision of the commune chairman granting the forms the commune decides itself
/// (Giấy khen), with its list on the following pages.
struct DecisionDocument {
    let parts: DocumentParts

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let forms = p.forms.filter(\.decidedInCommune)
        guard !forms.isEmpty else {
            let names = p.data.catalog.forms.filter(\.decidedInCommune).map(\.name).joined(separator: ", ")
            throw DocumentError("Xã chỉ ra quyết định với hình thức do xã quyết định (\(names)); hình thức cấp trên quyết định thì in tờ trình.")
        }
        let counts = forms.map { p.nominations(for: $0) }
        let collectives = counts.map(\.collectives.count).reduce(0, +)
        let individuals = counts.map(\.individuals.count).reduce(0, +)
        let formNames = forms.map(\.name).joined(separator: ", ")
        var blocks: [Document.Block] = [
            .paragraph(.init("DỰ THẢO", style: .bold, alignment: .right, firstLineIndent: 0)),
            p.header(type: "QĐ"),
            .title(.init("Quyết định", summary: ["Về việc tặng \(formNames) cho các tập thể, cá nhân",
                                                "có thành tích trong phong trào thi đua, \(p.periodLabel.lowercased())"])),
            .paragraph(.init("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ \(s.communeName.uppercased())", style: .bold,
                             alignment: .center, firstLineIndent: 0)),
        ]
        blocks += p.legalBases.map { .paragraph(.init($0, style: .italic)) }
        blocks.append(.paragraph(.init("Xét đề nghị của \(s.officeName) và Hội đồng Thi đua - Khen thưởng xã.", style: .italic)))
        blocks.append(.paragraph(.init("QUYẾT ĐỊNH:", style: .bold, alignment: .center, firstLineIndent: 0)))
        blocks.append(.paragraph(.init([
            .bold("Điều 1. "),
            .init("Tặng \(formNames) cho \(p.counted(collectives, individuals)) (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào \(p.movement), \(p.periodLabel.lowercased())."),
        ])))
        blocks.append(.paragraph(.init([
            .bold("Điều 2. "),
            .init("Quyết định này có hiệu lực kể từ ngày ký."),
        ])))
        blocks.append(.paragraph(.init([
            .bold("Điều 3. "),
            .init("Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, \(s.officeName), các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        ])))
        blocks.append(p.signature(recipients: ["Như Điều 3", "Hội đồng Thi đua - Khen thưởng xã"]))
        blocks.append(.pageBreak)
        var request = p.request
        request.formID = forms.count == 1 ? forms[0].id : nil
        let list = NominationListDocument(parts: DocumentParts(data: p.data, request: request)).build()
        // The list of a decision refers to the decision, not to a submission.
        let listBlocks = list.blocks.map { block -> Document.Block in
            guard case .title(var title) = block else { return block }
            title.note = "(Kèm theo \(p.numberLine(type: "QĐ").replacingOccurrences(of: "Số: ", with: "Quyết định số ")) ngày \(p.request.date.display) của Chủ tịch Ủy ban nhân dân xã \(s.communeName))"
            return .title(title)
        }
        return Document(page: .init(), blocks: blocks + listBlocks, title: "Dự thảo quyết định khen thưởng \(p.periodLabel)")
    }
}
