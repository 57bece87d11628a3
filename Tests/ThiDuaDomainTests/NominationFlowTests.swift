import Testing
@testable import ThiDuaDomain

/// The status flow, overrides, decisions into the award history, and suggestions.
@Suite struct NominationFlowTests {
    typealias F = NominationFixtures

    private func withNomination(_ n: Nomination = F.nomination(), in data: Dataset = F.commune) throws -> Dataset {
        try Fixtures.apply(.addNomination(nomination: n), to: data)
    }

    private func message(_ change: Change, _ data: Dataset) -> String? {
        do { _ = try data.apply(change, context: Fixtures.context); return nil } catch { return error.message }
    }

    private let decision = Decision(number: "123/QĐ-UBND", date: try! CalendarDate(year: 2026, month: 11, day: 24),
                                    issuer: "Chủ tịch UBND xã Phong Quang")

    @Test func recordingAVoteMovesAProposedNominationToCouncilReviewedAndLogsIt() throws {
        let data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 7)), to: try withNomination())
        let n = try #require(data.nominations["DN00001"])
        #expect(n.status == .councilReviewed)
        #expect(n.statusHistory.count == 1)
        #expect(n.statusHistory[0].user == "kiểm thử")
        #expect(n.statusHistory[0].reason.hasPrefix("Hội đồng biểu quyết: 7/9 thành viên đồng ý (77,8 %"))
    }

    @Test func forwardMovesCannotSkipASteps() throws {
        let data = try withNomination()
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), data)
            == "Đề nghị DN00001 (Phòng Kinh tế) đang «Dự kiến»; chỉ chuyển tiếp được sang «Hội đồng đã xét», không bỏ qua bước.")
        #expect(message(.setNominationStatus(id: "DN00001", status: .councilReviewed, reason: ""), data)
            == "Đề nghị DN00001 (Phòng Kinh tế) chưa có kết quả biểu quyết của hội đồng; hãy ghi biểu quyết trước.")
    }

    @Test func movingBackNeedsAReasonThatTheHistoryKeeps() throws {
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 7)), to: try withNomination())
        #expect(message(.setNominationStatus(id: "DN00001", status: .proposed, reason: "  "), data)
            == "Chuyển Đề nghị DN00001 (Phòng Kinh tế) từ «Hội đồng đã xét» về «Dự kiến» cần ghi lý do.")
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .proposed, reason: "Bổ sung hồ sơ"), to: data)
        let n = try #require(data.nominations["DN00001"])
        #expect(n.status == .proposed)
        #expect(n.statusHistory.map(\.status) == [.councilReviewed, .proposed])
        #expect(n.statusHistory.last?.reason == "Bổ sung hồ sơ")
    }

    @Test func aFailedVoteIsTheCouncilsAnswerNotAWarningToOverride() throws {
        let data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 4)), to: try withNomination())
        #expect(data.nominations["DN00001"]?.status == .councilReviewed, "the council did review it")
        #expect(data.nominations["DN00001"]?.findings.map(\.ruleID) == ["bieu-quyet"], "the snapshot keeps the finding")
        #expect(data.councilOutcome(of: data.nominations["DN00001"]!) == .failed)
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), data)?
            .hasPrefix("Đề nghị DN00001 (Phòng Kinh tế) không đạt biểu quyết: 4/9 thành viên đồng ý (44,4 %)") == true)
        #expect(message(.overrideFinding(id: "DN00001", ruleID: "bieu-quyet", reason: " "), data)
            == "Cần ghi lý do vẫn đề nghị DN00001 dù có cảnh báo.")
        #expect(message(.overrideFinding(id: "DN00001", ruleID: "bieu-quyet", reason: "Hai thành viên vắng đã gửi ý kiến đồng ý"), data)?
            .hasPrefix("Kết quả biểu quyết của hội đồng không phải cảnh báo để bỏ qua") == true)
        // An override stored by an older version (or by hand) does not pass the vote either.
        var stored = try #require(data.nominations["DN00001"])
        stored.findings[0].overrideReason = "Hai thành viên vắng đã gửi ý kiến đồng ý"
        let legacy = try Fixtures.apply(.updateNomination(nomination: stored), to: data)
        #expect(legacy.openFindings(of: stored).isEmpty)
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), legacy)?
            .contains("không đạt biểu quyết") == true)
        #expect(message(.setNominationStatus(id: "DN00001", status: .rejected, reason: ""), legacy) == nil)
    }

    @Test func aStandingFindingBlocksSubmissionUntilOverriddenWithAReason() throws {
        var data = try Fixtures.apply(.setItemEvidence(year: 2026, subject: .unit("DV0001"), item: "1.1", evidence: []),
                                      to: try withNomination())
        data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 7)), to: data)
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), data)?
            .hasPrefix("Đề nghị DN00001 (Phòng Kinh tế) còn cảnh báo chưa xử lý: Năm 2026 có 1 tiêu chí") == true)
        #expect(message(.overrideFinding(id: "DN00001", ruleID: "ky-luat", reason: "x"), data)
            == "Đề nghị DN00001 không có cảnh báo của quy tắc «ky-luat» (có thể đã được khắc phục).")
        data = try Fixtures.apply(.overrideFinding(id: "DN00001", ruleID: "minh-chung",
                                                   reason: "Minh chứng nộp bản giấy"), to: data)
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), to: data)
        let n = try #require(data.nominations["DN00001"])
        #expect(n.status == .submitted)
        #expect(n.findings == [EligibilityFinding(ruleID: "minh-chung", reason: n.findings[0].reason,
                                                  overrideReason: "Minh chứng nộp bản giấy")])
    }

    @Test func aNewFindingAfterAnOverrideBlocksAgain() throws {
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 7)), to: try withNomination())
        data = try Fixtures.apply(.setItemEvidence(year: 2026, subject: .unit("DV0001"), item: "1.1", evidence: []), to: data)
        data = try Fixtures.apply(.overrideFinding(id: "DN00001", ruleID: "minh-chung", reason: "Lý do"), to: data)
        data = try Fixtures.apply(.removeReport(year: 2026, unitID: "DV0001"), to: data)
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), data)?
            .contains("Chưa nộp báo cáo năm 2026") == true)
    }

    @Test func aDecisionCannotPredateTheVote() throws {
        var voted = F.vote(agree: 7)
        voted.date = try CalendarDate(year: 2026, month: 11, day: 25)
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: voted), to: try withNomination())
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), to: data)
        #expect(message(.recordDecision(id: "DN00001", decision: decision, awardID: "KT00001"), data)
            == "Quyết định 123/QĐ-UBND ngày 24/11/2026 trước ngày hội đồng biểu quyết đề nghị DN00001 (25/11/2026); quyết định phải từ ngày biểu quyết trở đi.")
    }

    @Test func aDecisionNumberTypedAsItsSerialIsStoredWhole() throws {
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 7)), to: try withNomination())
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), to: data)
        var typed = decision
        typed.number = " 215 "
        let applied = try data.apply(.recordDecision(id: "DN00001", decision: typed, awardID: "KT00001"), context: Fixtures.context)
        #expect(applied.dataset.nominations["DN00001"]?.decision?.number == "215/QĐ-UBND")
        #expect(applied.dataset.awards["KT00001"]?.decision.number == "215/QĐ-UBND")
        guard case .recordDecision(_, let journaled, _) = applied.change else { Issue.record("not a decision"); return }
        #expect(journaled.number == "215/QĐ-UBND", "the journal records the canonical number")
        typed.number = "215 / QĐ-UBND"
        #expect(try data.apply(.recordDecision(id: "DN00001", decision: typed, awardID: "KT00001"), context: Fixtures.context)
            .dataset.awards["KT00001"]?.decision.number == "215/QĐ-UBND")
        typed.number = "/QĐ-UBND"
        #expect(message(.recordDecision(id: "DN00001", decision: typed, awardID: "KT00001"), data)
            == "Số quyết định «/QĐ-UBND» thiếu số trước dấu «/»; nhập «215» hoặc «215/QĐ-UBND».")
    }

    @Test func theDecisionMovesTheAwardIntoTheHistoryAndUndoTakesItBack() throws {
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 8)), to: try withNomination())
        #expect(message(.recordDecision(id: "DN00001", decision: decision, awardID: "KT00001"), data)
            == "Đề nghị DN00001 đang «Hội đồng đã xét»; chỉ ghi quyết định khi đề nghị đã trình.")
        #expect(message(.setNominationStatus(id: "DN00001", status: .awarded, reason: ""), data)?
            .hasPrefix("Chuyển sang «Đã khen» bằng cách ghi quyết định") == true)
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), to: data)
        let before = data
        let applied = try data.apply(.recordDecision(id: "DN00001", decision: decision, awardID: "KT00001"),
                                     context: Fixtures.context)
        data = applied.dataset
        let n = try #require(data.nominations["DN00001"])
        #expect(n.status == .awarded)
        #expect(n.decision == decision)
        #expect(n.statusHistory.map(\.status) == [.councilReviewed, .submitted, .awarded])
        let award = try #require(data.awards["KT00001"])
        #expect(award.recipient == .unit("DV0001"))
        #expect(award.recognition == .form(id: F.giayKhen, grade: nil))
        #expect(award.year == 2026)
        #expect(award.kind == .thematic)
        #expect(award.nominationID == "DN00001")
        #expect(message(.removeNomination(id: "DN00001"), data)?.contains("đã ghi vào lịch sử khen thưởng") == true)
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: "Nhầm"), data)?
            .contains("hãy xóa khen thưởng đó trước") == true)
        #expect(try data.apply(applied.inverse, context: Fixtures.context).dataset == before)
    }

    @Test func aDecisionDatedAfterTodayIsRefused() throws {
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 8)), to: try withNomination())
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), to: data)
        var late = decision
        late.date = try CalendarDate(year: 2026, month: 12, day: 1)
        #expect(message(.recordDecision(id: "DN00001", decision: late, awardID: "KT00001"), data)
            == "Ngày quyết định (01/12/2026) không được sau hôm nay.")
    }

    @Test func aRejectedNominationCanBeReopenedOnlyWithAReason() throws {
        var data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 2)), to: try withNomination())
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .rejected, reason: ""), to: data)
        #expect(data.nominations["DN00001"]?.status == .rejected)
        #expect(message(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), data)?
            .hasSuffix("cần ghi lý do.") == true)
    }

    @Test func anAwardFromTheHistoryFulfilsALaterPrerequisite() throws {
        var data = F.commune
        var bk = F.nomination("DN00001", .person("CN00001"), form: F.bangKhenTinh, kind: .merit)
        bk.status = .proposed
        data = try Fixtures.apply(.addNomination(nomination: bk), to: data)
        data = try Fixtures.apply(.recordVote(id: "DN00001", vote: F.vote(agree: 9)), to: data)
        data = try Fixtures.apply(.setNominationStatus(id: "DN00001", status: .submitted, reason: ""), to: data)
        data = try Fixtures.apply(.recordDecision(id: "DN00001", decision: decision, awardID: "KT00001"), to: data)
        let ttg = F.nomination("DN00002", .person("CN00001"), form: F.bangKhenThuTuong, period: .endOfPhase, kind: .merit)
        #expect(!F.ruleIDs(ttg, in: data).contains("tien-quyet-ttg"))
    }

    @Test func suggestionsFollowTheRulesAndSkipNomineesAlreadyProposed() throws {
        let data = F.commune
        let giayKhen = data.suggestions(period: .year(2026), formID: F.giayKhen)
        #expect(giayKhen.map(\.subject) == [.unit("DV0001"), .person("CN00001")], "class Xuất sắc only; DV0002 is Khá")
        #expect(giayKhen[0].reason == "Xếp loại «Xuất sắc» (95 điểm), hạng 1 khối UBND")
        #expect(giayKhen[0].snapshot == ScoreSnapshot(year: 2026, total: 95, className: "Xuất sắc", rank: 1))
        #expect(data.suggestions(period: .year(2026), formID: F.bangKhenTinh).map(\.subject) == [.unit("DV0001")],
                "best of each khối, collectives only")
        let nominated = try withNomination()
        #expect(nominated.suggestions(period: .year(2026), formID: F.giayKhen).map(\.subject) == [.person("CN00001")])
        #expect(data.suggestions(period: .year(2026), formID: F.huanChuong).isEmpty, "no rule for this form")
        #expect(data.suggestions(period: .year(2025), formID: F.giayKhen).isEmpty, "no scores in 2025")
    }

    @Test func suggestionRulesAreValidatedWhenSaved() throws {
        var rules = F.commune.rules
        rules.suggestions[1].pick = .topOfBlock(count: 0, minimumClass: "Tốt")
        #expect(message(.updateRules(rules: rules), F.commune)
            == "Quy tắc gợi ý «dan-dau»: số đứng đầu mỗi khối phải từ 1 đến 50 (đã nhập 0).")
        rules.suggestions[1].pick = .classAtLeast(className: "Giỏi")
        #expect(message(.updateRules(rules: rules), F.commune) == "Quy tắc gợi ý «dan-dau»: không có mức xếp loại «Giỏi».")
    }

    @Test func periodsCoverEveryYearThenMidTermAndEndOfPhase() {
        let settings = Fixtures.settings
        #expect(Period.all(settings: settings).map(\.token)
            == ["2025", "2026", "2027", "2028", "2029", "2030", "so-ket", "tong-ket"])
        #expect(Period.midTerm.referenceYear(settings: settings) == 2027)
        #expect(Period.endOfPhase.referenceYear(settings: settings) == 2030)
        let catalog = F.commune.catalog
        #expect(catalog.forms(for: .endOfPhase).map(\.id) == [F.huanChuong, F.bangKhenThuTuong, F.bangKhenTinh, F.giayKhen])
        #expect(catalog.forms(for: .year(2026)).map(\.id) == [F.bangKhenTinh, F.giayKhen])
    }
}
