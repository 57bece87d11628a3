import ThiDuaDomain

/// The decision of the commune chairman granting the forms the commune decides itself
/// (Giấy khen), with the list of those awarded on the following pages. Before it is recorded
/// it is a draft of the passed nominations not yet decided; with the number of a recorded
/// decision it is that decision again, naming exactly whom it awarded.
struct DecisionDocument {
    let parts: DocumentParts

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        if let formID = p.request.formID, let form = p.data.catalog.form(formID), !form.decidedInCommune {
            let names = p.data.catalog.forms.filter(\.decidedInCommune).map(\.name).joined(separator: ", ")
            throw DocumentError("Xã chỉ ra quyết định với hình thức do xã quyết định (\(names)); \(form.name) thì in tờ trình.")
        }
        let number = try p.number(code: "QĐ-\(s.issuingBodyCode)")
        let selection = p.selection(.decision(number: number.full))
        let recorded = selection.nominations.contains { $0.decision != nil }
        let decided = Set(selection.excluded.compactMap { $0.nomination.decision?.number }).sorted()
        try p.requireNominees(selection, what: "Quyết định",
                              hint: decided.isEmpty ? "" : "Đã có quyết định \(decided.joined(separator: ", ")): nhập số đó để in lại.")
        try requireAfterVotes(selection)
        let formNames = selection.parts.map(\.form.name).joined(separator: ", ")
        var blocks: [Document.Block] = recorded ? [] : [.paragraph(.init("DỰ THẢO", style: .bold, alignment: .right, firstLineIndent: 0))]
        blocks += [
            .header(.administrative(issuingBody: s.issuingBodyLines, number: "Số: " + DocumentParts.numbered(number),
                                    placeAndDate: p.placeAndDate)),
            .title(.ruled("Quyết định", summary: ["Về việc tặng \(formNames) cho các tập thể, cá nhân có thành tích trong phong trào thi đua, \(p.periodLabel.lowercased())"])),
            .paragraph(.init("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ \(s.communeName.uppercased())", style: .bold,
                             alignment: .center, firstLineIndent: 0)),
        ]
        blocks += s.legalBases(for: .decision, on: p.request.date).map { .paragraph(.init($0, style: .italic)) }
        // The council's proposal: its meeting is the day of the votes on these nominations.
        let meeting = p.councilMeeting(selection.nominations).map { " (biên bản họp ngày \($0.display))" } ?? ""
        blocks.append(.paragraph(.init("Xét đề nghị của Hội đồng Thi đua - Khen thưởng xã\(meeting) và của Trưởng \(s.officeName.prefix(1).lowercased() + s.officeName.dropFirst()).", style: .italic)))
        blocks.append(.paragraph(.init("QUYẾT ĐỊNH:", style: .bold, alignment: .center, firstLineIndent: 0)))
        blocks.append(.paragraph(.init([
            .bold("Điều 1. "),
            .init("Tặng \(p.perForm(selection)) (có danh sách kèm theo) đã có thành tích xuất sắc trong phong trào \(p.movement), \(p.periodLabel.lowercased())."),
        ])))
        blocks.append(.paragraph(.init([
            .bold("Điều 2. "),
            .init(RewardWording(parts: p).article(for: selection)),
        ])))
        blocks.append(.paragraph(.init([
            .bold("Điều 3. "),
            .init("Quyết định này có hiệu lực kể từ ngày ký. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã, \(s.officeName), các tập thể và cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./."),
        ])))
        blocks.append(p.signature(.chairmanDecision, recipients: ["Như Điều 3", "Hội đồng Thi đua - Khen thưởng xã"]))
        blocks.append(.pageBreak)
        let tables = NominationTables(parts: p, selection: selection, proposing: false)
        blocks.append(.title(.init("Danh sách các tập thể, cá nhân được tặng \(formNames)",
                                   summary: ["Phong trào \(p.movement), \(p.periodLabel.lowercased())"],
                                   note: "(Kèm theo Quyết định số \(DocumentParts.numbered(number)) ngày \(p.request.date.display) của Chủ tịch Ủy ban nhân dân xã \(s.communeName))")))
        blocks += tables.blocks() + [tables.closingLine]
        return Document(page: .init(), blocks: blocks,
                        title: (recorded ? "Quyết định" : "Dự thảo quyết định") + " khen thưởng \(p.periodLabel)")
    }

    /// A decision is dated on or after the council's vote on every nomination it grants.
    private func requireAfterVotes(_ selection: NominationSelection) throws(DocumentError) {
        let date = parts.request.date
        guard let latest = parts.councilMeeting(selection.nominations), date < latest else { return }
        throw DocumentError("Ngày ghi trên quyết định (\(date.display)) trước ngày hội đồng biểu quyết (\(latest.display)); quyết định phải từ ngày biểu quyết trở đi.")
    }
}
