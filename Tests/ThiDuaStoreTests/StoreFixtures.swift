import Foundation
import ThiDuaDomain
@testable import ThiDuaStore

/// Temporary data folders built from the plan's defaults.
enum StoreFixtures {
    static let clock = FixedClock(year: 2026, month: 11, day: 24)

    static func temporaryFolder(_ name: String = #function) -> String {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let path = NSTemporaryDirectory() + "thidua-store-\(safe)-\(UUID().uuidString.prefix(8))"
        return path
    }

    static func defaults() throws -> Dataset { try Defaults.dataset() }

    static func open(_ folder: String, options: DataStore.OpenOptions = .init(),
                     identity: Identity = .current, fileSystem: any FileSystem = PosixFileSystem()) throws -> DataStore {
        try DataStore.open(folder: folder, options: options, clock: clock, identity: identity, fileSystem: fileSystem)
    }

    static func remove(_ folder: String) {
        try? FileManager.default.removeItem(atPath: folder)
    }

    static func unit(_ id: String, _ name: String, category: String = "ubnd") -> Change {
        .addUnit(unit: OrgUnit(id: UnitID(id), name: name, categoryID: category, order: 1))
    }
}
