import Foundation
import Testing
import ThiDuaStore
import ThiDuaTestSupport

/// Every collection file damaged or hand-edited in every way `FileMutator` knows: damage is
/// refused or reported with the file and the line (or the record's id) and nothing is
/// written; valid hand edits (BOM, CRLF, keys in another order, one line) read as the same
/// data, in canonical form, and the next save works.
@Suite struct CollectionMutationTests {
    static let files = ["thidua.json", "units.json", "people.json", "awards.json", "criteria/2026.json",
                        "scores/2026.json", "reports/2026.json", "nominations/2026.json", "nominations/so-ket.json"]

    @Test func theFixtureHasEveryKindOfCollectionFile() throws {
        #expect(try MutationBench(dataset: FaultFixtures.everyFileDataset()).files == Self.files.sorted())
    }

    @Test(arguments: files) func everyMutationIsRefusedReportedOrAccepted(file: String) throws {
        let bench = try MutationBench(dataset: FaultFixtures.everyFileDataset())
        let mutations = FileMutator.mutations(of: bench.bytes(of: file), file: file, seed: 2026)
            .filter { $0.kind != .nfd }
        #expect(mutations.count >= 10)
        for mutation in mutations {
            let verdict = bench.run(mutation)
            #expect(verdict.failure == nil, "\(mutation.description): \(verdict.failure ?? "")")
            #expect(verdict.overwritten.isEmpty, "\(mutation.description): overwritten \(verdict.overwritten)")
            if mutation.kind.isValidEdit {
                #expect(verdict.normalised == true, "\(mutation.description): not read in canonical form")
            }
        }
    }
}

/// Text typed on a keyboard that writes decomposed letters (NFD), hand-edited into a file:
/// the store must read it as the same text in NFC, so that search, sorting and whatever it
/// writes next are NFC.
@Suite struct HandEditedNFDTests {
    static func run(_ file: String) throws -> MutationBench.Verdict {
        let bench = try MutationBench(dataset: FaultFixtures.everyFileDataset())
        var random = SeededGenerator(seed: 1)
        let mutation = try #require(FileMutator.mutate(bench.bytes(of: file), file: file, kind: .nfd, using: &random))
        return bench.run(mutation)
    }

    @Test(arguments: ["units.json", "people.json", "nominations/2026.json", "nominations/so-ket.json"])
    func isReadAsNFC(file: String) throws {
        let verdict = try Self.run(file)
        #expect(verdict.failure == nil, "\(verdict.failure ?? "")")
        #expect(verdict.normalised == true)
    }

    @Test(arguments: ["thidua.json", "awards.json", "criteria/2026.json", "scores/2026.json", "reports/2026.json"])
    func isReadAsNFCInTheOtherFiles(file: String) throws {
        let verdict = try Self.run(file)
        #expect(verdict.failure == nil, "\(verdict.failure ?? "")")
        #expect(verdict.normalised == true)
    }
}
