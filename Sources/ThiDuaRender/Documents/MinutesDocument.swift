import ThiDuaDomain

/// "Biên bản" of the emulation council's meeting: who attended, how it voted, and the vote on
/// each nomination with the share of ALL members against the form's threshold.
struct MinutesDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 4, alignment: .center, kind: .integer), Document.Column("Tập thể, cá nhân", width: 24),
        Document.Column("Hình thức đề nghị", width: 18),
        Document.Column("Tổng số thành viên", width: 8, alignment: .center, kind: .integer),
        Document.Column("Có mặt", width: 6, alignment: .center, kind: .integer),
        Document.Column("Đồng ý", width: 6, alignment: .center, kind: .integer),
        Document.Column("Không đồng ý", width: 7, alignment: .center, kind: .integer),
        Document.Column("Không biểu quyết", width: 8, alignment: .center, kind: .integer),
        Document.Column("Tỷ lệ đồng ý / tổng số thành viên", width: 10, alignment: .center, kind: .percent),
        Document.Column("Kết quả", width: 9),
    ]

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let selection = p.selection(.minutes)
        try p.requireNominees(selection, what: "Biên bản")
        let voted = selection.nominations
        let votes = voted.compactMap(\.vote)
        let meeting = s.councilMeeting(for: p.request.period)
        let day = p.councilMeeting(voted)
        let total = votes.map(\.membersTotal).max()
        let present = votes.map(\.membersPresent).max()
        let methods = Set(votes.map(\.method.label)).sorted().joined(separator: ", ")
        let council = ["HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "XÃ \(s.communeName.uppercased())"]
        var blocks: [Document.Block] = [
            .header(.administrative(issuingBody: council, number: try p.numberLine(code: "BB-HĐTĐKT"),
                                    placeAndDate: p.placeAndDate)),
            .title(.ruled("Biên bản", summary: ["Họp Hội đồng Thi đua - Khen thưởng xã xét đề nghị khen thưởng, \(p.periodLabel.lowercased())"])),
            .paragraph(.init("Thời gian: bắt đầu lúc \(Self.clock(meeting?.startTime)), \(day.map { VietnameseDate.long($0) } ?? "ngày … tháng … năm …"); kết thúc lúc \(Self.clock(meeting?.endTime)) cùng ngày.")),
            .paragraph(.init("Địa điểm: \(meeting.map(\.place).flatMap { $0.isEmpty ? nil : $0 } ?? Self.blank).")),
        ]
        blocks += attendance(meeting, total: total, present: present)
        blocks.append(.paragraph(.init("Nội dung: Hội đồng xem xét kết quả chấm điểm, xếp loại và thành tích của các tập thể, cá nhân trong phong trào \(p.movement); biểu quyết đề nghị khen thưởng\(methods.isEmpty ? "" : " bằng hình thức \(methods.lowercased())"). Tỷ lệ đồng ý tính trên tổng số thành viên Hội đồng. Kết quả như sau:")))
        var rows: [Document.Row] = []
        var number = 0
        var passed: [Nomination] = []
        for part in selection.parts {
            let threshold = p.data.rules.voteThreshold(forForm: part.form.id)
            rows.append(.group("\(part.form.name) (ngưỡng: \(threshold.label))"))
            for nomination in part.nominations {
                number += 1
                let v = nomination.vote!
                let outcome = p.data.councilOutcome(of: nomination)
                if outcome == .passed { passed.append(nomination) }
                rows.append(.data([String(number), p.data.name(of: nomination.nominee), p.formName(nomination),
                                   String(v.membersTotal), String(v.membersPresent), String(v.agree), String(v.disagree),
                                   String(v.abstain), "\(v.agreePercentText) %", outcome == .passed ? "Đạt" : "Không đạt"]))
            }
        }
        blocks.append(.table(.init(columns: Self.columns, rows: rows, fontSize: 11, name: "Biểu quyết")))
        blocks.append(.paragraph(.init(conclusion(selection, passed: passed, considered: number))))
        blocks.append(.paragraph(.init("Biên bản kết thúc lúc \(Self.clock(meeting?.endTime)) cùng ngày, đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất./.")))
        blocks.append(.signature(.init(authority: ["CHỦ TỌA"], signer: meeting?.chair?.name ?? "",
                                       leftSigner: .init(authority: ["THƯ KÝ"], signer: meeting?.secretary?.name ?? ""))))
        return Document(page: .init(orientation: .landscape), blocks: blocks, title: "Biên bản họp Hội đồng Thi đua - Khen thưởng")
    }

    /// A blank to fill in by hand, never a made-up name or place.
    static let blank = "……………………………"

    /// «8 giờ 00» from «08:00»; «… giờ …» when not recorded.
    static func clock(_ time: String?) -> String {
        let parts = (time ?? "").split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]) else { return "… giờ …" }
        return "\(hour) giờ \(parts[1])"
    }

    /// Who chaired, who kept the minutes, who was there and who was not; blanks without a roster.
    private func attendance(_ meeting: CouncilMeeting?, total: Int?, present: Int?) -> [Document.Block] {
        let size = "Hội đồng có \(total.map(String.init) ?? "…") thành viên, có mặt \(present.map(String.init) ?? "…") thành viên."
        guard let meeting else {
            return [.paragraph(.init("Thành phần: \(size)")),
                    .paragraph(.init("Chủ tọa: \(Self.blank); thư ký: \(Self.blank).")),
                    .paragraph(.init("Thành viên dự họp: \(Self.blank)."))]
        }
        var blocks: [Document.Block] = [
            .paragraph(.init("Thành phần: \(size)")),
            .paragraph(.init("Chủ tọa: \(meeting.chair?.described ?? Self.blank); thư ký: \(meeting.secretary?.described ?? Self.blank).")),
            .paragraph(.init("Thành viên dự họp: " + (meeting.present.isEmpty ? Self.blank : meeting.present.map(\.described).joined(separator: "; ")) + ".")),
        ]
        if !meeting.absent.isEmpty {
            blocks.append(.paragraph(.init("Vắng mặt: " + meeting.absent.map(\.described).joined(separator: "; ") + ".")))
        }
        return blocks
    }

    /// What the council concluded, per form: how many passed of those considered, in distinct
    /// nominees, or that none did.
    private func conclusion(_ selection: NominationSelection, passed: [Nomination], considered: Int) -> String {
        let p = parts
        guard !passed.isEmpty else {
            return "Kết luận: không có trường hợp nào đạt ngưỡng biểu quyết trong \(considered) trường hợp được xem xét."
        }
        let perForm = selection.parts.compactMap { part -> String? in
            let kept = passed.filter { $0.formID == part.form.id }
            let collectives = Set(kept.filter { $0.nominee.kind == .collective }.map(\.nominee)).count
            let individuals = Set(kept.filter { $0.nominee.kind == .individual }.map(\.nominee)).count
            return p.counted(collectives, individuals).map { "\(part.form.name): \($0)" }
        }
        return "Kết luận: Hội đồng thống nhất đề nghị khen thưởng \(passed.count)/\(considered) trường hợp đạt ngưỡng biểu quyết (\(perForm.joined(separator: "; ")))."
    }
}
