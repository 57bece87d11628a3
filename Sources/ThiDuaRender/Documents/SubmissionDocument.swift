import ThiDuaDomain

/// "Tờ trình": the request to one authority (DOMAIN: who decides what), citing the legal bases
/// in force on its date, the plan and the council's meeting, with the list of the nominations
/// the council passed attached on the following pages. The office asks the commune chairman for
/// the commune's Giấy khen; the commune People's Committee asks the provincial chairman for the
/// province's forms and those decided further up.
struct SubmissionDocument {
    let parts: DocumentParts

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let target: SubmissionTarget
        switch p.data.submissionTarget(period: p.request.period, formID: p.request.formID, requested: p.request.target) {
        case .success(let chosen): target = chosen
        case .failure(let choice): throw DocumentError(choice.message)
        }
        let selection = p.selection(.submission(target))
        try p.requireNominees(selection, what: "Tờ trình gửi \(target.choiceLabel(forms: []))")
        let addressee = target.addressee(s)
        let number = try p.number(code: "TTr-\(target.bodyCode(s))")
        let formNames = selection.parts.map(\.form.name).joined(separator: ", ")
        var blocks: [Document.Block] = [
            .header(.administrative(superiorBody: target.issuingBody(s).superior, issuingBody: target.issuingBody(s).body,
                                    number: "Số: " + DocumentParts.numbered(number), placeAndDate: p.placeAndDate)),
            .title(.ruled("Tờ trình", summary: ["Về việc đề nghị tặng \(formNames) cho các tập thể, cá nhân có thành tích trong phong trào thi đua, \(p.periodLabel.lowercased())"])),
            .paragraph(.init("Kính gửi: \(addressee).", alignment: .center, firstLineIndent: 0)),
        ]
        blocks += s.legalBases(for: .submission, on: p.request.date).map { .paragraph(.init($0, style: .italic)) }
        if let meeting = p.councilMeeting(selection.nominations) {
            blocks.append(.paragraph(.init("Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng xã ngày \(meeting.display);", style: .italic)))
        }
        // The province grants its own Bằng khen and proposes the higher forms further up.
        let asked = p.perForm(selection) { form in
            let decidedByAddressee = target == .communeChairman
                || VietnameseText.searchFold(form.issuer) == VietnameseText.searchFold(addressee)
            return decidedByAddressee ? "tặng \(form.name)" : "đề nghị \(form.issuer) tặng \(form.name)"
        }
        blocks.append(.paragraph(.init(
            "Trên cơ sở kết quả chấm điểm, xếp loại theo bộ tiêu chí của phong trào \(p.movement) và kết quả biểu quyết của Hội đồng Thi đua - Khen thưởng xã, \(target.sender(s)) kính trình \(addressee) xem xét, \(asked) đã có thành tích xuất sắc trong phong trào (có danh sách kèm theo).")))
        blocks.append(.paragraph(.init("Kính trình \(addressee) xem xét, quyết định./.")))
        blocks.append(p.signature(target.signingAct, recipients: ["Như trên", "Hội đồng Thi đua - Khen thưởng xã"]))
        blocks.append(.pageBreak)
        let tables = NominationTables(parts: p, selection: selection, proposing: true)
        blocks.append(.title(.init("Danh sách đề nghị khen thưởng",
                                   summary: ["\(selection.parts.count == 1 ? formNames : "các hình thức khen thưởng") — \(p.periodLabel)",
                                             "Phong trào \(p.movement)"],
                                   note: "(Kèm theo Tờ trình số \(DocumentParts.numbered(number)) ngày \(p.request.date.display))")))
        blocks += tables.blocks() + [tables.closingLine]
        // The attached list follows on portrait pages so the set prints as one file.
        return Document(page: .init(), blocks: blocks, title: "Tờ trình đề nghị khen thưởng \(p.periodLabel)")
    }
}
