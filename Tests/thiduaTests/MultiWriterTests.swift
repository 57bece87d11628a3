import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Several real `thidua apply` programs writing one folder at once (issue 18): every change any
/// of them acknowledged is in the journal and `history/` exactly once, the chain has no break
/// and no gap, and opening the folder afresh gives exactly what replaying those lines gives.
@Suite(.serialized) struct MultiWriterTests {
    static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func fourWritersStartedTogetherFiveHundredChangesEachLoseNothing() throws {
        let plan = MultiWriter(writers: 4, linesPerWriter: 500)
        let folder = try FaultFixtures.makeFolder(try MultiWriter.dataset(), name: "four-writers")
        defer { try? FileManager.default.removeItem(atPath: folder); plan.removeFiles(beside: folder) }
        let running = try plan.start(folder: folder, thidua: ChildProcess.binary)
        let codes = MultiWriter.waitAll(running)
        #expect(codes == [0, 0, 0, 0], "\(running.map { Self.text($0.errPath) })")
        #expect(running.map { MultiWriter.acknowledged($0).count } == [500, 500, 500, 500])

        let outcome = try plan.outcome(folder: folder, running: running)
        #expect(outcome.entries == 2_000)
        #expect(outcome.lost.isEmpty && outcome.doubled.isEmpty && outcome.foreign.isEmpty)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.seqsContiguous)
        #expect(outcome.openEqualsReplay)
        #expect(outcome.units == 43 + 500)
        #expect(outcome.nominations == 500, "every nomination got a code of its own")
        // They checkpointed while the others wrote: the journal went to history/ more than once.
        let segments = try FileManager.default.contentsOfDirectory(atPath: folder + "/history").filter { $0.hasPrefix("journal-") }
        #expect(segments.count >= 2, "\(segments)")
        let (checkCode, checkOut, checkErr) = try ChildProcess.run(["check", "--data-dir", folder])
        #expect(checkCode == 0, "\(checkOut)\(checkErr)")
        // Each wrote under its own name (THIDUA_USER).
        let users = Set(try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true))
            .auditTrail().entries.map(\.user))
        #expect(users == ["viet0", "viet1", "viet2", "viet3"])
    }

    /// One of four writers killed at a random point; 20 rounds, each with its own seed.
    @Test(arguments: 1...20)
    func oneWriterKilledAtARandomPointLosesNothingAcknowledged(round: Int) throws {
        var random = SeededGenerator(seed: UInt64(round) * 7_919)
        let plan = MultiWriter(writers: 4, linesPerWriter: 120)
        let folder = try FaultFixtures.makeFolder(try MultiWriter.dataset(), name: "kill-writer-\(round)")
        defer { try? FileManager.default.removeItem(atPath: folder); plan.removeFiles(beside: folder) }
        let running = try plan.start(folder: folder, thidua: ChildProcess.binary)
        let victim = Int.random(in: 0..<4, using: &random)
        let target = Int.random(in: 1...110, using: &random)
        let deadline = Date().addingTimeInterval(60)
        // `poll` reaps the victim if it ended first: its code is kept, and no signal goes to a pid
        // that may be someone else's by then.
        var known = running.map { _ in Int32?.none }
        while MultiWriter.acknowledged(running[victim]).count < target && known[victim] == nil && Date() < deadline {
            known[victim] = running[victim].child.poll()
            usleep(500)
        }
        if known[victim] == nil { running[victim].child.kill(SIGKILL) }
        let codes = MultiWriter.waitAll(running, known: known)
        for index in running.indices where index != victim {
            #expect(codes[index] == 0, "writer \(index): \(Self.text(running[index].errPath))")
            #expect(MultiWriter.acknowledged(running[index]).count == 120, "the survivors go on")
        }
        let outcome = try plan.outcome(folder: folder, running: running)
        #expect(outcome.lost.isEmpty, "acknowledged and lost: \(outcome.lost)")
        #expect(outcome.doubled.isEmpty && outcome.foreign.isEmpty)
        #expect(outcome.seqsContiguous && outcome.openEqualsReplay)
        #expect(outcome.problems.isEmpty, "\(outcome.problems)")
        #expect(outcome.unacknowledged <= 1, "at most the line the killed writer was writing")
        let (checkCode, checkOut, checkErr) = try ChildProcess.run(["check", "--data-dir", folder])
        #expect(checkCode == 0, "\(checkOut)\(checkErr)")
    }

    /// Three writers, and a fourth program checkpointing and backing up the folder over and
    /// over meanwhile: the rotations never make a writer miss or repeat a line.
    @Test func checkpointsByAnotherProgramWhileThreeWriteLoseNothing() throws {
        let plan = MultiWriter(writers: 3, linesPerWriter: 300)
        let folder = try FaultFixtures.makeFolder(try MultiWriter.dataset(), name: "checkpoint-while-writing")
        defer { try? FileManager.default.removeItem(atPath: folder); plan.removeFiles(beside: folder) }
        let running = try plan.start(folder: folder, thidua: ChildProcess.binary)
        // A backup every 50 ms: each one checkpoints (rotating the journal) under the lock.
        var backups = 0
        var codes = running.map { _ in Int32?.none }
        // `poll` reaps a writer that ended: its status is kept here, once.
        func stillWriting() -> Bool {
            for index in running.indices where codes[index] == nil { codes[index] = running[index].child.poll() }
            return codes.contains(nil)
        }
        while stillWriting() && backups < 60 {
            let (code, _, err) = try ChildProcess.run(["backup", "--data-dir", folder])
            #expect(code == 0, "\(err)")
            backups += 1
            usleep(50_000)
        }
        codes = MultiWriter.waitAll(running, known: codes)
        #expect(codes == [0, 0, 0], "\(running.map { Self.text($0.errPath) })")
        #expect(backups >= 3, "the backups ran while the writers wrote")
        let outcome = try plan.outcome(folder: folder, running: running)
        #expect(outcome.entries == 900)
        #expect(outcome.intact, "\(outcome)")
        let (checkCode, checkOut, checkErr) = try ChildProcess.run(["check", "--data-dir", folder, "--backups"])
        #expect(checkCode == 0, "\(checkOut)\(checkErr)")
    }

    /// A whole soak round as `thidua-soak` runs it: one writer SIGKILLed at its point, backups
    /// checkpointing meanwhile, both deliberate conflicts refused with the right name.
    @Test func aWholeSoakRoundWithAKillCheckpointsAndConflictsIsClean() throws {
        let plan = MultiWriter(writers: 4, linesPerWriter: 120)
        let round = try plan.round(thidua: ChildProcess.binary,
                                   plan: .init(victim: 2, killAfter: 30, checkpoints: true, conflicts: true), tag: "kiểm thử")
        #expect(round.isClean, "\(round.problems) \(round.conflicts.problems) \(round.outcome)")
        #expect(round.killed == 2)
        #expect(round.conflicts.tried == 2 && round.conflicts.refused == 2)
        #expect(round.checkpoints >= 1, "a backup ran while the writers wrote")
        #expect(round.acknowledged >= 3 * 120 + 30)
        #expect(round.chainBreaks == 0)
    }

    /// The round's checks can fail: a refused change found in the journal, and a unit whose
    /// notes are not the last accepted ones, are both reported.
    @Test func theConflictChecksReportARefusedChangeThatWasWritten() throws {
        let folder = try FaultFixtures.makeFolder(try MultiWriter.dataset(), name: "conflict-traces")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        do {
            let store = try FaultFixtures.open(folder)
            guard var unit = store.dataset.units["DV0001"] else { Issue.record("no DV0001"); return }
            unit.notes = "bị từ chối mà vẫn ghi"
            try store.commit(.updateUnit(unit: unit))
            try store.close()
        }
        var probe = MultiWriter.ConflictProbe()
        probe.refusedNotes = ["bị từ chối mà vẫn ghi"]
        probe.finalNotes = ["DV0001": "ghi chú được nhận sau cùng"]
        let problems = try MultiWriter.checkConflictTraces(folder: folder, probe: probe)
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.contains("thay đổi bị từ chối «bị từ chối mà vẫn ghi» lại có trong nhật ký") == true)
        #expect(problems.last?.hasPrefix("mở lại: DV0001 có ghi chú «bị từ chối mà vẫn ghi»") == true)
    }

    /// Every writer's lines can be told apart and are valid, up to the largest plan that fits:
    /// the scores stay within the item's 15 points (a fifth writer's went past them, and its
    /// thidua apply refused a quarter of its lines).
    @Test(arguments: [(4, 500), (8, 250), (12, 500), (1, 6_000)])
    func everyLineOfEveryWriterIsItsOwnAndValid(writers: Int, lines: Int) throws {
        #expect(MultiWriter.fits(writers: writers, linesPerWriter: lines))
        let plan = MultiWriter(writers: writers, linesPerWriter: lines)
        var dataset = try MultiWriter.dataset()
        var signatures = Set<MultiWriter.Signature>()
        for writer in 0..<writers {
            for line in 0..<lines {
                let (change, signature) = plan.change(writer: writer, line: line)
                #expect(MultiWriter.signature(of: change) == signature)
                signatures.insert(signature)
                _ = try dataset.applyInPlace(change.withFreeCodes(in: dataset).change, context: FaultFixtures.context)
            }
        }
        #expect(signatures.count == writers * lines)
        #expect(!MultiWriter.fits(writers: 13, linesPerWriter: 500) && !MultiWriter.fits(writers: 0, linesPerWriter: 1))
    }
}
