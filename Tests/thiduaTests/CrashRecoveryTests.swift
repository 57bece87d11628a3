import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// A writer killed with SIGKILL in the middle of a stream of edits leaves a folder that
/// opens, with every edit the program had acknowledged as saved.
@Suite struct CrashRecoveryTests {
    static let rounds = 20

    /// 300 score edits on distinct cells, each with a known value.
    static func edits() -> [(Change, SheetKey, String, Points)] {
        var result: [(Change, SheetKey, String, Points)] = []
        let items = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
        for index in 0..<300 {
            let unit = UnitID(String(format: "DV%04d", index / items.count + 1))
            let item = items[index % items.count]
            let value = Points(hundredths: (index % 20) * 50 + 25)
            let subject = Subject.unit(unit)
            result.append((.setScore(year: 2026, subject: subject, item: item, field: .selfScore, value: value),
                           SheetKey(year: 2026, subject: subject), item, value))
        }
        return result
    }

    @Test func everyAcknowledgedEditSurvivesAKill() throws {
        let edits = Self.edits()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let input = try edits.map { String(decoding: try encoder.encode($0.0), as: UTF8.self) }.joined(separator: "\n") + "\n"
        var defaults = try Defaults.dataset()
        for number in 1...43 {
            let id = UnitID(String(format: "DV%04d", number))
            defaults.units[id] = OrgUnit(id: id, name: "Đơn vị \(number)", categoryID: "ubnd", order: number)
        }
        var survivedKills = 0
        var totalAcknowledged = 0
        for round in 0..<Self.rounds {
            let folder = NSTemporaryDirectory() + "thidua-crash-\(round)-\(UUID().uuidString.prefix(6))"
            defer { try? FileManager.default.removeItem(atPath: folder) }
            try DataStore.initialize(folder: folder, with: defaults)
            let inPath = folder + ".in", outPath = folder + ".out", errPath = folder + ".err"
            defer { [inPath, outPath, errPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
            try input.write(toFile: inPath, atomically: true, encoding: .utf8)
            let child = try ChildProcess.spawn(["apply", "--data-dir", folder], stdinPath: inPath,
                                               stdoutPath: outPath, stderrPath: errPath,
                                               environment: ["THIDUA_TODAY": "2026-11-24"])
            // Kill after a random number of acknowledgements (or a time limit).
            let target = Int.random(in: 1...250)
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                let acks = ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "").split(separator: "\n").count
                if acks >= target { break }
                usleep(useconds_t(Int.random(in: 200...2000)))
            }
            child.kill(SIGKILL)
            _ = child.wait()
            let acknowledged = ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "")
                .split(separator: "\n").compactMap { Int($0.split(separator: " ").last ?? "") }
            totalAcknowledged += acknowledged.count

            let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false),
                                           clock: FixedClock(year: 2026, month: 11, day: 24))
            let sheets = store.dataset.sheets
            for line in acknowledged {
                let (_, key, item, value) = edits[line - 1]
                #expect(sheets[key]?.items[item]?.selfScore == value, "round \(round): acknowledged edit \(line) lost")
            }
            // What survived is a prefix of the stream: no edit without the ones before it.
            let present = edits.map { sheets[$0.1]?.items[$0.2]?.selfScore == $0.3 }
            let firstMissing = present.firstIndex(of: false) ?? present.count
            #expect(!present[firstMissing...].contains(true), "round \(round): edits after a gap survived")
            #expect(firstMissing >= acknowledged.count)
            try store.close()
            survivedKills += 1
        }
        #expect(survivedKills == Self.rounds)
        #expect(totalAcknowledged > 0)
    }
}
