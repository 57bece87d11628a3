import Foundation
import ThiDuaDomain
import ThiDuaStore
#if canImport(Glibc)
import Glibc
#endif

/// Kills a real `thidua apply` with SIGKILL in the middle of a stream of edits, optionally
/// tears the journal line that was being written (as a power cut would), reopens the folder
/// and compares it with the edits the program had acknowledged ("OK n", printed only once
/// the edit is fsync'd).
public struct CrashHarness: Sendable {
    /// The `thidua` binary.
    public let thidua: String

    public init(thidua: String) { self.thidua = thidua }

    /// One score edit of the stream, with the cell it sets and the value.
    public struct ScoreEdit: Sendable {
        public var change: Change
        public var key: SheetKey
        public var item: String
        public var value: Points
    }

    /// What one kill round found.
    public struct Round: Sendable {
        public var acknowledged = 0
        /// Acknowledged input lines whose edit is missing after reopening.
        public var lost: [Int] = []
        /// Edits present although an earlier one is missing (the journal must be a prefix).
        public var afterGap = 0
        /// Why the folder did not open, if it did not.
        public var openFailure: String?
        /// The torn write made, if any.
        public var tear: String?
        /// Whether opening reported the torn line (always expected when one was made).
        public var tearReported = false
        /// Why an edit, close or `thidua check` after the recovery failed, if one did.
        public var afterwards: String?
        /// The exit code of `thidua apply` when it ended before the kill (0 once all edits are in).
        public var exitCode: Int32?

        public var isClean: Bool {
            lost.isEmpty && afterGap == 0 && openFailure == nil && (tear == nil || tearReported) && afterwards == nil
                && (exitCode ?? 0) == 0
        }
    }

    /// 300 score edits on distinct cells of 43 units, each with a known value.
    public static let edits: [ScoreEdit] = {
        let items = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"]
        return (0..<300).map { index in
            let subject = Subject.unit(UnitID(String(format: "DV%04d", index / items.count + 1)))
            let value = Points(hundredths: (index % 20) * 50 + 25)
            let item = items[index % items.count]
            return ScoreEdit(change: .setScore(year: 2026, subject: subject, item: item, field: .selfScore, value: value),
                             key: SheetKey(year: 2026, subject: subject), item: item, value: value)
        }
    }()

    /// The edits as `thidua apply` reads them: one JSON change per line.
    public static func input() throws -> String { try applyInput(edits.map(\.change)) }

    /// `changes` as `thidua apply` reads them: one JSON change per line, each line ended.
    public static func applyInput(_ changes: [Change]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try changes.map { String(decoding: try encoder.encode($0), as: UTF8.self) + "\n" }.joined()
    }

    /// The plan's defaults with the 43 units the edits score.
    public static func dataset() throws -> Dataset {
        let units: [Change] = (1...43).map { number in
            .addUnit(unit: OrgUnit(id: UnitID(String(format: "DV%04d", number)), name: "Đơn vị \(number)",
                                   categoryID: "ubnd", order: number))
        }
        return try Defaults.dataset().apply(.batch(label: "43 đơn vị", changes: units), context: FaultFixtures.context).dataset
    }

    /// A fresh folder; `thidua apply` killed after a random number of acknowledgements (drawn
    /// from `seed`); a torn journal line if `tear`; then the checks of `Round`.
    public func killRound(seed: UInt64, tear: Bool, dataset: Dataset, input: String) throws -> Round {
        var random = SeededGenerator(seed: seed)
        let folder = NSTemporaryDirectory() + "thidua-crash-\(seed)-\(UUID().uuidString.prefix(6))"
        let inPath = folder + ".in", outPath = folder + ".out", errPath = folder + ".err"
        defer { [folder, inPath, outPath, errPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        try DataStore.initialize(folder: folder, with: dataset)
        try input.write(toFile: inPath, atomically: true, encoding: .utf8)
        let child = try ChildProcess.spawn(executable: thidua, ["apply", "--data-dir", folder], stdinPath: inPath,
                                           stdoutPath: outPath, stderrPath: errPath,
                                           environment: ["THIDUA_TODAY": "2026-11-24"])
        // Kill after a random number of acknowledgements, or when it ends by itself, or at a time limit.
        let target = Int.random(in: 1...Self.edits.count * 5 / 6, using: &random)
        let deadline = Date().addingTimeInterval(10)
        var round = Round()
        while Date() < deadline && Self.acknowledgements(outPath).count < target {
            round.exitCode = child.poll()
            if round.exitCode != nil { break }
            usleep(useconds_t(Int.random(in: 200...2000, using: &random)))
        }
        if round.exitCode == nil {
            child.kill(SIGKILL)
            _ = child.wait()
        }
        let acknowledged = Self.acknowledgements(outPath)
        round.acknowledged = acknowledged.count
        if tear {
            round.tear = try Self.tearJournal(folder + "/journal.jsonl", keepingLines: acknowledged.count, using: &random)
        }
        verify(folder, acknowledged: acknowledged, into: &round)
        return round
    }

    /// Input line numbers the program acknowledged, from its "OK n" lines.
    static func acknowledgements(_ outPath: String) -> [Int] {
        ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "").split(separator: "\n")
            .compactMap { $0.hasPrefix("OK ") ? Int($0.dropFirst(3)) : nil }
    }

    /// Reopens as the next program would, compares with what was acknowledged, then makes
    /// sure the recovered folder is fully usable: one more edit, a close, a clean check.
    private func verify(_ folder: String, acknowledged: [Int], into round: inout Round) {
        let store: DataStore
        do {
            store = try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FaultFixtures.clock)
        } catch {
            round.openFailure = error.message
            return
        }
        let sheets = store.dataset.sheets
        let present = Self.edits.map { sheets[$0.key]?.items[$0.item]?.selfScore == $0.value }
        round.lost = acknowledged.filter { !present[$0 - 1] }
        let firstMissing = present.firstIndex(of: false) ?? present.count
        round.afterGap = present[firstMissing...].count { $0 }
        round.tearReported = store.notices.contains { $0.contains("journal.jsonl") && $0.contains("dòng cuối") }
        do {
            try store.commit(.setScore(year: 2026, subject: .unit("DV0043"), item: "1.7", field: .appraised, value: 5))
            try store.close()
        } catch {
            round.afterwards = "\(error)"
            return
        }
        let report = FolderCheck.run(folder: folder, clock: FaultFixtures.clock)
        if !report.isHealthy { round.afterwards = report.problems.joined(separator: " | ") }
    }

    /// Tears the journal as a power cut in the middle of a write would: the line after the
    /// first `keepingLines` (which were fsync'd and acknowledged, so a real disk keeps them)
    /// is cut short, or, when there is none, a partial line is left at the end. Returns what
    /// was done.
    static func tearJournal(_ path: String, keepingLines kept: Int, using random: inout SeededGenerator) throws -> String {
        let bytes = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data())
        var newlines = 0
        var safeEnd = bytes.count  // all of it when the journal was already moved to history/
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            newlines += 1
            if newlines == kept { safeEnd = offset + 1; break }
        }
        if kept == 0 { safeEnd = 0 }
        if bytes.count - safeEnd > 1 {
            let cut = Int.random(in: (safeEnd + 1)..<bytes.count, using: &random)
            try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: path))
            return "cắt dòng đang ghi ở byte \(cut)/\(bytes.count)"
        }
        // Nothing unacknowledged reached the file: leave the start of one more line.
        let line = Array(#"{"hash":"0f3a","payload":{"change":{"setScore":{"field":"selfScore","item":"1.1""#.utf8)
        let fragment = Array(line.prefix(Int.random(in: 1..<line.count, using: &random)))
        try Data(bytes[..<safeEnd] + fragment).write(to: URL(fileURLWithPath: path))
        return "thêm \(fragment.count) byte ghi dở"
    }
}
