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

    /// A workbook types every cell by its column: each table says what each column holds, and
    /// in the sample every filled cell of a number or date column reads as one, while codes
    /// and phone numbers stay text (a phone «0912 …» keeps its leading zero).
    @Test func everyColumnSaysWhatItHoldsAndTheSampleFitsIt() throws {
        // The whole sample, with its decided 2025 round: snapshots, votes, decisions.
        let data = try SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load())
        let tables = [ExportTables.units(data), ExportTables.people(data), ExportTables.scores(data, year: nil),
                      ExportTables.nominations(data, period: nil), ExportTables.awards(data)]
        #expect(tables.map(\.title) == ["Đơn vị", "Cá nhân", "Điểm", "Đề nghị khen thưởng", "Khen thưởng"])
        for table in tables {
            #expect(table.kinds.count == table.header.count && table.keys.count == table.header.count, "\(table.name)")
            #expect(table.rows.allSatisfy { $0.count == table.header.count }, "\(table.name)")
            var typed = 0
            for row in table.rows {
                for (index, kind) in table.kinds.enumerated() where kind != .text {
                    guard let cell = SpreadsheetCell(row[index], kind: kind, decimalSeparator: ".") else { continue }
                    if case .text = cell { Issue.record("\(table.name).\(table.keys[index]): «\(row[index])» is not \(kind)") }
                    typed += 1
                }
            }
            #expect(typed > 0, "\(table.name) has numbers or dates")
            for key in ["code", "subject", "phone", "unitCode"] {
                guard let index = table.keys.firstIndex(of: key) else { continue }
                #expect(table.kinds[index] == .text, "\(table.name).\(key)")
            }
        }
    }
}
