import Foundation
import ThiDuaDomain

extension Dataset {
    /// Every collection encoded with sorted keys, records in id order. Equal dumps mean the same
    /// records down to the Unicode scalars; `==` compares strings by canonical equivalence, so
    /// text kept in NFD compares equal to its NFC form there but not here.
    public func dump() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var bytes = Data()
        bytes += try encoder.encode(settings) + encoder.encode(categories) + encoder.encode(criteriaGroups)
        bytes += try encoder.encode(catalog) + encoder.encode(rules)
        bytes += try encoder.encode(units.values.sorted { $0.id < $1.id }) + encoder.encode(people.values.sorted { $0.id < $1.id })
        bytes += try encoder.encode(awards.values.sorted { $0.id < $1.id }) + encoder.encode(nominations.values.sorted { $0.id < $1.id })
        bytes += try encoder.encode(criteriaSets.values.sorted { $0.key < $1.key }) + encoder.encode(sheets.values.sorted { $0.key < $1.key })
        bytes += try encoder.encode(reports.values.sorted { ($0.year, $0.unitID) < ($1.year, $1.unitID) })
        return bytes
    }
}
