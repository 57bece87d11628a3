import ThiDuaDomain

/// The sample's award rounds, so that every document has content: the 2025 round decided
/// (nominations for Giấy khen xã and Bằng khen tỉnh from the ranking, a council of 13 voting
/// on each with some below the threshold, those turned down, the rest submitted, the commune
/// chairman's decision and the province's recorded) but for two late proposals never voted on.
enum SampleAwardRound {
    static let councilMembers = 13

    static func add(into data: inout Dataset, context: ChangeContext) throws {
        func apply(_ change: Change) throws { data = try data.apply(change, context: context).dataset }
        let voteDay = try CalendarDate(year: 2025, month: 12, day: 15)
        var failing = 0
        for formID in ["bang-khen-tinh", "giay-khen-xa"] {
            // A nominee proposed for the province's Bằng khen is not proposed for Giấy khen too.
            let nominated = Set(data.nominations.values.map(\.nominee))
            let suggestions = data.suggestions(period: .year(2025), formID: formID).filter { !nominated.contains($0.subject) }
            for (index, suggestion) in suggestions.enumerated() {
                let id = data.nextNominationID()
                try apply(.addNomination(nomination: Nomination(
                    id: id, period: .year(2025), formID: formID, nominee: suggestion.subject,
                    achievementSummary: "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2025; \(index % 4 + 1) sáng kiến, mô hình được công nhận (mẫu).",
                    scoreSnapshot: suggestion.snapshot)))
                // About one in five falls at or below half of all members.
                let fails = index % 5 == 3
                if fails { failing += 1 }
                let agree = fails ? 5 + index % 2 : 9 + index % 4
                try apply(.recordVote(id: id, vote: CouncilVote(
                    method: .showOfHands, date: voteDay, membersTotal: councilMembers, membersPresent: 12,
                    agree: agree, disagree: 12 - agree, abstain: 0)))
            }
        }
        precondition(failing > 0, "the sample round must show a vote below the threshold")
        for nomination in data.nominations.values.sorted(by: { $0.id < $1.id }) where nomination.period == .year(2025) {
            guard data.councilOutcome(of: nomination) == .passed else {
                try apply(.setNominationStatus(id: nomination.id, status: .rejected,
                                               reason: "Không đạt ngưỡng biểu quyết của hội đồng"))
                continue
            }
            let open = data.openFindings(of: nomination)
            if open.contains(where: { $0.ruleID == "ky-luat" }) {
                try apply(.setNominationStatus(id: nomination.id, status: .rejected, reason: "Đang bị xem xét kỷ luật"))
                continue
            }
            for finding in open {
                try apply(.overrideFinding(id: nomination.id, ruleID: finding.ruleID,
                                           reason: "Hội đồng đã xem xét, thống nhất vẫn đề nghị (mẫu)"))
            }
            try apply(.setNominationStatus(id: nomination.id, status: .submitted, reason: ""))
        }
        try decide(formID: "giay-khen-xa", decision: Decision(
            number: "215/QĐ-UBND", date: try CalendarDate(year: 2025, month: 12, day: 22),
            issuer: "Chủ tịch Ủy ban nhân dân xã Phong Quang"), into: &data, context: context)
        try decide(formID: "bang-khen-tinh", decision: Decision(
            number: "86/QĐ-UBND", date: try CalendarDate(year: 2026, month: 1, day: 20),
            issuer: "Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên"), into: &data, context: context)
        try proposeLate(into: &data, context: context)
    }

    /// Records `decision` for every submitted nomination of the 2025 round for `formID`.
    private static func decide(formID: String, decision: Decision, into data: inout Dataset,
                               context: ChangeContext) throws {
        let submitted = data.nominations.values
            .filter { $0.period == .year(2025) && $0.formID == formID && $0.status == .submitted }
            .sorted { $0.id < $1.id }
        for nomination in submitted {
            data = try data.apply(.recordDecision(id: nomination.id, decision: decision, awardID: data.nextAwardID()),
                                  context: context).dataset
        }
    }

    /// Two late proposals of 2025 the council has not considered yet («Dự kiến»): the list
    /// put before its next meeting.
    private static func proposeLate(into data: inout Dataset, context: ChangeContext) throws {
        let nominated = Set(data.nominations.values.map(\.nominee))
        let unit = data.units.keys.sorted().map { Subject.unit($0) }.first { !nominated.contains($0) }
        let person = data.people.keys.sorted().map { Subject.person($0) }.first { !nominated.contains($0) }
        for subject in [unit, person].compactMap({ $0 }) {
            data = try data.apply(.addNomination(nomination: Nomination(
                id: data.nextNominationID(), period: .year(2025), formID: "giay-khen-xa", nominee: subject,
                achievementSummary: "Có mô hình chuyển đổi số tiêu biểu năm 2025 (mẫu); đề nghị bổ sung.",
                scoreSnapshot: data.scoreSnapshot(of: subject, period: .year(2025)))), context: context).dataset
        }
    }
}
