/// A rule that proposes nominees for one award form from the year's ranking
/// ("class Xuất sắc → Giấy khen", "best of each khối → Bằng khen tỉnh"). Kept as data.
public struct SuggestionRule: Codable, Equatable, Sendable, Identifiable {
    public enum Pick: Codable, Equatable, Sendable {
        /// Everyone whose class is this band or better.
        case classAtLeast(className: String)
        /// The first `count` ranks of each khối (and of the individuals), if they reach `minimumClass`.
        case topOfBlock(count: Int, minimumClass: String)
    }

    public var id: String
    public var enabled: Bool
    public var formID: String
    /// Collectives, individuals, or both when nil.
    public var subjectKind: SubjectKind?
    public var pick: Pick
    public var description: String

    public init(id: String, enabled: Bool = true, formID: String, subjectKind: SubjectKind? = nil,
                pick: Pick, description: String) {
        self.id = id
        self.enabled = enabled
        self.formID = formID
        self.subjectKind = subjectKind
        self.pick = pick
        self.description = description
    }
}
