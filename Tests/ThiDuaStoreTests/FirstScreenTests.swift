import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore
import ThiDuaTestSupport

/// Opening with a first screen (`DataStore.FirstScreen`): the screen sees every record but the
/// other years' score sheets, the store still gets everything, and a folder with a problem
/// fails with the very message it fails with otherwise.
@Suite struct FirstScreenTests {
    /// A sample folder with score sheets of at least two years, and the years.
    static func folder(_ name: String = #function) throws -> (String, [Int]) {
        let folder = StoreFixtures.temporaryFolder(name)
        let data = try FastRecordsTests.sample()
        try DataStore.initialize(folder: folder, with: data)
        let years = Set(data.sheets.keys.map(\.year)).sorted()
        try #require(years.count >= 2)
        return (folder, years)
    }

    static func open(_ folder: String, year: Int?, shown: @escaping (Dataset) -> Void = { _ in }) throws(StoreFailure) -> DataStore {
        try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FaultFixtures.clock,
                           identity: FaultFixtures.identity,
                           firstScreen: year.map { year in DataStore.FirstScreen(year: { _ in year }, show: shown) })
    }

    @Test func theFirstScreenSeesEverythingButOtherYearsSheets() throws {
        let (folder, years) = try Self.folder()
        defer { StoreFixtures.remove(folder) }
        let complete = try Self.open(folder, year: nil)
        let full = complete.dataset
        try complete.close()
        for year in years {
            var shown: [Dataset] = []
            let store = try Self.open(folder, year: year) { shown.append($0) }
            defer { try? store.close() }
            try #require(shown.count == 1, "shown once for \(year)")
            let partial = shown[0]
            #expect(partial.sheets == full.sheets.filter { $0.key.year == year })
            #expect(!partial.sheets.isEmpty)
            #expect(partial.units == full.units && partial.people == full.people && partial.reports == full.reports)
            #expect(partial.nominations == full.nominations && partial.awards == full.awards)
            #expect(partial.criteriaSets == full.criteriaSets && partial.settings == full.settings)
            #expect(store.dataset == full, "the store itself is complete")
        }
    }

    @Test func nothingIsShownWhileTheJournalHasChangesToReplay() throws {
        let (folder, years) = try Self.folder()
        defer { StoreFixtures.remove(folder) }
        // An edit left in the journal (no checkpoint): a store dropped without closing.
        do {
            let store = try Self.open(folder, year: nil)
            let unit = try #require(store.dataset.units.values.min { $0.id < $1.id })
            var renamed = unit
            renamed.name = "Đơn vị đổi tên"
            try store.commit(.updateUnit(unit: renamed))
        }
        var shown = 0
        let store = try Self.open(folder, year: years[0]) { _ in shown += 1 }
        defer { try? store.close() }
        #expect(shown == 0)
        #expect(store.dataset.units.values.contains { $0.name == "Đơn vị đổi tên" })
    }

    /// Each broken folder fails with the message of an open without a first screen.
    @Test(arguments: [["units.json"], ["scores/LATER"], ["units.json", "scores/LATER"], ["scores/FIRST", "scores/LATER"]])
    func aProblemGivesTheSameMessage(broken: [String]) throws {
        let (folder, years) = try Self.folder("aProblemGivesTheSameMessage-\(broken.joined(separator: "+"))")
        defer { StoreFixtures.remove(folder) }
        for name in broken {
            let file = name.replacingOccurrences(of: "FIRST", with: "\(years.last!).json")
                .replacingOccurrences(of: "LATER", with: "\(years.first!).json")
            let path = folder + "/" + file
            var text = try String(contentsOfFile: path, encoding: .utf8)
            // A stray character at the start of a line halfway: strings hold no raw line break,
            // so it lands between tokens.
            let middle = text.index(text.startIndex, offsetBy: text.count / 2)
            let lineEnd = try #require(text[middle...].firstIndex(of: "\n"))
            text.insert(contentsOf: "@", at: text.index(after: lineEnd))
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        func message(_ year: Int?) -> String? {
            do {
                let store = try Self.open(folder, year: year)
                try? store.close()
                return nil
            } catch {
                return error.message
            }
        }
        let expected = try #require(message(nil))
        #expect(message(years.last!) == expected)
        #expect(message(years.first!) == expected)
    }
}
