import ArgumentParser
import Foundation
import ThiDuaStore
import ThiDuaTestSupport

/// One batch of rounds in a process of its own, so that a crash ends only the batch and is
/// counted (with the seed that replays it) instead of ending the soak. Prints its tally as
/// one JSON line.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "Một loạt vòng thử trong một tiến trình riêng (thidua-soak tự gọi).",
        shouldDisplay: false)

    enum Job: String, ExpressibleByArgument, CaseIterable {
        case kills, mutations, keys
        case multiWriter = "multi-writer"
    }

    @Argument var job: Job
    @Option var thidua: String = ""
    // Not --seed or --keys: the root command's own options would take them.
    @Option var count: Int
    @Option(name: .customLong("round-seed")) var seed: UInt64
    @Option var start: String = ""
    // Not --writers or --changes-per-writer: the root command's own options would take them
    // (the worker then ran 250 changes per writer whatever the soak was asked for).
    @Option(name: .customLong("writer-count")) var writerCount = 4
    @Option(name: .customLong("lines-per-writer")) var changesPerWriter = 250

    func run() throws {
        switch job {
        case .kills: try emit(killRounds())
        case .mutations: try emit(mutationRounds())
        case .multiWriter: try emit(multiWriterRounds())
        case .keys:
            var tally = KeyTally()
            tally.add(try KeyFuzzer.run(start: start, keys: count, seed: seed))
            try emit(tally)
        }
    }

    private func emit(_ tally: some Tally) throws {
        FileHandle.standardOutput.write(try JSONEncoder().encode(tally) + Data("\n".utf8))
    }

    /// `count` rounds of SIGKILL over `thidua apply`; every other one also tears the journal.
    private func killRounds() throws -> KillTally {
        let harness = CrashHarness(thidua: thidua)
        let dataset = try CrashHarness.dataset()
        let input = try CrashHarness.input()
        var tally = KillTally()
        for index in 0..<count {
            let roundSeed = seed &+ UInt64(index)
            tally.add(try harness.killRound(seed: roundSeed, tear: roundSeed % 2 == 0, dataset: dataset, input: input), seed: roundSeed)
        }
        return tally
    }

    /// `count` random mutations of random collection files, each checked in process and
    /// through the real program. Odd batches use the sample commune (bigger files), even ones
    /// the small folder that has every kind of file.
    private func mutationRounds() throws -> MutationTally {
        let dataset = seed % 2 == 0 ? try FaultFixtures.everyFileDataset()
            : try SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load())
        let bench = try MutationBench(dataset: dataset)
        let commands = MutationBench.Commands(thidua: thidua)
        var random = SeededGenerator(seed: seed)
        var tally = MutationTally()
        while tally.tried + tally.validTried < count {
            let file = bench.files.randomElement(using: &random)!
            let kind = FileMutation.Kind.allCases.randomElement(using: &random)!
            guard let mutation = FileMutator.mutate(bench.bytes(of: file), file: file, kind: kind, using: &random) else { continue }
            tally.add(bench.run(mutation, commands: commands))
        }
        return tally
    }

    /// `count` rounds of `writerCount` real `thidua apply` programs on one folder, with the
    /// deliberate conflicts in every round; one writer SIGKILLed at a random point in every
    /// other round, another program checkpointing in every other pair of rounds (so each of the
    /// four combinations comes up).
    private func multiWriterRounds() throws -> MultiWriterTally {
        let plan = MultiWriter(writers: writerCount, linesPerWriter: changesPerWriter)
        var tally = MultiWriterTally()
        for index in 0..<count {
            let roundSeed = seed &+ UInt64(index)
            var random = SeededGenerator(seed: roundSeed)
            let victim = roundSeed % 2 == 0 ? Int.random(in: 0..<writerCount, using: &random) : nil
            let killAfter = Int.random(in: 1...max(1, changesPerWriter * 11 / 12), using: &random)
            let checkpointing = (roundSeed / 2) % 2 == 0
            let round = try plan.round(thidua: thidua,
                                       plan: .init(victim: victim, killAfter: killAfter, checkpoints: checkpointing),
                                       tag: "soak \(roundSeed)")
            tally.add(round, writers: writerCount, linesPerWriter: changesPerWriter, checkpointing: checkpointing, seed: roundSeed)
        }
        return tally
    }
}
