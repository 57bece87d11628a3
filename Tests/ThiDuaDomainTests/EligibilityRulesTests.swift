import Testing
@testable import ThiDuaDomain

/// Every eligibility rule with a passing and a failing case. Findings are warnings with a
/// Vietnamese reason; they never refuse the nomination itself.
@Suite struct EligibilityRulesTests {
    typealias F = NominationFixtures

    private func reasons(_ n: Nomination, _ data: Dataset, rule: String) -> [String] {
        Eligibility.findings(for: n, in: data).filter { $0.ruleID == rule }.map(\.reason)
    }

    @Test func aWellScoredUnitThatReportedOnTimeHasNoFindings() {
        #expect(F.ruleIDs(F.nomination(), in: F.commune).isEmpty)
    }

    @Test func minimumClassPassesAtTheBandAndFailsBelowIt() throws {
        let data = F.commune
        #expect(reasons(F.nomination(), data, rule: "hang-giay-khen").isEmpty, "95 điểm: Xuất sắc")
        let khá = reasons(F.nomination("DN00002", .unit("DV0002")), data, rule: "hang-giay-khen")
        #expect(khá == ["Xếp loại năm 2026 là «Khá» (75 điểm); Giấy khen của Chủ tịch UBND xã cần xếp loại từ «Tốt» trở lên."])
        var unscored = data
        unscored.sheets[SheetKey(year: 2026, subject: .unit("DV0002"))] = nil
        let none = reasons(F.nomination("DN00002", .unit("DV0002")), unscored, rule: "hang-giay-khen")
        #expect(none.first?.hasPrefix("Chưa có phiếu chấm điểm năm 2026") == true)
    }

    @Test func minimumScoreAppliesOnlyToItsForm() {
        let data = F.commune
        #expect(reasons(F.nomination(form: F.bangKhenTinh), data, rule: "diem-bang-khen").isEmpty)
        #expect(reasons(F.nomination("DN00002", .unit("DV0002"), form: F.bangKhenTinh), data, rule: "diem-bang-khen")
            == ["Tổng điểm năm 2026 là 75; Bằng khen của Chủ tịch UBND tỉnh cần từ 85 điểm trở lên."])
        #expect(reasons(F.nomination("DN00002", .unit("DV0002")), data, rule: "diem-bang-khen").isEmpty,
                "the rule is for Bằng khen tỉnh, not Giấy khen")
    }

    @Test func oneNominationPerNomineeFormAndPeriod() throws {
        var data = try Fixtures.apply(.addNomination(nomination: F.nomination()), to: F.commune)
        #expect(reasons(data.nominations["DN00001"]!, data, rule: "mot-de-nghi").isEmpty)
        #expect(reasons(F.nomination("DN00002", form: F.bangKhenTinh), data, rule: "mot-de-nghi").isEmpty,
                "another form is fine")
        #expect(reasons(F.nomination("DN00002", period: .midTerm), data, rule: "mot-de-nghi").isEmpty,
                "another period is fine")
        data = try Fixtures.apply(.addNomination(nomination: F.nomination("DN00002")), to: data)
        #expect(reasons(data.nominations["DN00002"]!, data, rule: "mot-de-nghi").first?
            .hasPrefix("Đã có đề nghị DN00001 cho Giấy khen của Chủ tịch UBND xã trong đợt «Năm 2026»") == true)
    }

    @Test func anAwardAlreadyGrantedForTheYearCountsAsTheOneNomination() throws {
        var data = F.commune
        let n = F.nomination()
        data.awards["KT00001"] = AwardRecord(id: "KT00001", recipient: .unit("DV0001"), recognition: .form(id: F.giayKhen, grade: nil),
                                             kind: .thematic, year: 2025,
                                             decision: Decision(number: "215/QĐ-UBND", date: try CalendarDate(year: 2025, month: 12, day: 20),
                                                                issuer: "Chủ tịch UBND xã"))
        #expect(reasons(n, data, rule: "mot-de-nghi").isEmpty, "an award of 2025 does not count for 2026")
        #expect(!data.suggestions(period: .year(2026), formID: F.giayKhen).isEmpty)
        data.awards["KT00001"]?.year = 2026
        #expect(reasons(n, data, rule: "mot-de-nghi")
            == ["Đã được tặng Giấy khen của Chủ tịch UBND xã năm 2026 (quyết định 215/QĐ-UBND ngày 20/12/2025); mỗi đối tượng chỉ được khen một lần cho một hình thức trong một đợt."])
        #expect(!data.suggestions(period: .year(2026), formID: F.giayKhen).map(\.subject).contains(.unit("DV0001")),
                "not suggested again")
    }

    @Test func disciplineFlagWarns() {
        var data = F.commune
        let n = F.nomination("DN00002", .person("CN00001"))
        #expect(reasons(n, data, rule: "ky-luat").isEmpty)
        data.people["CN00001"]?.underDiscipline = true
        #expect(reasons(n, data, rule: "ky-luat")
            == ["Nguyễn Thị Hòa đang bị kỷ luật hoặc đang bị xem xét, điều tra; chưa được khen thưởng."])
    }

    @Test func missingOrLateReportWarnsForUnitsOnly() throws {
        var data = F.commune
        #expect(reasons(F.nomination(), data, rule: "bao-cao").isEmpty, "received 20/11")
        #expect(reasons(F.nomination("DN00002", .unit("DV0002")), data, rule: "bao-cao")
            == ["Chưa nộp báo cáo năm 2026 (hạn 25/11/2026)."])
        data.reports[ReportKey(year: 2026, unitID: "DV0001")]?.receivedDate = try CalendarDate(year: 2026, month: 11, day: 27)
        #expect(reasons(F.nomination(), data, rule: "bao-cao")
            == ["Nộp báo cáo năm 2026 muộn: nhận ngày 27/11/2026, hạn 25/11/2026."])
        #expect(reasons(F.nomination("DN00003", .person("CN00001")), data, rule: "bao-cao").isEmpty)
    }

    @Test func scoredItemsWithoutEvidenceWarnByCode() throws {
        let data = try Fixtures.apply(.setItemEvidence(year: 2026, subject: .unit("DV0001"), item: "1.2", evidence: []),
                                      to: F.commune)
        #expect(reasons(F.nomination(), F.commune, rule: "minh-chung").isEmpty)
        #expect(reasons(F.nomination(), data, rule: "minh-chung")
            == ["Năm 2026 có 1 tiêu chí được chấm điểm nhưng chưa có minh chứng: 1.2."])
    }

    private func priorAward(_ form: String, kind: AwardKind, year: Int = 2024) -> AwardRecord {
        AwardRecord(id: "KT00001", recipient: .person("CN00001"), recognition: .form(id: form, grade: nil), kind: kind,
                    year: year, decision: Decision(number: "88/QĐ-UBND", date: try! CalendarDate(year: year, month: 12, day: 1),
                                                   issuer: "Chủ tịch UBND tỉnh"))
    }

    @Test func meritPrerequisiteNeedsAPriorNonThematicAward() {
        var data = F.commune
        let merit = F.nomination("DN00002", .person("CN00001"), form: F.bangKhenThuTuong, period: .endOfPhase, kind: .merit)
        #expect(reasons(merit, data, rule: "tien-quyet-ttg")
            == ["Chưa có Bằng khen của Chủ tịch UBND tỉnh trong lịch sử khen thưởng; Bằng khen của Thủ tướng Chính phủ cần có trước hình thức này."])
        data.awards["KT00001"] = priorAward(F.bangKhenTinh, kind: .thematic)
        #expect(reasons(merit, data, rule: "tien-quyet-ttg").first?
            .contains("đã có 1 lần khen theo đợt hoặc chuyên đề, không được tính") == true)
        data.awards["KT00001"] = priorAward(F.bangKhenTinh, kind: .merit)
        #expect(reasons(merit, data, rule: "tien-quyet-ttg").isEmpty)
    }

    @Test func prerequisiteIsSwitchableForThematicAwards() {
        var data = F.commune
        let thematic = F.nomination("DN00002", .person("CN00001"), form: F.bangKhenThuTuong, period: .endOfPhase)
        #expect(reasons(thematic, data, rule: "tien-quyet-ttg").isEmpty, "off for thematic awards by default")
        #expect(data.rules.eligibility[6].kinds == [.merit], "a merit-route rule")
        #expect(data.rules.eligibility[6].kindsLabel == "khen thưởng theo công trạng và thành tích")
        data.rules.eligibility[6].kinds = [.merit, .thematic]
        #expect(reasons(thematic, data, rule: "tien-quyet-ttg").count == 1)
        let finding = Eligibility.findings(for: thematic, in: data).first { $0.ruleID == "tien-quyet-ttg" }!
        #expect(data.scope(of: finding) == "Áp dụng cho khen thưởng theo công trạng và thành tích, theo đợt hoặc chuyên đề")
        data.awards["KT00001"] = priorAward(F.bangKhenTinh, kind: .thematic)
        #expect(reasons(thematic, data, rule: "tien-quyet-ttg").isEmpty, "a thematic prior counts for a thematic award")
    }

    @Test func voteBelowThresholdWarnsWithThePercentageOfAllMembers() {
        var data = F.commune
        var n = F.nomination()
        n.vote = F.vote(agree: 5)
        #expect(reasons(n, data, rule: "bieu-quyet").isEmpty, "5/9 = 55,6 % > 50 %")
        n.vote = F.vote(agree: 4)
        #expect(reasons(n, data, rule: "bieu-quyet")
            == ["Biểu quyết: 4/9 thành viên đồng ý (44,4 % tổng số thành viên), chưa đạt ngưỡng trên 50 % tổng số thành viên."])
        n.vote = F.vote(agree: 5, total: 10, present: 10)
        #expect(reasons(n, data, rule: "bieu-quyet").count == 1, "exactly 50 % is not more than 50 %")
        data.rules.voteThresholds[F.giayKhen] = VoteThreshold(percent: 50, strictlyMore: false)
        #expect(reasons(n, data, rule: "bieu-quyet").isEmpty, "at least 50 % for this form")
    }

    @Test func percentageCountsAllMembersNotThosePresent() {
        let vote = CouncilVote(method: .secretBallot, membersTotal: 9, membersPresent: 6, agree: 5, disagree: 1, abstain: 0)
        #expect(vote.agreePercentText == "55,6")
        #expect(!VoteThreshold(percent: 60, strictlyMore: false).passes(vote), "5/6 present would pass; 5/9 does not")
    }

    @Test func aDisabledRuleGivesNoFinding() {
        var data = F.commune
        data.people["CN00001"]?.underDiscipline = true
        data.rules.eligibility[3].enabled = false
        #expect(!F.ruleIDs(F.nomination("DN00002", .person("CN00001")), in: data).contains("ky-luat"))
    }

    @Test(arguments: [
        (9, 10, 5, 2, 0, "Số thành viên có mặt (10) không được lớn hơn tổng số thành viên (9)."),
        (9, 7, 5, 2, 1, "Tổng đồng ý, không đồng ý và không biểu quyết (8) vượt quá số thành viên có mặt (7)."),
        (0, 0, 0, 0, 0, "Tổng số thành viên hội đồng phải lớn hơn 0."),
        (9, 7, -1, 2, 0, "Số đồng ý không được âm (đã nhập -1)."),
    ])
    func inconsistentCountsAreRefusedWithAMessage(total: Int, present: Int, agree: Int, disagree: Int, abstain: Int,
                                                  message: String) throws {
        let data = try Fixtures.apply(.addNomination(nomination: F.nomination()), to: F.commune)
        let vote = CouncilVote(method: .showOfHands, membersTotal: total, membersPresent: present,
                               agree: agree, disagree: disagree, abstain: abstain)
        #expect(throws: DomainError(field: "Biểu quyết", message)) {
            try Fixtures.apply(.recordVote(id: "DN00001", vote: vote), to: data)
        }
    }
}
