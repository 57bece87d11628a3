/// The documents that list nominations. Each holds its own set, decided here and nowhere
/// else, so that the paper the chairman signs never names someone the council did not pass.
public enum NominationDocument: Equatable, Sendable {
    /// The list put before the council: the nominations still open («Dự kiến»).
    case councilList
    /// The council's minutes: every nomination it voted on, passed or not.
    case minutes
    /// A tờ trình to one authority: nominations that passed the vote, with no standing
    /// warning, of the forms that authority is asked for.
    case submission(SubmissionTarget)
    /// The commune chairman's decision: passed Giấy khen nominations not yet decided (a
    /// draft), or, once a decision with this number is recorded, exactly the ones it decided.
    case decision(number: String)

    /// The rule in the office's words, for the documents screen.
    public var rule: String {
        switch self {
        case .councilList:
            return "Gồm các đề nghị còn «Dự kiến» (chưa qua hội đồng) của đợt và hình thức đã chọn."
        case .minutes:
            return "Gồm mọi đề nghị hội đồng đã biểu quyết, ghi rõ đạt hay không đạt ngưỡng."
        case .submission(let target):
            return "Gồm các đề nghị đã đạt biểu quyết của hội đồng, không còn cảnh báo chưa xử lý, thuộc hình thức trình \(target == .communeChairman ? "Chủ tịch UBND xã" : "Chủ tịch UBND tỉnh")."
        case .decision:
            return "Gồm các đề nghị Giấy khen đã đạt biểu quyết, không còn cảnh báo, chưa có quyết định; in lại quyết định đã ghi (nhập đúng số) thì gồm đúng các đề nghị của quyết định đó."
        }
    }

    /// Whether the document covers nominations of `form`.
    public func covers(_ form: AwardForm) -> Bool {
        switch self {
        case .councilList, .minutes: return true
        case .submission(let target): return form.submittedTo == target
        case .decision: return form.decidedInCommune
        }
    }
}

/// Why a nomination of the period and form is not in a document.
public enum NominationExclusion: Int, Comparable, CaseIterable, Sendable {
    case alreadyConsidered
    case notVoted
    case failedVote
    case rejected
    case openFinding
    case alreadyDecided
    case notInDecision

    public static func < (a: NominationExclusion, b: NominationExclusion) -> Bool { a.rawValue < b.rawValue }

    /// «chưa biểu quyết», counted on the documents screen.
    public var label: String {
        switch self {
        case .alreadyConsidered: return "đã qua hội đồng"
        case .notVoted: return "chưa biểu quyết"
        case .failedVote: return "không đạt biểu quyết"
        case .rejected: return "không được khen"
        case .openFinding: return "còn cảnh báo chưa xử lý"
        case .alreadyDecided: return "đã có quyết định"
        case .notInDecision: return "không thuộc quyết định này"
        }
    }
}

/// The nominations one document holds, form by form (most senior first, forms with nobody
/// left out), each form's list in the office's order, and the ones it leaves out with why.
public struct NominationSelection: Sendable {
    public struct FormPart: Sendable {
        public let form: AwardForm
        public let collectives: [Nomination]
        public let individuals: [Nomination]

        public var nominations: [Nomination] { collectives + individuals }
        /// Distinct nominees: one nominee listed twice for a form counts once.
        public var collectiveCount: Int { Set(collectives.map(\.nominee)).count }
        public var individualCount: Int { Set(individuals.map(\.nominee)).count }
    }

    public let document: NominationDocument
    public let parts: [FormPart]
    public let excluded: [(nomination: Nomination, reason: NominationExclusion)]

    public var nominations: [Nomination] { parts.flatMap(\.nominations) }

    /// The day a decision's money is counted on: the recorded decision's own date, else the
    /// date printed on the draft (the base salary is the one in force when it is signed).
    public func decisionDate(draftDate: CalendarDate) -> CalendarDate {
        nominations.compactMap { $0.decision?.date }.max() ?? draftDate
    }
    public var isEmpty: Bool { parts.isEmpty }

    /// «3 chưa biểu quyết, 1 không đạt biểu quyết», or empty when nothing is left out.
    public var exclusionSummary: String {
        let counts = Dictionary(grouping: excluded, by: \.reason).mapValues(\.count)
        return NominationExclusion.allCases.compactMap { reason in
            counts[reason].map { "\($0) \(reason.label)" }
        }.joined(separator: ", ")
    }
}

extension Dataset {
    /// The nominations `document` holds for `period`, over one form or (nil) every form of
    /// the period the document covers.
    public func selection(_ document: NominationDocument, period: Period, formID: String?) -> NominationSelection {
        let forms = catalog.forms(for: period).filter { (formID == nil || $0.id == formID) && document.covers($0) }
        let recorded = recordedDecision(document, period: period, forms: forms)
        var parts: [NominationSelection.FormPart] = []
        var excluded: [(nomination: Nomination, reason: NominationExclusion)] = []
        for form in forms {
            let candidates = sortedNominations(nominations.values.filter { $0.period == period && $0.formID == form.id })
            var kept: [Nomination] = []
            for nomination in candidates {
                if let reason = exclusion(of: nomination, from: document, recorded: recorded) {
                    excluded.append((nomination, reason))
                } else {
                    kept.append(nomination)
                }
            }
            guard !kept.isEmpty else { continue }
            parts.append(.init(form: form, collectives: kept.filter { $0.nominee.kind == .collective },
                               individuals: kept.filter { $0.nominee.kind == .individual }))
        }
        return NominationSelection(document: document, parts: parts, excluded: excluded)
    }

    /// For a decision: whether a decision of that number is already recorded on a
    /// nomination of the period, in which case the document is that decision.
    private func recordedDecision(_ document: NominationDocument, period: Period, forms: [AwardForm]) -> String? {
        guard case .decision(let number) = document, !number.isEmpty else { return nil }
        let formIDs = Set(forms.map(\.id))
        let decided = nominations.values.contains {
            $0.period == period && formIDs.contains($0.formID) && $0.decision?.number == number
        }
        return decided ? number : nil
    }

    private func exclusion(of n: Nomination, from document: NominationDocument,
                           recorded: String?) -> NominationExclusion? {
        switch document {
        case .councilList:
            return n.status == .proposed ? nil : .alreadyConsidered
        case .minutes:
            return n.vote == nil ? .notVoted : nil
        case .submission:
            return standing(n)
        case .decision:
            if let recorded { return n.decision?.number == recorded ? nil : .notInDecision }
            if n.decision != nil { return .alreadyDecided }
            return standing(n)
        }
    }

    /// Why a nomination may not go to an authority: not passed by the council, turned down,
    /// or with a warning nobody answered.
    private func standing(_ n: Nomination) -> NominationExclusion? {
        if n.status == .rejected { return .rejected }
        switch councilOutcome(of: n) {
        case .notVoted: return .notVoted
        case .failed: return .failedVote
        case .passed: return openFindings(of: n).isEmpty ? nil : .openFinding
        }
    }

    /// The authority a tờ trình goes to: the one asked for, the one of the form chosen, or the
    /// only one the period's submittable nominations go to. Several and none chosen: the
    /// choices, for the caller to ask.
    public func submissionTarget(period: Period, formID: String?,
                                 requested: SubmissionTarget?) -> Result<SubmissionTarget, SubmissionTargetChoice> {
        let form = formID.flatMap { catalog.form($0) }
        if let requested {
            if let form, form.submittedTo != requested {
                return .failure(.formGoesElsewhere(form: form, requested: requested))
            }
            return .success(requested)
        }
        if let form { return .success(form.submittedTo) }
        let periodForms = catalog.forms(for: period)
        let used = SubmissionTarget.allCases.filter { target in
            !selection(.submission(target), period: period, formID: nil).isEmpty
        }
        if used.count == 1 { return .success(used[0]) }
        let possible = SubmissionTarget.allCases.filter { target in periodForms.contains { $0.submittedTo == target } }
        if used.isEmpty, possible.count == 1 { return .success(possible[0]) }
        return .failure(.ambiguous(used.isEmpty ? possible : used, forms: periodForms))
    }
}

/// Why a tờ trình's authority could not be settled.
public enum SubmissionTargetChoice: Error, Sendable {
    /// The nominations go to several authorities: say which.
    case ambiguous([SubmissionTarget], forms: [AwardForm])
    /// The form chosen is asked of another authority.
    case formGoesElsewhere(form: AwardForm, requested: SubmissionTarget)

    public var message: String {
        switch self {
        case .ambiguous(let targets, let forms):
            let choices = targets.map { "«\($0.token)»: \($0.choiceLabel(forms: forms))" }.joined(separator: "; ")
            return "Các đề nghị của đợt này trình \(targets.count) nơi khác nhau, mỗi tờ trình gửi một nơi; hãy chọn nơi gửi (\(choices)) hoặc một hình thức."
        case .formGoesElsewhere(let form, let requested):
            return "\(form.name) trình \(form.submittedTo.choiceLabel(forms: [])), không trình \(requested.choiceLabel(forms: []))."
        }
    }
}
