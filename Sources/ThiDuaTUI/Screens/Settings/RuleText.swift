import ThiDuaDomain

/// The rules in Vietnamese: what kind of check a rule is and what its parameters say,
/// for the rules list (short) and its detail panel (full form names).
enum RuleText {
    static func kind(_ check: EligibilityRule.Check) -> String {
        switch check {
        case .minimumClass: return "Xếp loại tối thiểu"
        case .minimumScore: return "Điểm tối thiểu"
        case .onePerNomineeFormPeriod: return "Một đề nghị mỗi hình thức, mỗi đợt"
        case .discipline: return "Không đang bị kỷ luật"
        case .reportOnTime: return "Báo cáo năm đúng hạn"
        case .evidenceForScoredItems: return "Tiêu chí đã chấm có minh chứng"
        case .prerequisite: return "Khen thưởng phải có trước"
        case .voteThreshold: return "Ngưỡng biểu quyết của hội đồng"
        }
    }

    static func yesNo(_ value: Bool) -> String { value ? "có" : "không" }

    /// "Giấy khen CT UBND xã: từ «Tốt»"; with `full`, the forms' whole names.
    static func parameters(_ check: EligibilityRule.Check, catalog: AwardCatalog, full: Bool) -> String {
        let name = { (id: String) in
            full ? catalog.formName(id) : AwardText.shortFormName(id, in: catalog)
        }
        switch check {
        case .minimumClass(let formID, let className):
            return "\(name(formID)): từ «\(className)»"
        case .minimumScore(let formID, let minimum):
            return "\(name(formID)): từ \(minimum.display) điểm"
        case .prerequisite(let formID, let requires, let thematic):
            let thematicText = full ? "Áp dụng cả khen theo chuyên đề" : "cả chuyên đề"
            return "\(name(formID)) cần có \(name(requires)); \(thematicText): \(yesNo(thematic))"
        case .voteThreshold:
            return "theo mục Ngưỡng biểu quyết"
        case .onePerNomineeFormPeriod, .discipline, .reportOnTime, .evidenceForScoredItems:
            return "—"
        }
    }

    /// Class band names, best first: the choices for "at least" parameters.
    static func bandNames(_ rules: Rules) -> [String] {
        rules.classBands.sorted { $0.minimum > $1.minimum }.map(\.name)
    }

    /// "trên 50 %" for the table, whose header says the share is of all members.
    static func shortThreshold(_ threshold: VoteThreshold) -> String {
        (threshold.strictlyMore ? "trên " : "từ ") + "\(Int(threshold.percent)) %"
    }

    /// "Tập thể", "Cá nhân" or "Cả hai" (nil).
    static func subjects(_ kind: SubjectKind?) -> String { kind?.label ?? "Cả hai" }

    /// "xếp loại từ «Xuất sắc»" / "1 đứng đầu mỗi khối, từ «Xuất sắc»".
    static func pick(_ pick: SuggestionRule.Pick) -> String {
        switch pick {
        case .classAtLeast(let className): return "xếp loại từ «\(className)»"
        case .topOfBlock(let count, let className): return "\(count) đứng đầu mỗi khối, từ «\(className)»"
        }
    }
}
