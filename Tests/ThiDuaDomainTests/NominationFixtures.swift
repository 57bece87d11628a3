@testable import ThiDuaDomain

/// The fixture commune with the plan's four award forms, every eligibility rule of the
/// defaults and two suggestion rules: what nomination tests start from.
enum NominationFixtures {
    static let giayKhen = "giay-khen-xa"
    static let bangKhenTinh = "bang-khen-tinh"
    static let bangKhenThuTuong = "bang-khen-thu-tuong"
    static let huanChuong = "huan-chuong"

    static var eligibility: [EligibilityRule] {
        [EligibilityRule(id: "hang-giay-khen", check: .minimumClass(formID: giayKhen, className: "Tốt"), description: ""),
         EligibilityRule(id: "diem-bang-khen", check: .minimumScore(formID: bangKhenTinh, minimum: 85), description: ""),
         EligibilityRule(id: "mot-de-nghi", check: .onePerNomineeFormPeriod, description: ""),
         EligibilityRule(id: "ky-luat", check: .discipline, description: ""),
         EligibilityRule(id: "bao-cao", check: .reportOnTime, description: ""),
         EligibilityRule(id: "minh-chung", check: .evidenceForScoredItems, description: ""),
         EligibilityRule(id: "tien-quyet-ttg",
                         check: .prerequisite(formID: bangKhenThuTuong, requiresFormID: bangKhenTinh, appliesToThematic: false),
                         description: ""),
         EligibilityRule(id: "bieu-quyet", check: .voteThreshold, description: "")]
    }

    /// Two units of khối UBND and one person; DV0001 scores 95 (Xuất sắc), DV0002 75 (Khá),
    /// the person 92; all scored items carry evidence; DV0001 reported on time.
    static var commune: Dataset {
        var data = Fixtures.commune
        data.catalog.forms += [
            AwardForm(id: bangKhenTinh, name: "Bằng khen của Chủ tịch UBND tỉnh", issuer: "Chủ tịch UBND tỉnh", rank: 2,
                      periods: [.yearly, .midTerm, .endOfPhase], decidedInCommune: false),
            AwardForm(id: bangKhenThuTuong, name: "Bằng khen của Thủ tướng Chính phủ", issuer: "Thủ tướng Chính phủ",
                      rank: 3, periods: [.endOfPhase], decidedInCommune: false),
        ]
        data.rules.eligibility = eligibility
        data.rules.suggestions = [
            SuggestionRule(id: "xuat-sac", formID: giayKhen, pick: .classAtLeast(className: "Xuất sắc"), description: ""),
            SuggestionRule(id: "dan-dau", formID: bangKhenTinh, subjectKind: .collective,
                           pick: .topOfBlock(count: 1, minimumClass: "Tốt"), description: ""),
        ]
        let proof = [Evidence(documentNumber: "12/BC-VP", summary: "Báo cáo")]
        let scores: [(Subject, String, Points)] = [
            (.unit("DV0001"), "1.1", 55), (.unit("DV0001"), "1.2", 40),
            (.unit("DV0002"), "1.1", 45), (.unit("DV0002"), "1.2", 30),
            (.person("CN00001"), "4.1", 47), (.person("CN00001"), "4.2", 45),
        ]
        for (subject, item, value) in scores {
            data = try! Fixtures.apply(.setScore(year: 2026, subject: subject, item: item, field: .appraised, value: value), to: data)
            data = try! Fixtures.apply(.setItemEvidence(year: 2026, subject: subject, item: item, evidence: proof), to: data)
        }
        data = try! Fixtures.apply(.recordReport(report: ReportSubmission(
            year: 2026, unitID: "DV0001", receivedDate: try! CalendarDate(year: 2026, month: 11, day: 20))), to: data)
        return data
    }

    static func nomination(_ id: NominationID = "DN00001", _ nominee: Subject = .unit("DV0001"),
                           form: String = giayKhen, period: Period = .year(2026),
                           kind: AwardKind = .thematic) -> Nomination {
        Nomination(id: id, period: period, formID: form, kind: kind, nominee: nominee,
                   achievementSummary: "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số")
    }

    static func vote(agree: Int, total: Int = 9, present: Int = 9) -> CouncilVote {
        CouncilVote(method: .showOfHands, membersTotal: total, membersPresent: present,
                    agree: agree, disagree: present - agree, abstain: 0)
    }

    static func ruleIDs(_ nomination: Nomination, in data: Dataset) -> [String] {
        Eligibility.findings(for: nomination, in: data).map(\.ruleID)
    }
}
