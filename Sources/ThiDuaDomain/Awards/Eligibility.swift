/// Evaluates the office's eligibility rules (kept as data in `Rules.eligibility`) against one
/// nomination. Findings only warn: the office may proceed once each carries an override reason.
public enum Eligibility {
    /// The findings of every enabled rule that applies, in rule order, each carrying the override
    /// reason already recorded on the nomination for the same rule.
    public static func findings(for nomination: Nomination, in data: Dataset) -> [EligibilityFinding] {
        let overrides = Dictionary(nomination.findings.compactMap { finding in
            finding.overrideReason.map { (finding.ruleID, $0) }
        }, uniquingKeysWith: { first, _ in first })
        return data.rules.eligibility.filter { $0.enabled && $0.applies(to: nomination.kind) }.compactMap { rule in
            reason(for: rule.check, nomination: nomination, in: data).map {
                EligibilityFinding(ruleID: rule.id, reason: $0, overrideReason: overrides[rule.id])
            }
        }
    }

    /// Why `check` fails for the nomination, or nil when it passes or does not apply.
    static func reason(for check: EligibilityRule.Check, nomination: Nomination, in data: Dataset) -> String? {
        let year = nomination.period.referenceYear(settings: data.settings)
        let subject = nomination.nominee
        let formName = data.catalog.form(nomination.formID)?.name ?? nomination.formID
        switch check {
        case .minimumClass(let formID, let required):
            guard formID == nomination.formID else { return nil }
            guard let totals = data.totals(of: subject, year: year) else {
                return "Chưa có phiếu chấm điểm năm \(year) nên chưa xác định được xếp loại; \(formName) cần xếp loại từ «\(required)» trở lên."
            }
            let actual = data.rules.className(for: totals.total)
            guard data.rules.classRank(actual) > data.rules.classRank(required) else { return nil }
            return "Xếp loại năm \(year) là «\(actual)» (\(totals.total.display) điểm); \(formName) cần xếp loại từ «\(required)» trở lên."

        case .minimumScore(let formID, let minimum):
            guard formID == nomination.formID else { return nil }
            guard let totals = data.totals(of: subject, year: year) else {
                return "Chưa có phiếu chấm điểm năm \(year); \(formName) cần từ \(minimum.display) điểm trở lên."
            }
            guard totals.total < minimum else { return nil }
            return "Tổng điểm năm \(year) là \(totals.total.display); \(formName) cần từ \(minimum.display) điểm trở lên."

        case .onePerNomineeFormPeriod:
            if let granted = data.priorGrant(of: nomination) {
                return "Đã được tặng \(formName) năm \(granted.year) (quyết định \(granted.decision.number) ngày \(granted.decision.date.display)); mỗi đối tượng chỉ được khen một lần cho một hình thức trong một đợt."
            }
            let others = data.nominations.values
                .filter { $0.id != nomination.id && $0.nominee == subject
                    && $0.formID == nomination.formID && $0.period == nomination.period }
                .map(\.id).sorted()
            guard let first = others.first else { return nil }
            return "Đã có đề nghị \(first) cho \(formName) trong đợt «\(nomination.period.label(settings: data.settings))»; mỗi đối tượng chỉ được đề nghị một lần cho một hình thức trong một đợt."

        case .discipline:
            guard case .person(let id) = subject, let person = data.people[id], person.underDiscipline else { return nil }
            return "\(person.fullName) đang bị kỷ luật hoặc đang bị xem xét, điều tra; chưa được khen thưởng."

        case .reportOnTime:
            guard case .unit(let id) = subject else { return nil }
            let due = data.settings.unitReportDue(in: year)
            guard let report = data.reports[ReportKey(year: year, unitID: id)] else {
                return "Chưa nộp báo cáo năm \(year) (hạn \(due.display))."
            }
            guard data.settings.timeliness(of: report) == .late else { return nil }
            return "Nộp báo cáo năm \(year) muộn: nhận ngày \(report.receivedDate.display), hạn \(due.display)."

        case .evidenceForScoredItems:
            guard let totals = data.totals(of: subject, year: year), !totals.itemsWithoutEvidence.isEmpty else {
                return nil
            }
            let items = totals.itemsWithoutEvidence
            return "Năm \(year) có \(items.count) tiêu chí được chấm điểm nhưng chưa có minh chứng: \(items.joined(separator: ", "))."

        case .prerequisite(let formID, let requiredID, _):
            // Which kinds the prerequisite binds is the rule's `kinds` (see EligibilityRule).
            guard formID == nomination.formID else { return nil }
            let requiredName = data.catalog.form(requiredID)?.name ?? requiredID
            let prior = data.awards.values.filter { award in
                guard award.recipient == subject, case .form(let id, _) = award.recognition, id == requiredID,
                      award.year <= year, award.nominationID != nomination.id else { return false }
                return true
            }
            // Thematic awards do not count toward merit-route awards (the emulation law).
            let counting = nomination.kind == .thematic ? prior : prior.filter { $0.kind != .thematic }
            guard counting.isEmpty else { return nil }
            let ignored = prior.isEmpty ? "" : " (đã có \(prior.count) lần khen theo đợt hoặc chuyên đề, không được tính)"
            return "Chưa có \(requiredName) trong lịch sử khen thưởng\(ignored); \(formName) cần có trước hình thức này."

        case .voteThreshold:
            guard let vote = nomination.vote else { return nil }
            let threshold = data.rules.voteThreshold(forForm: nomination.formID)
            guard !threshold.passes(vote) else { return nil }
            return "Biểu quyết: \(vote.agree)/\(vote.membersTotal) thành viên đồng ý (\(vote.agreePercentText) % tổng số thành viên), chưa đạt ngưỡng \(threshold.label)."
        }
    }
}

extension Dataset {
    /// Which kinds of commendation the rule behind `finding` binds, for the screens: every
    /// finding says whether it is a merit-route standard or applies to every award.
    /// The rule's short label («Biểu quyết»), for lists too narrow for the reason.
    public func shortReason(of finding: EligibilityFinding) -> String {
        rules.eligibility.first { $0.id == finding.ruleID }?.shortLabel ?? finding.ruleID
    }

    public func scope(of finding: EligibilityFinding) -> String {
        rules.eligibility.first { $0.id == finding.ruleID }.map { "Áp dụng cho \($0.kindsLabel)" } ?? ""
    }

    /// An award of the nomination's form already granted to the nominee for the same year
    /// (entered from an older decision or from another nomination), if any. Only yearly
    /// periods have a year to compare; the mid-term and end of phase are checked by nominations.
    func priorGrant(of nomination: Nomination) -> AwardRecord? {
        grants(of: nomination.formID, in: nomination.period)
            .filter { $0.recipient == nomination.nominee && $0.nominationID != nomination.id }
            .min { $0.id < $1.id }
    }

    /// Awards of `formID` (any grade) granted for a yearly period's year; none for the
    /// mid-term and end of phase, which have no single year.
    func grants(of formID: String, in period: Period) -> [AwardRecord] {
        guard case .year(let year) = period else { return [] }
        return awards.values.filter { award in
            guard award.year == year, case .form(let id, _) = award.recognition else { return false }
            return id == formID
        }
    }

    /// Totals of a subject's sheet for a year, if the sheet and its criteria set exist.
    public func totals(of subject: Subject, year: Int) -> SheetTotals? {
        sheets[SheetKey(year: year, subject: subject)].flatMap { totals(of: $0) }
    }
}

extension CouncilVote {
    /// "44,4": one decimal, Vietnamese comma.
    public var agreePercentText: String {
        let tenths = Int((agreePercentOfMembers * 10).rounded())
        return "\(tenths / 10),\(tenths % 10)"
    }
}
