/// When awards are considered: a year, the mid-term review (sơ kết) or the end of phase (tổng kết).
public enum Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    case year(Int)
    case midTerm
    case endOfPhase

    public enum Kind: String, Codable, Sendable, CaseIterable {
        case yearly
        case midTerm
        case endOfPhase

        public var label: String {
            switch self {
            case .yearly: return "Hằng năm"
            case .midTerm: return "Sơ kết"
            case .endOfPhase: return "Tổng kết"
            }
        }
    }

    public var kind: Kind {
        switch self {
        case .year: return .yearly
        case .midTerm: return .midTerm
        case .endOfPhase: return .endOfPhase
        }
    }

    /// "2026", "so-ket", "tong-ket": file names and command-line values.
    public var token: String {
        switch self {
        case .year(let y): return String(y)
        case .midTerm: return "so-ket"
        case .endOfPhase: return "tong-ket"
        }
    }

    public init?(token: String) {
        switch token.lowercased() {
        case "so-ket", "soket", "sơ-kết", "sơ kết": self = .midTerm
        case "tong-ket", "tongket", "tổng-kết", "tổng kết": self = .endOfPhase
        default:
            guard let year = Int(token) else { return nil }
            self = .year(year)
        }
    }

    public func label(settings: Settings) -> String {
        switch self {
        case .year(let y): return "Năm \(y)"
        case .midTerm: return "Sơ kết \(settings.phaseStartYear) - \(settings.midTermYear)"
        case .endOfPhase: return "Tổng kết giai đoạn \(settings.phaseStartYear) - \(settings.phaseEndYear)"
        }
    }

    public var description: String { token }

    private var order: (Int, Int) {
        switch self {
        case .year(let y): return (0, y)
        case .midTerm: return (1, 0)
        case .endOfPhase: return (2, 0)
        }
    }

    public static func < (a: Period, b: Period) -> Bool { a.order < b.order }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period(token: text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "«\(text)» không phải đợt khen thưởng (năm, so-ket hoặc tong-ket).")
        }
        self = period
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(token)
    }
}
