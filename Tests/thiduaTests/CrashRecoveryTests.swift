import Foundation
import Testing
import ThiDuaTestSupport

/// A writer killed with SIGKILL in the middle of a stream of edits leaves a folder that
/// opens, with every edit the program had acknowledged as saved; when the line being written
/// is also torn (a power cut), the torn line is reported, skipped, and nothing acknowledged is
/// lost. The recovered folder takes the next edit and checks clean. (`thidua-soak --kills N`
/// runs the same rounds for longer.)
@Suite struct CrashRecoveryTests {
    static let rounds = 20

    @Test func everyAcknowledgedEditSurvivesAKillAndATornLastLine() throws {
        let harness = CrashHarness(thidua: ChildProcess.binary)
        let dataset = try CrashHarness.dataset()
        let input = try CrashHarness.input()
        var acknowledged = 0
        var tears = 0
        for round in 0..<Self.rounds {
            // Every other round tears the journal too; the others check a plain kill.
            let result = try harness.killRound(seed: UInt64(round) &* 7919 &+ 11, tear: round % 2 == 0, dataset: dataset, input: input)
            #expect(result.openFailure == nil, "round \(round): the folder did not open: \(result.openFailure ?? "")")
            #expect(result.lost.isEmpty, "round \(round): acknowledged edits lost: \(result.lost)")
            #expect(result.afterGap == 0, "round \(round): \(result.afterGap) edits survived after a gap")
            #expect(result.tear == nil || result.tearReported, "round \(round): torn line not reported (\(result.tear ?? ""))")
            #expect(result.afterwards == nil, "round \(round): after recovery: \(result.afterwards ?? "")")
            #expect((result.exitCode ?? 0) == 0, "round \(round): thidua apply ended by itself with \(result.exitCode ?? 0)")
            acknowledged += result.acknowledged
            if result.tear != nil { tears += 1 }
        }
        #expect(acknowledged > 0)
        #expect(tears == Self.rounds / 2)
    }
}
