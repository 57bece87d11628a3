import Foundation
import Testing
import ThiDuaDomain
import ThiDuaTestSupport
@testable import ThiDuaStore

/// What exports write for scripts and spreadsheets: plain codes with the kind in its own
/// column, and the warnings of a nomination separated by "; " only.
@Suite struct ExportTablesTests {
    private func sampleWithEndOfPhaseNomination() throws -> Dataset {
        var data = try PreRoundSample.build()
        let unit = try #require(data.units.values.min { $0.id < $1.id })
        let context = ChangeContext(clock: StoreFixtures.clock, user: "hoa")
        try data.applyInPlace(.addNomination(nomination: Nomination(id: "DN00001", period: .endOfPhase,
                                                                    formID: "giay-khen-xa", nominee: .unit(unit.id))),
                              context: context)
        return data
    }

    @Test func subjectsArePlainCodesBesideTheirKind() throws {
        let data = try sampleWithEndOfPhaseNomination()
        for table in [ExportTables.scores(data, year: 2025), ExportTables.nominations(data, period: nil),
                      ExportTables.awards(data)] {
            let subject = try #require(table.keys.firstIndex(of: "subject"))
            let kind = try #require(table.keys.firstIndex(of: "subjectKind"), "\(table.name)")
            #expect(!table.rows.isEmpty, "\(table.name)")
            for row in table.rows {
                #expect(!row[subject].contains(":"), "\(table.name): \(row[subject])")
                #expect(["Tập thể", "Cá nhân"].contains(row[kind]))
            }
        }
    }

    /// Other programs read «.» as the decimal point: exports write 12.5, never 12,5 (screens and
    /// documents show 12,5).
    @Test func scoresAreWrittenWithADecimalPoint() throws {
        let data = try PreRoundSample.build()
        let table = ExportTables.scores(data, year: 2025)
        let total = try #require(table.keys.firstIndex(of: "total"))
        let halves = table.rows.map { $0[total] }.filter { $0.contains(".") }
        #expect(!halves.isEmpty, "the sample has totals with halves")
        #expect(table.rows.allSatisfy { !$0[total].contains(",") })
        let csv = String(decoding: ExportTables.csv(table), as: UTF8.self)
        #expect(csv.contains(",\(halves[0]),") || csv.contains(",\(halves[0])\r\n"))
        #expect(Points(hundredths: 1250).display == "12,5" && Points(hundredths: 1250).decimalString == "12.5")
    }

    @Test func warningsAreSeparatedBySemicolonsOnly() throws {
        let data = try sampleWithEndOfPhaseNomination()
        let table = ExportTables.nominations(data, period: .endOfPhase)
        let cell = try #require(table.rows.first)[try #require(table.keys.firstIndex(of: "findings"))]
        let n = try #require(data.nominations.values.first)
        let findings = Eligibility.findings(for: n, in: data)
        #expect(findings.count >= 2)
        #expect(cell.components(separatedBy: "; ").count == findings.count, "\(cell)")
    }
}
