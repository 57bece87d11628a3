import ThiDuaDomain
@testable import ThiDuaTUI

/// The grid as it would be with its subjects sorted anew from the data: what the screen's
/// grid, whose order comes from the session's kept lists, must equal.
extension ScoreGridModel {
    init(data: Dataset, year: Int, tab: Tab, sort: SortOrder) {
        self.init(data: data, year: year, tab: tab, sort: sort, subjects: Self.subjectsInNameOrder(data: data, tab: tab))
    }

    /// The block's active subjects in Vietnamese name order, sorted from `data`.
    static func subjectsInNameOrder(data: Dataset, tab: Tab) -> [(subject: Subject, name: String)] {
        switch tab {
        case .category(let id, _):
            return data.sortedByName(data.units.values.filter { $0.categoryID == id && !$0.archived }.map { .unit($0.id) })
                .map { ($0, data.name(of: $0)) }
        case .individuals:
            let people = data.people.values.filter { !$0.archived }
            let keys = Dictionary(uniqueKeysWithValues: people.map {
                ($0.id, PersonName(fullName: $0.fullName, givenName: $0.givenName).sortKey)
            })
            return people.sorted { a, b in
                let ka = keys[a.id]!, kb = keys[b.id]!
                return ka != kb ? ka < kb : a.id.rawValue < b.id.rawValue
            }.map { (.person($0.id), $0.fullName) }
        }
    }
}
