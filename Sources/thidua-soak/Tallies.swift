import ThiDuaTestSupport

/// What a worker reports (one JSON line on its stdout) and the parent adds up.
protocol Tally: Codable, Sendable {
    init()
    /// The counts, added up by `merge`.
    static var counters: [WritableKeyPath<Self, Int>] { get }
    var problems: [String] { get set }
    mutating func merge(_ other: Self)
}

extension Tally {
    mutating func merge(_ other: Self) { mergeCounts(other) }

    mutating func mergeCounts(_ other: Self) {
        for counter in Self.counters { self[keyPath: counter] += other[keyPath: counter] }
        problems.keep(other.problems)
    }
}

/// Problems kept for the report: enough to replay, not the whole flood of a bad run.
let keptProblems = 20

extension Array where Element == String {
    mutating func keep(_ more: [String]) {
        append(contentsOf: more.prefix(Swift.max(0, keptProblems - count)))
    }
}

struct KillTally: Tally {
    var rounds = 0
    var survived = 0
    var acknowledged = 0
    var lost = 0
    var afterGap = 0
    var openFailures = 0
    var tears = 0
    var tearsReported = 0
    var afterwardsFailures = 0
    var selfExits = 0
    var problems: [String] = []

    mutating func add(_ round: CrashHarness.Round, seed: UInt64) {
        rounds += 1
        acknowledged += round.acknowledged
        lost += round.lost.count
        afterGap += round.afterGap
        if round.openFailure != nil { openFailures += 1 }
        if round.tear != nil { tears += 1 }
        if round.tear != nil && round.tearReported { tearsReported += 1 }
        if round.afterwards != nil { afterwardsFailures += 1 }
        if (round.exitCode ?? 0) != 0 { selfExits += 1 }
        if round.isClean {
            survived += 1
        } else {
            let what = [round.lost.isEmpty ? nil : "mất các dòng \(round.lost.prefix(10))",
                        round.afterGap == 0 ? nil : "\(round.afterGap) thay đổi sau chỗ hổng",
                        round.openFailure.map { "không mở được: \($0)" },
                        round.tear != nil && !round.tearReported ? "không báo dòng ghi dở (\(round.tear!))" : nil,
                        round.afterwards.map { "sau khi khôi phục: \($0)" },
                        (round.exitCode ?? 0) != 0 ? "thidua apply tự dừng với mã \(round.exitCode!)" : nil]
            problems.keep(["vòng SIGKILL hạt giống \(seed): " + what.compactMap { $0 }.joined(separator: "; ")])
        }
    }

    static var counters: [WritableKeyPath<KillTally, Int>] {
        [\.rounds, \.survived, \.acknowledged, \.lost, \.afterGap, \.openFailures, \.tears, \.tearsReported,
         \.afterwardsFailures, \.selfExits]
    }
}

struct MutationTally: Tally {
    /// Damage put into a file, and how much of it the store refused or reported.
    var tried = 0
    var detected = 0
    /// Valid hand edits tried, accepted (same data), and read in canonical form (NFC).
    var validTried = 0
    var validAccepted = 0
    var validNormalised = 0
    /// Mutations after which a file of the folder had changed although nothing may be written.
    var overwritten = 0
    var problems: [String] = []
    /// "file: kind" of valid edits that were accepted but not read in canonical form.
    var notNormalised: Set<String> = []

    mutating func add(_ verdict: MutationBench.Verdict) {
        let mutation = verdict.mutation
        if mutation.kind.isValidEdit {
            validTried += 1
            if verdict.failure == nil { validAccepted += 1 }
            if verdict.normalised == true {
                validNormalised += 1
            } else if verdict.failure == nil {
                let parts = mutation.file.split(separator: "/")
                notNormalised.insert("\(parts.count > 1 ? "\(parts[0])/*.json" : mutation.file): \(mutation.kind.label)")
            }
        } else {
            tried += 1
            if verdict.failure == nil { detected += 1 }
        }
        if !verdict.overwritten.isEmpty { overwritten += 1 }
        if let failure = verdict.failure {
            problems.keep(["\(mutation.description): \(failure)"])
        } else if !verdict.overwritten.isEmpty {
            problems.keep(["\(mutation.description): đã ghi đè \(verdict.overwritten)"])
        }
    }

    static var counters: [WritableKeyPath<MutationTally, Int>] {
        [\.tried, \.detected, \.validTried, \.validAccepted, \.validNormalised, \.overwritten]
    }

    mutating func merge(_ other: MutationTally) {
        mergeCounts(other)
        notNormalised.formUnion(other.notNormalised)
    }
}

struct KeyTally: Tally {
    var keys = 0
    var screens = 0
    var restarts = 0
    var invariantFailures = 0
    var problems: [String] = []

    mutating func add(_ outcome: KeyFuzzer.Outcome) {
        keys += outcome.keysTyped
        screens += 1
        restarts += outcome.restarts
        if let failure = outcome.failure {
            invariantFailures += 1
            problems.keep([failure])
        }
    }

    static var counters: [WritableKeyPath<KeyTally, Int>] { [\.keys, \.screens, \.restarts, \.invariantFailures] }
}

struct MultiWriterTally: Tally {
    var rounds = 0
    /// Rounds with every check passed.
    var clean = 0
    /// `thidua apply` programs started, changes given to them, changes they acknowledged.
    var writers = 0
    var sent = 0
    var acknowledged = 0
    /// Writers SIGKILLed, and journal lines they wrote without acknowledging them (≤ 1 each).
    var kills = 0
    var unacknowledged = 0
    /// Checkpoints (with a backup) by another program while the writers wrote.
    var checkpoints = 0
    var checkpointRounds = 0
    /// Deliberate conflicts, and those refused with `CommitError.conflict`.
    var conflictsTried = 0
    var conflictsDetected = 0
    var lost = 0
    var doubled = 0
    /// Journal lines no writer sent.
    var foreign = 0
    var chainBreaks = 0
    /// Rounds where a fresh open did not give what replaying the audit trail gives.
    var replayMismatches = 0
    var problems: [String] = []

    mutating func add(_ round: MultiWriter.RoundResult, writers count: Int, linesPerWriter: Int, checkpointing: Bool,
                      seed: UInt64) {
        rounds += 1
        writers += count
        sent += count * linesPerWriter
        acknowledged += round.acknowledged
        if round.killed != nil { kills += 1 }
        unacknowledged += round.outcome.unacknowledged
        checkpoints += round.checkpoints
        if checkpointing { checkpointRounds += 1 }
        conflictsTried += round.conflicts.tried
        conflictsDetected += round.conflicts.refused
        lost += round.outcome.lost.count
        doubled += round.outcome.doubled.count
        foreign += round.outcome.foreign.count
        chainBreaks += round.chainBreaks
        if !round.outcome.openEqualsReplay { replayMismatches += 1 }
        if round.isClean {
            clean += 1
        } else {
            let outcome = round.outcome
            let what = [outcome.lost.isEmpty ? nil : "mất \(outcome.lost.count) thay đổi đã báo «OK» (\(outcome.lost.prefix(5)))",
                        outcome.doubled.isEmpty ? nil : "\(outcome.doubled.count) thay đổi bị ghi hai lần (\(outcome.doubled.prefix(5)))",
                        outcome.foreign.isEmpty ? nil : "\(outcome.foreign.count) dòng lạ",
                        outcome.problems.isEmpty ? nil : "nhật ký: \(outcome.problems.prefix(3).joined(separator: " | "))",
                        outcome.seqsContiguous ? nil : "seq không liền mạch",
                        outcome.openEqualsReplay ? nil : "mở lại khác phát lại nhật ký"]
                + (round.conflicts.problems + round.problems).prefix(5).map { Optional($0) }
            problems.keep(["vòng nhiều người ghi hạt giống \(seed): " + what.compactMap { $0 }.joined(separator: "; ")])
        }
    }

    static var counters: [WritableKeyPath<MultiWriterTally, Int>] {
        [\.rounds, \.clean, \.writers, \.sent, \.acknowledged, \.kills, \.unacknowledged, \.checkpoints, \.checkpointRounds,
         \.conflictsTried, \.conflictsDetected, \.lost, \.doubled, \.foreign, \.chainBreaks, \.replayMismatches]
    }
}
