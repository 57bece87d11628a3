/// dự kiến → hội đồng đã xét → đã trình → đã khen / không được khen.
public enum NominationStatus: String, Codable, Sendable, CaseIterable {
    case proposed
    case councilReviewed
    case submitted
    case awarded
    case rejected

    public var label: String {
        switch self {
        case .proposed: return "Dự kiến"
        case .councilReviewed: return "Hội đồng đã xét"
        case .submitted: return "Đã trình"
        case .awarded: return "Đã khen"
        case .rejected: return "Không được khen"
        }
    }
}

public enum VoteMethod: String, Codable, Sendable, CaseIterable {
    case showOfHands
    case secretBallot

    public var label: String { self == .showOfHands ? "Giơ tay" : "Bỏ phiếu kín" }
}

/// The emulation council's vote on one nomination.
public struct CouncilVote: Codable, Equatable, Sendable {
    public var method: VoteMethod
    public var date: CalendarDate?
    public var membersTotal: Int
    public var membersPresent: Int
    public var agree: Int
    public var disagree: Int
    public var abstain: Int

    public init(method: VoteMethod, date: CalendarDate? = nil, membersTotal: Int, membersPresent: Int,
                agree: Int, disagree: Int, abstain: Int) {
        self.method = method
        self.date = date
        self.membersTotal = membersTotal
        self.membersPresent = membersPresent
        self.agree = agree
        self.disagree = disagree
        self.abstain = abstain
    }

    /// Agreeing votes as a share of all members (not only those present), in percent.
    public var agreePercentOfMembers: Double {
        membersTotal == 0 ? 0 : Double(agree) * 100 / Double(membersTotal)
    }

    /// The counts must be consistent; messages say which count is wrong.
    public func validate() throws(DomainError) {
        let field = "Biểu quyết"
        guard membersTotal > 0 else {
            throw DomainError(field: field, "Tổng số thành viên hội đồng phải lớn hơn 0.")
        }
        for (name, value) in [("có mặt", membersPresent), ("đồng ý", agree),
                              ("không đồng ý", disagree), ("không biểu quyết", abstain)] where value < 0 {
            throw DomainError(field: field, "Số \(name) không được âm (đã nhập \(value)).")
        }
        guard membersPresent <= membersTotal else {
            throw DomainError(field: field,
                "Số thành viên có mặt (\(membersPresent)) không được lớn hơn tổng số thành viên (\(membersTotal)).")
        }
        let cast = agree + disagree + abstain
        guard cast <= membersPresent else {
            throw DomainError(field: field,
                "Tổng đồng ý, không đồng ý và không biểu quyết (\(cast)) vượt quá số thành viên có mặt (\(membersPresent)).")
        }
    }
}

/// A decision that grants an award ("123/QĐ-UBND" of a date, by an issuer).
public struct Decision: Codable, Equatable, Sendable {
    public var number: String
    public var date: CalendarDate
    public var issuer: String

    public init(number: String, date: CalendarDate, issuer: String) {
        self.number = number
        self.date = date
        self.issuer = issuer
    }
}

/// A warning raised by an eligibility rule, and how it was dealt with.
public struct EligibilityFinding: Codable, Equatable, Sendable {
    public var ruleID: String
    public var reason: String
    /// Why the office proceeds anyway; nil while the finding stands.
    public var overrideReason: String?

    public init(ruleID: String, reason: String, overrideReason: String? = nil) {
        self.ruleID = ruleID
        self.reason = reason
        self.overrideReason = overrideReason
    }
}

/// The score and class of a nominee when nominated, kept as evidence of the choice.
public struct ScoreSnapshot: Codable, Equatable, Sendable {
    public var year: Int
    public var total: Points
    public var className: String?
    public var rank: Int?

    public init(year: Int, total: Points, className: String?, rank: Int?) {
        self.year = year
        self.total = total
        self.className = className
        self.rank = rank
    }
}

/// One status change of a nomination, for the record.
public struct StatusChange: Codable, Equatable, Sendable {
    public var status: NominationStatus
    public var time: String
    public var user: String
    public var reason: String

    public init(status: NominationStatus, time: String, user: String, reason: String) {
        self.status = status
        self.time = time
        self.user = user
        self.reason = reason
    }
}

public struct Nomination: Codable, Equatable, Sendable, Identifiable {
    public var id: NominationID
    public var period: Period
    public var formID: String
    public var grade: String?
    public var kind: AwardKind
    public var nominee: Subject
    public var achievementSummary: String
    public var scoreSnapshot: ScoreSnapshot?
    public var vote: CouncilVote?
    public var status: NominationStatus
    public var statusHistory: [StatusChange]
    public var decision: Decision?
    public var findings: [EligibilityFinding]
    public var note: String
    /// The certificate printed for the decision: its number in the register and each printing.
    /// Nil until it is first printed (and in files written before certificates were printed).
    public var certificate: CertificateIssue?

    public init(id: NominationID, period: Period, formID: String, grade: String? = nil, kind: AwardKind = .thematic,
                nominee: Subject, achievementSummary: String = "", scoreSnapshot: ScoreSnapshot? = nil,
                vote: CouncilVote? = nil, status: NominationStatus = .proposed, statusHistory: [StatusChange] = [],
                decision: Decision? = nil, findings: [EligibilityFinding] = [], note: String = "",
                certificate: CertificateIssue? = nil) {
        self.id = id
        self.period = period
        self.formID = formID
        self.grade = grade
        self.kind = kind
        self.nominee = nominee
        self.achievementSummary = achievementSummary
        self.scoreSnapshot = scoreSnapshot
        self.vote = vote
        self.status = status
        self.statusHistory = statusHistory
        self.decision = decision
        self.findings = findings
        self.note = note
        self.certificate = certificate
    }
}

/// What was received: a form of commendation or a title, never both in one record.
public enum Recognition: Hashable, Codable, Sendable {
    case form(id: String, grade: String?)
    case title(id: String)
}

/// An award actually granted (from a nomination or entered from older decisions).
public struct AwardRecord: Codable, Equatable, Sendable, Identifiable {
    public var id: AwardRecordID
    public var recipient: Subject
    public var recognition: Recognition
    public var kind: AwardKind
    public var year: Int
    public var decision: Decision
    public var nominationID: NominationID?
    public var note: String

    public init(id: AwardRecordID, recipient: Subject, recognition: Recognition, kind: AwardKind, year: Int,
                decision: Decision, nominationID: NominationID? = nil, note: String = "") {
        self.id = id
        self.recipient = recipient
        self.recognition = recognition
        self.kind = kind
        self.year = year
        self.decision = decision
        self.nominationID = nominationID
        self.note = note
    }
}
