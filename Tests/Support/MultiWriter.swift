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
        precondition(Self.fits(writers: writers, linesPerWriter: linesPerWriter),
                     "every writer's scores must have values of their own within the item's 15 points")
        self.writers = writers
        self.linesPerWriter = linesPerWriter
    }

    /// Whether that many writers and lines can each be told apart: a quarter of the lines are
    /// scores whose values (hundredths 1…1500, the item's 15 points) name writer and line, so
    /// writers × ⌈lines / 4⌉ ≤ 1,500 (about 6,000 changes a round; the unit codes DV5000… then
    /// fit in four digits too).
    public static func fits(writers: Int, linesPerWriter: Int) -> Bool {
        writers >= 1 && linesPerWriter >= 1 && writers * ((linesPerWriter + 3) / 4) <= 1_500
    }

    /// Lines of each kind per writer: units, scores, nominations and archivings each take a quarter.
    var perKind: Int { (linesPerWriter + 3) / 4 }

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
        String(format: "DV%04d", 5000 + writer * perKind + line / 4)
    }

    /// Writer `w`'s line `i` (0-based) as a change, with its signature.
    public func change(writer: Int, line: Int) -> (Change, Signature) {
        let code = unitCode(writer: writer, line: line)
        switch line % 4 {
        case 0:
            return (.addUnit(unit: OrgUnit(id: UnitID(code), name: "Đơn vị \(writer)-\(line)", categoryID: "ubnd", order: 100 + line)),
                    .unit(code))
        case 1:
            // Hundredths 1…1500: every (writer, line) its own value within the item's 15 points
            // (a fixed 375 per writer went past 15 points from the fifth writer on).
            let value = 1 + writer * perKind + line / 4
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
        try CrashHarness.applyInput((0..<linesPerWriter).map { change(writer: writer, line: $0).0 })
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

// MARK: Whole rounds (thidua-soak)

extension MultiWriter {
    /// Exit codes of `running`, waiting for those not in `known` yet (`poll` reaps a process:
    /// its code can be read once only). nil for a writer still running at the deadline.
    public static func waitAll(_ running: [Running], known: [Int32?]? = nil, seconds: Double = 120) -> [Int32?] {
        var codes = known ?? running.map { _ in Int32?.none }
        let deadline = Date().addingTimeInterval(seconds)
        while codes.contains(nil) && Date() < deadline {
            usleep(5_000)
            for index in running.indices where codes[index] == nil { codes[index] = running[index].child.poll() }
        }
        return codes
    }

    /// How one round goes: which writer is SIGKILLed and when, whether a program checkpoints
    /// meanwhile, whether conflicts are provoked.
    public struct RoundPlan: Sendable {
        /// The writer killed with SIGKILL once it acknowledged `killAfter` lines; nil: none.
        public var victim: Int?
        public var killAfter: Int
        /// `thidua backup` (a checkpoint, then a backup, under the journal lock) run over and
        /// over by another program while the writers write.
        public var checkpoints: Bool
        /// The deliberate conflicts of `provokeConflicts`, while the writers write.
        public var conflicts: Bool

        public init(victim: Int? = nil, killAfter: Int = 0, checkpoints: Bool = false, conflicts: Bool = true) {
            self.victim = victim
            self.killAfter = killAfter
            self.checkpoints = checkpoints
            self.conflicts = conflicts
        }
    }

    /// What one round found.
    public struct RoundResult: Sendable {
        public var codes: [Int32?] = []
        /// Lines acknowledged («OK n») by all the writers together.
        public var acknowledged = 0
        /// The writer that was SIGKILLed, if one was.
        public var killed: Int?
        /// Backups (each a checkpoint by another program) that ran while the writers wrote.
        public var checkpoints = 0
        public var conflicts = ConflictProbe()
        public var outcome = Outcome()
        /// Anything else that went wrong: a survivor that failed or stopped short, a backup
        /// that failed, a refused change found in the journal, `thidua check`, the time limit.
        public var problems: [String] = []

        /// Breaks in the audit trail: problems it reports, and seqs that are not 1, 2, 3 …
        public var chainBreaks: Int { outcome.problems.count + (outcome.seqsContiguous ? 0 : 1) }

        public var isClean: Bool { outcome.intact && problems.isEmpty && conflicts.problems.isEmpty }
    }

    /// One whole round on a fresh folder (removed afterwards): the writers started together,
    /// the conflicts provoked while they write, the victim killed, backups run meanwhile; then
    /// every check of `outcome`, the refused changes looked for, and `thidua check`.
    public func round(thidua: String, plan: RoundPlan, tag: String, seconds: Double = 300) throws -> RoundResult {
        let folder = try FaultFixtures.makeFolder(try Self.dataset(), name: "multi-writer")
        let backupOut = folder + ".backup-out", backupErr = folder + ".backup-err"
        defer {
            try? FileManager.default.removeItem(atPath: folder)
            removeFiles(beside: folder)
            for path in [backupOut, backupErr] { try? FileManager.default.removeItem(atPath: path) }
        }
        var result = RoundResult()
        let running = try start(folder: folder, thidua: thidua)
        // On a thread of its own: the probe starts a program and opens three stores, and the
        // writers must be watched meanwhile, or the victim is killed long after its point (or
        // not at all, having finished).
        let probe = plan.conflicts ? Background { Self.provokeConflicts(folder: folder, thidua: thidua, tag: tag) } : nil

        var codes = running.map { _ in Int32?.none }
        var backup: ChildProcess?
        var lastBackup = Date.distantPast
        var victimDone = plan.victim == nil
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            for index in running.indices where codes[index] == nil { codes[index] = running[index].child.poll() }
            if !victimDone, let victim = plan.victim {
                if codes[victim] != nil {
                    victimDone = true   // ended before its point: nothing to kill
                } else if Self.acknowledged(running[victim]).count >= plan.killAfter {
                    running[victim].child.kill(SIGKILL)
                    result.killed = victim
                    victimDone = true
                }
            }
            if let child = backup, let code = child.poll() {
                if code == 0 {
                    result.checkpoints += 1
                } else {
                    let why = ((try? String(contentsOfFile: backupErr, encoding: .utf8)) ?? "").suffix(300)
                    result.problems.append("thidua backup trong lúc ghi: mã thoát \(code). \(why)")
                }
                backup = nil
                lastBackup = Date()
            }
            if !codes.contains(nil) && backup == nil { break }
            if Date() > deadline {
                result.problems.append("quá \(Int(seconds)) giây mà các tiến trình ghi chưa xong; đã dừng bằng SIGKILL")
                for index in running.indices where codes[index] == nil { running[index].child.kill(SIGKILL) }
                backup?.kill(SIGKILL)
                _ = backup?.wait()
                codes = Self.waitAll(running, known: codes, seconds: 10)
                break
            }
            if plan.checkpoints, backup == nil, codes.contains(nil), Date().timeIntervalSince(lastBackup) >= 0.05 {
                backup = try ChildProcess.spawn(executable: thidua, ["backup", "--data-dir", folder],
                                                stdoutPath: backupOut, stderrPath: backupErr,
                                                environment: ["THIDUA_TODAY": "2026-11-24", "THIDUA_USER": "sao-luu"])
            }
            usleep(500)
        }
        if let probe {
            if let conflicts = probe.wait(seconds: 60) {
                result.conflicts = conflicts
            } else {
                result.problems.append("các xung đột cố ý chưa xong sau 60 giây")
            }
        }
        result.codes = codes
        result.acknowledged = running.map { Self.acknowledged($0).count }.reduce(0, +)
        for run in running where run.writer != result.killed {
            let acknowledged = Self.acknowledged(run).count
            if codes[run.writer] != 0 || acknowledged != linesPerWriter {
                let why = ((try? String(contentsOfFile: run.errPath, encoding: .utf8)) ?? "").suffix(300)
                result.problems.append("người ghi \(run.writer): mã thoát \(codes[run.writer].map(String.init) ?? "?"), \(acknowledged)/\(linesPerWriter) dòng «OK». \(why)")
            }
        }

        result.outcome = try outcome(folder: folder, running: running)
        let allowed = result.killed == nil ? 0 : 1
        if result.outcome.unacknowledged > allowed {
            result.problems.append("\(result.outcome.unacknowledged) dòng có trong nhật ký mà không được báo «OK» (cho phép \(allowed))")
        }
        if probe != nil { result.problems += try Self.checkConflictTraces(folder: folder, probe: result.conflicts) }
        let (code, out, err) = try ChildProcess.run(executable: thidua, ["check", "--data-dir", folder] + (plan.checkpoints ? ["--backups"] : []))
        if code != 0 { result.problems.append("thidua check: mã thoát \(code). \((out + err).suffix(300))") }
        return result
    }

    /// What the deliberate conflicts of one round gave.
    public struct ConflictProbe: Sendable {
        /// Commits made from a stale base over a record someone else had replaced meanwhile.
        public var tried = 0
        /// Of those, refused with `CommitError.conflict` naming the writer who came first.
        public var refused = 0
        /// The notes the refused changes carried: none may be in the journal.
        public var refusedNotes: [String] = []
        /// The notes each unit must end with (the last change accepted).
        public var finalNotes: [String: String] = [:]
        public var problems: [String] = []

        public init() {}
    }

    /// Two conflicts, while the writers write (they never touch units DV0001 and DV0002):
    /// 1. store B of this process reads DV0001, a real `thidua apply` then replaces it, and B
    ///    replaces it from its old base: refused, naming the apply program's user. Having
    ///    looked again (its base now the current position), B's next edit goes through.
    /// 2. stores C and D of this process read DV0002; C replaces it, then D from its old base:
    ///    refused, naming C's user.
    public static func provokeConflicts(folder: String, thidua: String, tag: String) -> ConflictProbe {
        var probe = ConflictProbe()
        func identity(_ user: String) -> Identity {
            var identity = Identity.current
            identity.user = user
            return identity
        }
        func open(_ user: String) throws -> DataStore {
            try DataStore.open(folder: folder, options: .init(createIfMissing: false), identity: identity(user))
        }
        func expectConflict(_ store: DataStore, _ change: Change, base: Int, by user: String, notes: String) {
            probe.tried += 1
            probe.refusedNotes.append(notes)
            do {
                try store.commit(change, base: base)
                probe.problems.append("«\(notes)»: ghi từ vị trí cũ \(base) đè lên thay đổi của \(user) mà không bị từ chối")
            } catch CommitError.conflict(_, let who, _, _) {
                if who == user {
                    probe.refused += 1
                } else {
                    probe.problems.append("«\(notes)»: bị từ chối nhưng nêu người sửa là «\(who)», không phải «\(user)»")
                }
            } catch {
                probe.problems.append("«\(notes)»: bị từ chối vì lý do khác: \(error.message)")
            }
        }
        do {
            let first = UnitID("DV0001")
            let b = try open("soat-b")
            defer { try? b.close() }
            let base = b.appliedSeq
            guard let unit = b.dataset.units[first] else { throw StoreFailure("không có đơn vị DV0001") }
            var theirs = unit
            theirs.notes = "\(tag) A"
            let (code, out, err) = try ChildProcess.run(executable: thidua, ["apply", "--data-dir", folder],
                                                        stdin: try CrashHarness.applyInput([.updateUnit(unit: theirs)]),
                                                        environment: ["THIDUA_TODAY": "2026-11-24", "THIDUA_USER": "soat-a"])
            if code != 0 || !out.contains("OK 1") {
                probe.problems.append("thidua apply (người sửa trước): mã thoát \(code). \(err.suffix(300))")
            } else {
                var mine = unit
                mine.notes = "\(tag) B"
                expectConflict(b, .updateUnit(unit: mine), base: base, by: "soat-a", notes: mine.notes)
                _ = try b.refresh()
                if b.dataset.units[first]?.notes != theirs.notes {
                    probe.problems.append("sau khi bị từ chối, B thấy ghi chú «\(b.dataset.units[first]?.notes ?? "")», không phải «\(theirs.notes)»")
                }
                var again = b.dataset.units[first] ?? unit
                again.notes = "\(tag) B sau khi xem lại"
                try b.commit(.updateUnit(unit: again), base: b.appliedSeq)
                probe.finalNotes[first.rawValue] = again.notes
            }
        } catch {
            probe.problems.append("xung đột 1 (hai tiến trình): \(error)")
        }
        do {
            let second = UnitID("DV0002")
            let c = try open("soat-c"), d = try open("soat-d")
            defer { try? c.close(); try? d.close() }
            let baseD = d.appliedSeq
            guard let unit = d.dataset.units[second] else { throw StoreFailure("không có đơn vị DV0002") }
            var theirs = c.dataset.units[second] ?? unit
            theirs.notes = "\(tag) C"
            try c.commit(.updateUnit(unit: theirs), base: c.appliedSeq)
            probe.finalNotes[second.rawValue] = theirs.notes
            var mine = unit
            mine.notes = "\(tag) D"
            expectConflict(d, .updateUnit(unit: mine), base: baseD, by: "soat-c", notes: mine.notes)
        } catch {
            probe.problems.append("xung đột 2 (hai kho trong một tiến trình): \(error)")
        }
        return probe
    }

    /// The refused changes are nowhere in the journal and history, and a fresh open shows the
    /// last accepted notes of each unit.
    public static func checkConflictTraces(folder: String, probe: ConflictProbe) throws -> [String] {
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true))
        var problems: [String] = []
        let refused = Set(probe.refusedNotes)
        for entry in try store.auditTrail().entries {
            if case .updateUnit(let unit) = entry.change, refused.contains(unit.notes) {
                problems.append("thay đổi bị từ chối «\(unit.notes)» lại có trong nhật ký (seq \(entry.seq))")
            }
        }
        for (code, notes) in probe.finalNotes.sorted(by: { $0.key < $1.key }) where store.dataset.units[UnitID(code)]?.notes != notes {
            problems.append("mở lại: \(code) có ghi chú «\(store.dataset.units[UnitID(code)]?.notes ?? "")», không phải «\(notes)»")
        }
        return problems
    }
}

/// A value computed on a thread of its own, waited for with a time limit.
final class Background<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var value: Value?

    init(_ body: @escaping @Sendable () -> Value) {
        Thread {
            let computed = body()
            self.lock.lock()
            self.value = computed
            self.lock.unlock()
            self.done.signal()
        }.start()
    }

    /// The value, or nil if it is not there after `seconds`.
    func wait(seconds: Double) -> Value? {
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
