import ThiDuaDomain

/// The content of `thidua.json`: the configuration plus what the store needs to resume.
struct SettingsFile: Codable, Equatable {
    var schemaVersion: Int
    /// Journal entries up to this sequence number are already in the collection files.
    var checkpointSeq: Int
    var settings: Settings
    var categories: [UnitCategory]
    var criteriaGroups: [CriteriaGroup]
    var catalog: AwardCatalog
    var rules: Rules
    /// The office's sections of the commune's year reports, by year; absent when none is written.
    var communeReports: [CommuneYearReport]?
}
