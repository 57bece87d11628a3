import ThiDuaDomain

/// "Tờ trình": the request to the authority that grants the form, citing the legal bases, the
/// plan and the council's meeting, with the list attached (the list follows on a new page).
/// A form the commune decides goes from the office to the commune chairman; a form decided
/// higher up goes from the commune People's Committee to the province.
struct SubmissionDocument {
    let parts: DocumentParts

    func build() -> Document {
        let p = parts
        let s = p.settings
        let inCommune = p.forms.allSatisfy(\.decidedInCommune)
        let forms = p.forms.map(\.name)
        let counts = p.forms.map { p.nominations(for: $0) }
        let collectives = counts.map(\.collectives.count).reduce(0, +)
        let individuals = counts.map(\.individuals.count).reduce(0, +)
        let issuer = inCommune ? "Chủ tịch Ủy ban nhân dân xã \(s.communeName)"
                               : (p.forms.first?.issuer ?? "Chủ tịch Ủy ban nhân dân tỉnh \(s.provinceName)")
        let body = inCommune ? [s.issuingBodyLines.first ?? "", s.officeName.uppercased()] : s.issuingBodyLines
        let code = inCommune ? s.officeCode : s.issuingBodyCode
        var blocks: [Document.Block] = [
            p.header(type: "TTr", body: body, code: code),
            .title(.init("Tờ trình", summary: ["Về việc đề nghị tặng \(forms.joined(separator: ", ")) cho các tập thể, cá nhân",
                                              "có thành tích trong phong trào thi đua, \(p.periodLabel.lowercased())"])),
            .paragraph(.init("Kính gửi: \(issuer).", alignment: .center, firstLineIndent: 0)),
        ]
        blocks += p.legalBases.map { .paragraph(.init($0, style: .italic)) }
        if let meeting = councilMeeting {
            blocks.append(.paragraph(.init("Căn cứ kết quả họp Hội đồng Thi đua - Khen thưởng xã ngày \(meeting.display);", style: .italic)))
        }
        let sender = inCommune ? s.officeName : "Ủy ban nhân dân xã \(s.communeName)"
        blocks.append(.paragraph(.init(
            "Trên cơ sở kết quả chấm điểm, xếp loại theo bộ tiêu chí của phong trào \(p.movement) và đề nghị của Hội đồng Thi đua - Khen thưởng xã, \(sender) kính trình \(issuer) xem xét, tặng \(forms.joined(separator: ", ")) cho \(p.counted(collectives, individuals)) đã có thành tích xuất sắc trong phong trào (có danh sách kèm theo).")))
        blocks.append(.paragraph(.init("Kính trình \(issuer) xem xét, quyết định./.")))
        blocks.append(.signature(.init(
            recipients: ["- Như trên;", "- Hội đồng Thi đua - Khen thưởng xã;", "- Lưu: VT, \(s.officeCode)."],
            authority: inCommune ? ["TRƯỞNG PHÒNG"] : [s.signer.authority, s.signer.title],
            signer: inCommune ? "" : s.signer.name)))
        blocks.append(.pageBreak)
        let list = NominationListDocument(parts: p).build()
        var document = Document(page: .init(), blocks: blocks + list.blocks, title: "Tờ trình đề nghị khen thưởng \(p.periodLabel)")
        // The attached list keeps its landscape layout only as its own document; inside the
        // submission it follows on portrait pages so the set prints as one file.
        document.page = .init()
        return document
    }

    /// The latest date the council voted on any of these nominations, if recorded.
    private var councilMeeting: CalendarDate? {
        parts.forms.flatMap { form -> [Nomination] in
            let n = parts.nominations(for: form)
            return n.collectives + n.individuals
        }.compactMap { $0.vote?.date }.max()
    }
}
