/// Which collection a file holds, and what its records must have and point at.
enum StoreFileKind: Equatable {
    case settings, units, people, awards, criteria, scores, reports, nominations, other

    init(_ file: String) {
        switch file.split(separator: "/").first.map(String.init) ?? "" {
        case "thidua.json": self = .settings
        case "units.json": self = .units
        case "people.json": self = .people
        case "awards.json": self = .awards
        case "criteria": self = .criteria
        case "scores": self = .scores
        case "reports": self = .reports
        case "nominations": self = .nominations
        default: self = .other
        }
    }

    /// Keys every record of the file must carry (decoded without a default).
    var requiredKeys: Set<String> {
        switch self {
        case .settings: return ["communeName", "criteriaGroupID", "shortName"]
        case .units: return ["id", "name", "categoryID"]
        case .people: return ["fullName", "gender", "id", "kind"]
        case .awards: return ["decision", "id", "kind", "recipient"]
        case .criteria: return ["code", "groupID", "maximum"]
        case .scores: return ["groupID", "items", "state", "subject"]
        case .reports: return ["receivedDate", "unitID"]
        case .nominations: return ["formID", "id", "kind", "nominee"]
        case .other: return []
        }
    }

    /// Keys whose value is one of a fixed list (gender, state, kind …).
    var choiceKeys: Set<String> {
        switch self {
        case .settings: return ["subjectKind", "tieRule", "telexToneStyle"]
        case .people: return ["gender", "kind"]
        case .awards, .criteria: return ["kind"]
        case .scores: return ["state"]
        case .nominations: return ["kind", "status"]
        case .units, .reports, .other: return []
        }
    }

    /// Keys that name another record, and a value naming one that does not exist.
    var references: [String: String] {
        switch self {
        case .settings: return ["criteriaGroupID": "III.9", "formID": "hinh-thuc-khong-co"]
        case .units: return ["categoryID": "khoi-khong-co"]
        case .people: return ["unitID": "DV9999"]
        case .awards: return ["recipient": "unit:DV9999"]
        case .criteria: return ["groupID": "III.9"]
        case .scores: return ["subject": "unit:DV9999", "groupID": "III.9"]
        case .reports: return ["unitID": "DV9999"]
        case .nominations: return ["nominee": "person:CN99999", "formID": "hinh-thuc-khong-co"]
        case .other: return [:]
        }
    }
}
