/// The commune's own year report to the province, in the words the office writes: results,
/// shortcomings, next year's tasks, recommendations. The counts and tables of the report are
/// the program's; these sections are the office's, kept per year.
public struct CommuneYearReport: Codable, Equatable, Sendable {
    public var year: Int
    public var results: String
    public var shortcomings: String
    public var nextYearTasks: String
    public var recommendations: String
    /// That the report went to the province, once it has.
    public var sent: ReportDispatch?

    public init(year: Int, results: String = "", shortcomings: String = "", nextYearTasks: String = "",
                recommendations: String = "", sent: ReportDispatch? = nil) {
        self.year = year
        self.results = results
        self.shortcomings = shortcomings
        self.nextYearTasks = nextYearTasks
        self.recommendations = recommendations
        self.sent = sent
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

    /// Nothing written and not sent: the same as no report at all.
    public var isEmpty: Bool { sent == nil && Section.allCases.allSatisfy { self[$0].isEmpty } }
}

/// The commune's report as sent to the province: its number, the day, and how it went.
public struct ReportDispatch: Codable, Equatable, Sendable {
    /// «45/BC-UBND».
    public var number: String
    public var date: CalendarDate
    /// «Hệ thống quản lý văn bản điều hành», «Bưu điện», «Thư điện tử công vụ» …
    public var channel: String

    public init(number: String, date: CalendarDate, channel: String) {
        self.number = number
        self.date = date
        self.channel = channel
    }
}
