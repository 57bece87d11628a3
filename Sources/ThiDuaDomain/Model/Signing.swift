/// Who signs an act, which decides the lines above the signer's name.
public enum SigningAct: Sendable, Equatable {
    /// An act of the People's Committee as a body (a tờ trình to the province, a report):
    /// «TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH».
    case committee
    /// A decision the commune chairman issues in person: «CHỦ TỊCH», or «KT. CHỦ TỊCH /
    /// PHÓ CHỦ TỊCH» when the office's setting says a deputy signs.
    case chairmanDecision
    /// A tờ trình of the office (Phòng Văn hoá - Xã hội) to the commune chairman: «TRƯỞNG PHÒNG».
    case office
}

/// The lines of a signature block: authority lines, then the name under the space for the
/// signature and seal (empty: left to write by hand).
public struct SignatureLines: Equatable, Sendable {
    public var authority: [String]
    public var name: String

    public init(authority: [String], name: String) {
        self.authority = authority
        self.name = name
    }
}

/// Whether decisions of the commune chairman are signed by a deputy («KT. CHỦ TỊCH»).
public struct DecisionSigning: Codable, Equatable, Sendable {
    public var byDeputy: Bool
    public var deputyName: String

    public init(byDeputy: Bool = false, deputyName: String = "") {
        self.byDeputy = byDeputy
        self.deputyName = deputyName
    }
}

extension Settings {
    /// The signature of `act`: the one place that says who signs what. A body's act is
    /// signed on its behalf («TM.»); a decision of the chairman is the chairman's own, so it
    /// never carries «TM. ỦY BAN NHÂN DÂN».
    public func signature(for act: SigningAct) -> SignatureLines {
        switch act {
        case .committee:
            return SignatureLines(authority: [signer.authority, signer.title], name: signer.name)
        case .chairmanDecision:
            if decisionSigning.byDeputy {
                return SignatureLines(authority: ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], name: decisionSigning.deputyName)
            }
            return SignatureLines(authority: ["CHỦ TỊCH"], name: signer.name)
        case .office:
            return SignatureLines(authority: ["TRƯỞNG PHÒNG"], name: officeHeadName)
        }
    }
}

extension Settings {
    /// The office as the issuing body of what it signs itself: its name under the commune
    /// People's Committee's full name.
    public var officeIssuingBody: (superior: String?, body: [String]) {
        (issuingBodyLines.joined(separator: " "), [officeName.uppercased()])
    }
}
