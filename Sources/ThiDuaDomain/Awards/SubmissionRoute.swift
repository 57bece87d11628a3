/// Where the tờ trình for a form goes: the commune's own Giấy khen is asked of the commune
/// chairman by the office; a Bằng khen of the province, a Bằng khen of the Prime Minister or a
/// Huân chương is asked of the provincial chairman by the commune People's Committee, and the
/// province proposes further up itself.
public enum SubmissionTarget: String, Codable, Sendable, CaseIterable {
    case communeChairman
    case provinceChairman

    /// The command-line name (`thidua print to-trinh --to xa`).
    public var token: String {
        switch self {
        case .communeChairman: return "xa"
        case .provinceChairman: return "tinh"
        }
    }

    public init?(token: String) {
        guard let target = SubmissionTarget.allCases.first(where: { $0.token == token.lowercased() }) else { return nil }
        self = target
    }

    /// «Chủ tịch Ủy ban nhân dân xã Phong Quang».
    public func addressee(_ settings: Settings) -> String {
        switch self {
        case .communeChairman: return "Chủ tịch Ủy ban nhân dân xã \(settings.communeName)"
        case .provinceChairman: return "Chủ tịch Ủy ban nhân dân tỉnh \(settings.provinceName)"
        }
    }

    /// Who sends it, as named in the text.
    public func sender(_ settings: Settings) -> String {
        switch self {
        case .communeChairman: return settings.officeName
        case .provinceChairman: return "Ủy ban nhân dân xã \(settings.communeName)"
        }
    }

    /// Who signs it.
    public var signingAct: SigningAct {
        switch self {
        case .communeChairman: return .office
        case .provinceChairman: return .committee
        }
    }

    /// The body code in its number: «…/TTr-VHXH» from the office, «…/TTr-UBND» from the committee.
    public func bodyCode(_ settings: Settings) -> String {
        switch self {
        case .communeChairman: return settings.officeCode
        case .provinceChairman: return settings.issuingBodyCode
        }
    }

    /// The issuing body printed top-left, and the body it belongs to: the office under the
    /// commune People's Committee's full name, or the committee itself.
    public func issuingBody(_ settings: Settings) -> (superior: String?, body: [String]) {
        switch self {
        case .communeChairman:
            return settings.officeIssuingBody
        case .provinceChairman:
            return (nil, settings.issuingBodyLines)
        }
    }

    /// The menu and message label: «Chủ tịch UBND xã (Giấy khen xã)».
    public func choiceLabel(forms: [AwardForm]) -> String {
        let short = self == .communeChairman ? "Chủ tịch UBND xã" : "Chủ tịch UBND tỉnh"
        let names = forms.filter { $0.submittedTo == self }.map(\.shortName)
        return names.isEmpty ? short : "\(short) (\(names.joined(separator: ", ")))"
    }
}
