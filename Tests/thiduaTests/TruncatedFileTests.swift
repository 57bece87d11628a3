import Foundation
import Testing
import ThiDuaStore
import ThiDuaTestSupport

/// Collection files are only ever replaced whole (temporary file, fsync, rename), so a
/// truncated one is damage, not a torn write: the real program refuses to open the folder
/// with the file and the line, `thidua check` exits non-zero saying the same, and no file in
/// the folder changes.
@Suite struct TruncatedFileTests {
    static let files = ["thidua.json", "units.json", "people.json", "awards.json", "criteria/2026.json",
                        "scores/2026.json", "reports/2026.json", "nominations/2026.json", "nominations/so-ket.json"]

    @Test(arguments: files) func aTruncatedFileIsNamedWithItsLineAndNothingIsOverwritten(file: String) throws {
        let bench = try MutationBench(dataset: FaultFixtures.everyFileDataset())
        let commands = MutationBench.Commands(thidua: ChildProcess.binary)
        var random = SeededGenerator(seed: UInt64(file.utf8.count) &* 104_729)
        for _ in 0..<3 {
            let mutation = try #require(FileMutator.mutate(bench.bytes(of: file), file: file, kind: .truncated, using: &random))
            let verdict = bench.run(mutation, commands: commands)
            #expect(verdict.failure == nil, "\(mutation.description): \(verdict.failure ?? "")")
            #expect(verdict.overwritten.isEmpty, "\(mutation.description): overwritten \(verdict.overwritten)")
        }
    }
}
