/// The commune's own year report to the province, in the words the office writes: results,
/// shortcomings, next year's tasks, recommendations. The counts and tables of the report are
/// the program's; these sections are the office's, kept per year.
public struct CommuneYearReport: Codable, Equatable, Sendable {
    public var year: Int
    public var results: String
    public var shortcomings: String
    public var nextYearTasks: String
    public var recommendations: String

    public init(year: Int, results: String = "", shortcomings: String = "", nextYearTasks: String = "",
                recommendations: String = "") {
        self.year = year
        self.results = results
        self.shortcomings = shortcomings
        self.nextYearTasks = nextYearTasks
        self.recommendations = recommendations
    }

    /// The sections in the order the report prints them, with their headings.
    public enum Section: CaseIterable, Sendable {
        case results, shortcomings, nextYearTasks, recommendations

        public var heading: String {
            switch self {
            case .results: return "Kết quả nổi bật"
            case .shortcomings: return "Tồn tại, hạn chế và nguyên nhân"
            case .nextYearTasks: return "Phương hướng, nhiệm vụ năm tới"
            case .recommendations: return "Kiến nghị, đề xuất"
            }
        }
    }

    public subscript(section: Section) -> String {
        get {
            switch section {
            case .results: return results
            case .shortcomings: return shortcomings
            case .nextYearTasks: return nextYearTasks
            case .recommendations: return recommendations
            }
        }
        set {
            switch section {
            case .results: results = newValue
            case .shortcomings: shortcomings = newValue
            case .nextYearTasks: nextYearTasks = newValue
            case .recommendations: recommendations = newValue
            }
        }
    }

    /// Nothing written: the same as no report text at all.
    public var isEmpty: Bool { Section.allCases.allSatisfy { self[$0].isEmpty } }
}
