import ThiDuaDomain

/// "Biên bản" of the emulation council's meeting: who attended, how it voted, and the vote on
/// each nomination with the share of ALL members against the form's threshold.
struct MinutesDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 4, alignment: .center), Document.Column("Tập thể, cá nhân", width: 24),
        Document.Column("Hình thức đề nghị", width: 18), Document.Column("Tổng số thành viên", width: 8, alignment: .center),
        Document.Column("Có mặt", width: 6, alignment: .center), Document.Column("Đồng ý", width: 6, alignment: .center),
        Document.Column("Không đồng ý", width: 7, alignment: .center),
        Document.Column("Không biểu quyết", width: 8, alignment: .center),
        Document.Column("Tỷ lệ đồng ý / tổng số thành viên", width: 10, alignment: .center),
        Document.Column("Kết quả", width: 9),
    ]

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let selection = p.selection(.minutes)
        try p.requireNominees(selection, what: "Biên bản")
        let voted = selection.nominations
        let votes = voted.compactMap(\.vote)
        let meeting = p.councilMeeting(voted)
        let total = votes.map(\.membersTotal).max()
        let present = votes.map(\.membersPresent).max()
        let methods = Set(votes.map(\.method.label)).sorted().joined(separator: ", ")
        let council = ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "XÃ \(s.communeName.uppercased())"]
        var blocks: [Document.Block] = [
            .header(.administrative(issuingBody: council, number: try p.numberLine(code: "BB-HĐTĐKT"),
                                    placeAndDate: p.placeAndDate)),
            .title(.init("Biên bản", summary: ["Họp Hội đồng Thi đua - Khen thưởng xã xét đề nghị khen thưởng",
                                              p.periodLabel])),
            .paragraph(.init("Thời gian: \(meeting.map { VietnameseDate.long($0) } ?? "ngày … tháng … năm …").")),
            .paragraph(.init("Địa điểm: Trụ sở Ủy ban nhân dân xã \(s.communeName).")),
            .paragraph(.init("Thành phần: Hội đồng có \(total.map(String.init) ?? "…") thành viên, có mặt \(present.map(String.init) ?? "…") thành viên.")),
            .paragraph(.init("Nội dung: Hội đồng xem xét kết quả chấm điểm, xếp loại và thành tích của các tập thể, cá nhân trong phong trào \(p.movement); biểu quyết đề nghị khen thưởng\(methods.isEmpty ? "" : " bằng hình thức \(methods.lowercased())"). Kết quả như sau:")),
        ]
        var rows: [Document.Row] = []
        var number = 0
        var passed = 0
        for part in selection.parts {
            let threshold = p.data.rules.voteThreshold(forForm: part.form.id)
            rows.append(.group("\(part.form.name) (ngưỡng: \(threshold.label))"))
            for nomination in part.nominations {
                number += 1
                let v = nomination.vote!
                let outcome = p.data.councilOutcome(of: nomination)
                if outcome == .passed { passed += 1 }
                rows.append(.data([String(number), p.data.name(of: nomination.nominee), p.formName(nomination),
                                   String(v.membersTotal), String(v.membersPresent), String(v.agree), String(v.disagree),
                                   String(v.abstain), "\(v.agreePercentText) %", outcome == .passed ? "Đạt" : "Không đạt"]))
            }
        }
        blocks.append(.table(.init(columns: Self.columns, rows: rows, fontSize: 11)))
        let conclusion = passed == 0
            ? "Không có trường hợp nào đạt ngưỡng biểu quyết."
            : "Hội đồng thống nhất đề nghị khen thưởng \(passed)/\(number) trường hợp đạt ngưỡng biểu quyết."
        blocks.append(.paragraph(.init("\(conclusion) Biên bản kết thúc cùng ngày, đã thông qua các thành viên dự họp./.")))
        blocks.append(.signature(.init(recipients: [], authority: ["TM. HỘI ĐỒNG", "CHỦ TỊCH HỘI ĐỒNG"], signer: s.signer.name)))
        return Document(page: .init(orientation: .landscape), blocks: blocks, title: "Biên bản họp Hội đồng Thi đua - Khen thưởng")
    }
}
