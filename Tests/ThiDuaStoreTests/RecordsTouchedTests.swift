import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

/// What a screen asks to redo only what changed: the records written after a position, by
/// this program's commits and by the lines of others it brought in, and nil when it cannot
/// tell.
@Suite struct RecordsTouchedTests {
    @Test func ownCommitsAndOthersLinesAreNamed() throws {
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        let lan = try StoreFixtures.open(folder, identity: Identity(user: "lan", host: "may2", pid: 11))
        let minh = try StoreFixtures.open(folder, identity: Identity(user: "minh", host: "may3", pid: 12))
        let start = lan.appliedSeq
        #expect(lan.recordsTouched(after: start) == [])
        try lan.commit(StoreFixtures.unit("DV0001", "Thôn Ao Sen"))
        #expect(lan.recordsTouched(after: start) == [.unit("DV0001")])
        let afterUnit = lan.appliedSeq

        _ = try minh.refresh()
        let minhSeen = minh.appliedSeq
        try minh.commit(.setUnitArchived(id: "DV0001", archived: true))
        try minh.commit(StoreFixtures.unit("DV0002", "Thôn Nà Kéo"))
        // Lan's own commit brings minh's two lines in first: all three are named.
        let archived = try lan.commit(.setUnitArchived(id: "DV0002", archived: true))
        #expect(lan.recordsTouched(after: afterUnit) == [.unit("DV0001"), .unit("DV0002")])
        #expect(lan.recordsTouched(after: start) == [.unit("DV0001"), .unit("DV0002")])
        #expect(lan.recordsTouched(after: lan.appliedSeq - 1) == Set(archived.change.touchedRecords))
        _ = try minh.refresh()
        #expect(minh.recordsTouched(after: minhSeen) == [.unit("DV0001"), .unit("DV0002")])
        // Positions this program never passed, or not reached yet: unknown.
        #expect(lan.recordsTouched(after: start - 1) == nil)
        #expect(lan.recordsTouched(after: lan.appliedSeq + 1) == nil)
        try lan.close()
        try minh.close()
    }
}
