import Foundation
import ThiDuaDomain
import ThiDuaStore
#if canImport(Glibc)
import Glibc
#endif

/// Several real `thidua apply` programs writing one folder at once, and the checks that nothing
/// acknowledged is lost or doubled: used by the multi-writer tests and `thidua-soak`.
///
/// Writer `w`'s line `i` is one of four kinds, each recognisable in the journal by what only it
/// carries: a unit added with its own code, a score whose value names the writer and line, a
/// nomination whose summary does (its code, DN00001 on every line, is always given anew), and
/// the archiving of a unit it added.
public struct MultiWriter: Sendable {
    public let writers: Int
    public let linesPerWriter: Int

    public init(writers: Int, linesPerWriter: Int) {
        precondition(writers * ((linesPerWriter + 3) / 4) <= 4_000, "unit codes DV5000… must fit in four digits")
        self.writers = writers
        self.linesPerWriter = linesPerWriter
    }

    /// What a journal line is, as far as these checks care.
    public enum Signature: Hashable, Sendable, Comparable {
        case unit(String)
        case score(Int)
        case nomination(String)
        case archive(String)
    }

    /// The folder's starting data: the 43 units of the crash tests.
    public static func dataset() throws -> Dataset { try CrashHarness.dataset() }

    func unitCode(writer: Int, line: Int) -> String {
        String(format: "DV%04d", 5000 + writer * ((linesPerWriter + 3) / 4) + line / 4)
    }

    /// Writer `w`'s line `i` (0-based) as a change, with its signature.
    public func change(writer: Int, line: Int) -> (Change, Signature) {
        let code = unitCode(writer: writer, line: line)
        switch line % 4 {
        case 0:
            return (.addUnit(unit: OrgUnit(id: UnitID(code), name: "Đơn vị \(writer)-\(line)", categoryID: "ubnd", order: 100 + line)),
                    .unit(code))
        case 1:
            // Hundredths 1…1500: every (writer, line) its own value within the item's 15 points.
            let value = 1 + writer * 375 + line / 4
            let subject = Subject.unit(UnitID(String(format: "DV%04d", 1 + (writer * 7 + line) % 43)))
            return (.setScore(year: 2026, subject: subject, item: "1.1", field: .selfScore, value: Points(hundredths: value)),
                    .score(value))
        case 2:
            let summary = "Đề nghị \(writer)-\(line)"
            return (.addNomination(nomination: Nomination(id: "DN00001", period: .year(2026), formID: "giay-khen-xa",
                                                          nominee: .unit(UnitID(code)), achievementSummary: summary)),
                    .nomination(summary))
        default:
            return (.setUnitArchived(id: UnitID(code), archived: true), .archive(code))
        }
    }

    public static func signature(of change: Change) -> Signature? {
        switch change {
        case .addUnit(let unit): return .unit(unit.id.rawValue)
        case .setScore(_, _, _, _, let value?): return .score(value.hundredths)
        case .addNomination(let nomination): return .nomination(nomination.achievementSummary)
        case .setUnitArchived(let id, true): return .archive(id.rawValue)
        default: return nil
        }
    }

    /// Writer `w`'s whole input, one JSON change per line.
    public func input(writer: Int) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try (0..<linesPerWriter).map { line in
            String(decoding: try encoder.encode(change(writer: writer, line: line).0), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    /// One started writer: its process and where its output goes.
    public struct Running: Sendable {
        public var child: ChildProcess
        public var writer: Int
        public var outPath: String
        public var errPath: String
    }

    /// Starts every writer at once on `folder`, inputs written beforehand so none waits for another.
    public func start(folder: String, thidua: String) throws -> [Running] {
        var inputs: [String] = []
        for writer in 0..<writers {
            let path = folder + ".in\(writer)"
            try input(writer: writer).write(toFile: path, atomically: true, encoding: .utf8)
            inputs.append(path)
        }
        return try (0..<writers).map { writer in
            let out = folder + ".out\(writer)", err = folder + ".err\(writer)"
            let child = try ChildProcess.spawn(executable: thidua, ["apply", "--data-dir", folder], stdinPath: inputs[writer],
                                               stdoutPath: out, stderrPath: err,
                                               environment: ["THIDUA_TODAY": "2026-11-24", "THIDUA_USER": "viet\(writer)"])
            return Running(child: child, writer: writer, outPath: out, errPath: err)
        }
    }

    /// The 0-based input lines a writer acknowledged («OK n», n counted from 1).
    public static func acknowledged(_ running: Running) -> [Int] {
        let text = (try? String(contentsOfFile: running.outPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            line.hasPrefix("OK ") ? Int(line.dropFirst(3)).map { $0 - 1 } : nil
        }
    }

    /// What the folder holds after the writers stopped, against what they acknowledged.
    public struct Outcome: Sendable {
        /// Signatures acknowledged by some writer and not in the journal and history.
        public var lost: [Signature] = []
        /// Signatures in the journal and history more than once.
        public var doubled: [Signature] = []
        /// Journal lines whose signature no writer sent at all.
        public var foreign: [Signature] = []
        /// Lines in the journal that were sent but never acknowledged (the killed writer's last).
        public var unacknowledged = 0
        public var entries = 0
        /// Problems the audit trail reports (chain, seq gaps, torn lines …).
        public var problems: [String] = []
        /// Whether the seqs are 1, 2, 3 … with no gap.
        public var seqsContiguous = false
        /// Whether opening the folder afresh gives what replaying the audit trail from the start gives.
        public var openEqualsReplay = false
        public var units = 0
        public var nominations = 0

        public var intact: Bool {
            lost.isEmpty && doubled.isEmpty && foreign.isEmpty && problems.isEmpty && seqsContiguous && openEqualsReplay
        }
    }

    /// Checks the folder against every writer's acknowledgements.
    public func outcome(folder: String, running: [Running]) throws -> Outcome {
        var outcome = Outcome()
        var sent: [Signature: Int] = [:]
        var acknowledged = Set<Signature>()
        for run in running {
            for line in 0..<linesPerWriter { sent[change(writer: run.writer, line: line).1, default: 0] += 1 }
            for line in Self.acknowledged(run) { acknowledged.insert(change(writer: run.writer, line: line).1) }
        }
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true))
        let trail = try store.auditTrail()
        outcome.entries = trail.entries.count
        outcome.problems = trail.problems
        outcome.seqsContiguous = trail.entries.map(\.seq) == Array(1...max(1, trail.entries.count)).prefix(trail.entries.count).map { $0 }
        var seen: [Signature: Int] = [:]
        for entry in trail.entries {
            guard let signature = Self.signature(of: entry.change) else { continue }
            seen[signature, default: 0] += 1
        }
        outcome.lost = acknowledged.filter { seen[$0] == nil }.sorted()
        outcome.doubled = seen.filter { $0.value > 1 }.map(\.key).sorted()
        outcome.foreign = seen.keys.filter { sent[$0] == nil }.sorted()
        outcome.unacknowledged = seen.keys.filter { !acknowledged.contains($0) }.count
        var replayed = try Self.dataset()
        for entry in trail.entries {
            let context = ChangeContext(clock: FixedClock(Timestamp.date(entry.time) ?? Date()), user: entry.user)
            replayed = try replayed.apply(entry.change, context: context).dataset
        }
        outcome.openEqualsReplay = replayed == store.dataset
        outcome.units = store.dataset.units.count
        outcome.nominations = store.dataset.nominations.count
        return outcome
    }

    /// Removes the inputs and outputs written beside `folder`.
    public func removeFiles(beside folder: String) {
        for writer in 0..<writers {
            for suffix in [".in\(writer)", ".out\(writer)", ".err\(writer)"] {
                try? FileManager.default.removeItem(atPath: folder + suffix)
            }
        }
    }
}
