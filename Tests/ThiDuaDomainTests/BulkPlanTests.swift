import Testing
@testable import ThiDuaDomain

/// Many records at once: what applies, what needs the group's reason, what is blocked and
/// why (in the domain's words), and one batch that one undo takes back.
@Suite struct BulkPlanTests {
    static let context = Fixtures.context
    static let a = Subject.unit("DV0001"), b = Subject.unit("DV0002"), c = Subject.unit("DV0003"), d = Subject.unit("DV0004")

    /// DV0001 fully appraised, DV0002 with items unappraised, DV0003 without a sheet, DV0004 locked.
    static func grid() throws -> Dataset {
        var data = Fixtures.commune
        data.units["DV0003"] = OrgUnit(id: "DV0003", name: "Phòng Nội vụ", categoryID: "ubnd", order: 3)
        data.units["DV0004"] = OrgUnit(id: "DV0004", name: "Phòng Tài chính", categoryID: "ubnd", order: 4)
        let full: [String: ItemScore] = ["1.1": ItemScore(selfScore: 50, appraised: 50), "1.2": ItemScore(selfScore: 30, appraised: 30)]
        data.sheets[SheetKey(year: 2026, subject: a)] = ScoreSheet(year: 2026, subject: a, groupID: "III.1", state: .submitted, items: full)
        data.sheets[SheetKey(year: 2026, subject: b)] = ScoreSheet(year: 2026, subject: b, groupID: "III.1", state: .submitted,
                                                                   items: ["1.1": ItemScore(selfScore: 40)])
        data.sheets[SheetKey(year: 2026, subject: d)] = ScoreSheet(year: 2026, subject: d, groupID: "III.1", state: .locked, items: full)
        return data
    }

    @Test func lockingAKhoiListsWhatLocksWhatNeedsAReasonAndWhatIsBlocked() throws {
        let data = try Self.grid()
        let plan = SheetTransition.lock.plan(year: 2026, subjects: [Self.a, Self.b, Self.c, Self.d], in: data, context: Self.context)
        #expect(plan.title == "Khóa 4 phiếu chấm năm 2026")
        #expect(plan.ready == ["Phòng Kinh tế"])
        #expect(plan.needingReason == [BulkPlan.Blocked(label: "Văn phòng HĐND và UBND",
            reason: "Phiếu của Văn phòng HĐND và UBND năm 2026 còn 2 tiêu chí chưa có điểm thẩm định (1.1, 1.2); muốn chuyển sang «Đã khóa» phải ghi lý do.")])
        #expect(plan.blocked == [BulkPlan.Blocked(label: "Phòng Nội vụ", reason: "chưa có phiếu chấm năm 2026."),
                                 BulkPlan.Blocked(label: "Phòng Tài chính", reason: "phiếu đã khóa.")])

        // Without a reason only the ready sheet locks; one batch, one undo.
        let only = try #require(plan.batch())
        let applied = try data.apply(only, context: Self.context)
        #expect(applied.dataset.sheets[SheetKey(year: 2026, subject: Self.a)]?.state == .locked)
        #expect(applied.dataset.sheets[SheetKey(year: 2026, subject: Self.b)]?.state == .submitted)
        #expect(try applied.dataset.apply(applied.inverse, context: Self.context).dataset == data)

        // A blank reason is refused by the domain, naming the sheet that needs it.
        let blank = #expect(throws: DomainError.self) { try data.apply(try #require(plan.batch(reason: " ")), context: Self.context) }
        #expect(blank?.message.hasPrefix("Mục 2 của «Khóa 4 phiếu chấm năm 2026»: Phiếu của Văn phòng HĐND và UBND") == true)

        // With the reason, it is written into the change of each sheet that needed it.
        let both = try #require(plan.batch(reason: "  Hội đồng thống nhất khóa  "))
        #expect(both == .batch(label: "Khóa 4 phiếu chấm năm 2026", changes: [
            .setSheetState(year: 2026, subject: Self.a, state: .locked, reason: ""),
            .setSheetState(year: 2026, subject: Self.b, state: .locked, reason: "Hội đồng thống nhất khóa"),
        ]))
        let locked = try data.apply(both, context: Self.context)
        #expect(locked.dataset.sheets.values.filter { $0.state == .locked }.count == 3)
        #expect(try locked.dataset.apply(locked.inverse, context: Self.context).dataset == data)
    }

    @Test func theNextStateIsOneStepForEachSheet() throws {
        var data = try Self.grid()
        data.sheets[SheetKey(year: 2026, subject: Self.c)] = ScoreSheet(year: 2026, subject: Self.c, groupID: "III.1",
                                                                        items: ["1.1": ItemScore(selfScore: 10)])
        let plan = SheetTransition.nextState.plan(year: 2026, subjects: [Self.a, Self.c], in: data, context: Self.context)
        #expect(plan.ready == ["Phòng Kinh tế", "Phòng Nội vụ"])
        let applied = try data.apply(try #require(plan.batch()), context: Self.context).dataset
        #expect(applied.sheets[SheetKey(year: 2026, subject: Self.a)]?.state == .appraised)
        #expect(applied.sheets[SheetKey(year: 2026, subject: Self.c)]?.state == .submitted)
    }

    @Test func nothingToDoGivesNoBatch() throws {
        let data = try Self.grid()
        let plan = SheetTransition.lock.plan(year: 2026, subjects: [Self.c, Self.d], in: data, context: Self.context)
        #expect(plan.isEmpty)
        #expect(plan.batch(reason: "lý do") == nil)
    }

    @Test func nominationsOfAFormMoveAStepTogetherWithTheDomainsReasons() throws {
        var data = Fixtures.commune
        let vote = CouncilVote(method: .showOfHands, membersTotal: 9, membersPresent: 9, agree: 9, disagree: 0, abstain: 0)
        var voted = Nomination(id: "DN00001", period: .year(2026), formID: "giay-khen-xa", nominee: Self.a)
        voted.vote = vote
        data.nominations["DN00001"] = voted
        data.nominations["DN00002"] = Nomination(id: "DN00002", period: .year(2026), formID: "giay-khen-xa", nominee: Self.b)
        var reviewed = Nomination(id: "DN00003", period: .year(2026), formID: "giay-khen-xa", nominee: .person("CN00001"))
        reviewed.vote = vote
        reviewed.status = .councilReviewed
        data.nominations["DN00003"] = reviewed
        let plan = NominationBulk.statusPlan(["DN00001", "DN00002", "DN00003"], to: .councilReviewed, in: data, context: Self.context)
        #expect(plan.ready == ["DN00001 Phòng Kinh tế"])
        #expect(plan.blocked == [
            BulkPlan.Blocked(label: "DN00002 Văn phòng HĐND và UBND",
                             reason: "Đề nghị DN00002 (Văn phòng HĐND và UBND) chưa có kết quả biểu quyết của hội đồng; hãy ghi biểu quyết trước."),
            BulkPlan.Blocked(label: "DN00003 Nguyễn Thị Hòa", reason: "đã ở trạng thái «Hội đồng đã xét»."),
        ])
        let applied = try data.apply(try #require(plan.batch()), context: Self.context)
        #expect(applied.dataset.nominations["DN00001"]?.status == .councilReviewed)
        #expect(try applied.dataset.apply(applied.inverse, context: Self.context).dataset == data)

        // Back a step: the group's reason is needed, and recorded in each history.
        let back = NominationBulk.statusPlan(["DN00003"], to: .proposed, in: data, context: Self.context)
        #expect(back.ready.isEmpty && back.needingReason.count == 1)
        let moved = try data.apply(try #require(back.batch(reason: "Bổ sung hồ sơ")), context: Self.context).dataset
        #expect(moved.nominations["DN00003"]?.statusHistory.last?.reason == "Bổ sung hồ sơ")
    }

    @Test func acceptingSuggestionsAddsOneNominationEachUnderFreshIds() throws {
        var data = Fixtures.commune
        data.nominations["DN00007"] = Nomination(id: "DN00007", period: .year(2026), formID: "giay-khen-xa", nominee: .person("CN00001"))
        let snapshot = ScoreSnapshot(year: 2026, total: 90, className: "Xuất sắc", rank: 1)
        let suggestions = [Self.a, Self.b].map {
            Suggestion(subject: $0, formID: "giay-khen-xa", ruleID: "r", reason: "Xếp loại «Xuất sắc»", snapshot: snapshot)
        }
        let plan = NominationBulk.acceptPlan(suggestions, period: .year(2026), formID: "giay-khen-xa", in: data, context: Self.context)
        #expect(plan.ready == ["Phòng Kinh tế", "Văn phòng HĐND và UBND"])
        let applied = try data.apply(try #require(plan.batch()), context: Self.context)
        #expect(applied.dataset.nominations["DN00008"]?.nominee == Self.a)
        #expect(applied.dataset.nominations["DN00009"]?.nominee == Self.b)
        #expect(applied.dataset.nominations["DN00009"]?.scoreSnapshot == snapshot)
        #expect(try applied.dataset.apply(applied.inverse, context: Self.context).dataset == data)
    }
}
