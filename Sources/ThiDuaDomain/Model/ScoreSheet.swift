/// Who a score sheet, report or nomination is about.
public enum Subject: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    case unit(UnitID)
    case person(PersonID)

    public var kind: SubjectKind {
        switch self {
        case .unit: return .collective
        case .person: return .individual
        }
    }

    /// "DV0001" / "CN00001": the code people read, in exports beside a column for the kind.
    public var code: String {
        switch self {
        case .unit(let id): return id.rawValue
        case .person(let id): return id.rawValue
        }
    }

    /// "unit:DV0001" / "person:CN00001": the form used in files and on the command line.
    public var token: String {
        switch self {
        case .unit(let id): return "unit:\(id.rawValue)"
        case .person(let id): return "person:\(id.rawValue)"
        }
    }

    public init?(token: String) {
        if let id = Self.rest(of: token, after: "unit:") {
            self = .unit(UnitID(id))
        } else if let id = Self.rest(of: token, after: "person:") {
            self = .person(PersonID(id))
        } else {
            return nil
        }
    }

    /// `token` after `prefix` (ASCII), or nil when it does not start with it, as `hasPrefix`
    /// and `dropFirst` see it. Compared byte for byte — every sheet of a folder and every line
    /// of the journal names its subject, and the Character comparison cost more than the rest
    /// of reading it — except when a non-ASCII byte follows the prefix: a combining mark there
    /// would join its last character, so that case is left to the Character comparison.
    private static func rest(of token: String, after prefix: StaticString) -> String? {
        let count = prefix.utf8CodeUnitCount
        var token = token
        // nil: undecided (a non-ASCII byte follows the prefix); .some(nil): no such prefix.
        let bytewise: String?? = token.withUTF8 { utf8 in
            guard utf8.count >= count else { return .some(nil) }
            for index in 0..<count where utf8[index] != prefix.utf8Start[index] { return .some(nil) }
            guard utf8.count == count || utf8[count] < 0x80 else { return nil }
            return .some(String(decoding: UnsafeBufferPointer(rebasing: utf8[count...]), as: UTF8.self))
        }
        if let bytewise { return bytewise }
        let text = "\(prefix)"
        return token.hasPrefix(text) ? String(token.dropFirst(text.count)) : nil
    }

    public var description: String { token }

    public static func < (a: Subject, b: Subject) -> Bool { a.token < b.token }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let subject = Subject(token: text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "«\(text)» không phải mã đối tượng (cần unit:… hoặc person:…).")
        }
        self = subject
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}

/// nháp → đã nộp → đã thẩm định → đã khóa.
public enum SheetState: String, Codable, Sendable, CaseIterable, Comparable {
    case draft
    case submitted
    case appraised
    case locked

    public var label: String {
        switch self {
        case .draft: return "Nháp"
        case .submitted: return "Đã nộp"
        case .appraised: return "Đã thẩm định"
        case .locked: return "Đã khóa"
        }
    }

    var rank: Int { SheetState.allCases.firstIndex(of: self)! }
    public static func < (a: SheetState, b: SheetState) -> Bool { a.rank < b.rank }
}

/// Proof behind a score: a document (number, date, summary) or a concrete product.
public struct Evidence: Codable, Equatable, Sendable {
    public var documentNumber: String
    public var date: CalendarDate?
    public var summary: String
    public var product: String

    public init(documentNumber: String = "", date: CalendarDate? = nil, summary: String = "", product: String = "") {
        self.documentNumber = documentNumber
        self.date = date
        self.summary = summary
        self.product = product
    }

    public var isEmpty: Bool {
        documentNumber.isEmpty && date == nil && summary.isEmpty && product.isEmpty
    }
}

/// Which of the two scores of an item.
public enum ScoreField: String, Codable, Sendable, CaseIterable {
    /// tự chấm
    case selfScore
    /// thẩm định
    case appraised

    public var label: String { self == .selfScore ? "Tự chấm" : "Thẩm định" }
}

public struct ItemScore: Codable, Equatable, Sendable {
    // Declared widest first, so the flag fills the optionals' padding (56 bytes, not 64):
    // 90,000 sheets of a province keep their items in dictionaries of these.
    public var evidence: [Evidence]
    public var note: String
    public var selfScore: Points?
    public var appraised: Points?
    public var done: Bool

    public init(done: Bool = false, selfScore: Points? = nil, appraised: Points? = nil,
                evidence: [Evidence] = [], note: String = "") {
        self.done = done
        self.selfScore = selfScore
        self.appraised = appraised
        self.evidence = evidence
        self.note = note
    }

    public subscript(field: ScoreField) -> Points? {
        get { field == .selfScore ? selfScore : appraised }
        set {
            if field == .selfScore { selfScore = newValue } else { appraised = newValue }
        }
    }

    public var isEmpty: Bool {
        !done && selfScore == nil && appraised == nil && evidence.isEmpty && note.isEmpty
    }

    enum CodingKeys: String, CodingKey { case done, selfScore, appraised, evidence, note }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        done = try c.decodeIfPresent(Bool.self, forKey: .done) ?? false
        selfScore = try c.decodeIfPresent(Points.self, forKey: .selfScore)
        appraised = try c.decodeIfPresent(Points.self, forKey: .appraised)
        evidence = try c.decodeIfPresent([Evidence].self, forKey: .evidence) ?? []
        note = try c.decodeIfPresent(String.self, forKey: .note) ?? ""
    }
}

/// One unit's or person's checklist and scores for one year.
public struct ScoreSheet: Codable, Equatable, Sendable {
    public var year: Int
    public var subject: Subject
    /// The criteria group in force when the sheet was started.
    public var groupID: String
    public var state: SheetState
    public var items: [String: ItemScore]

    public init(year: Int, subject: Subject, groupID: String, state: SheetState = .draft,
                items: [String: ItemScore] = [:]) {
        self.year = year
        self.subject = subject
        self.groupID = groupID
        self.state = state
        self.items = items
    }

    public var key: SheetKey { SheetKey(year: year, subject: subject) }
}

public struct SheetKey: Hashable, Codable, Sendable, Comparable {
    public var year: Int
    public var subject: Subject

    public init(year: Int, subject: Subject) {
        self.year = year
        self.subject = subject
    }

    public static func < (a: SheetKey, b: SheetKey) -> Bool {
        (a.year, a.subject.token) < (b.year, b.subject.token)
    }
}
