import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

/// `thidua check` lists problems record by record in each collection's order (units by id,
/// sheets by year and subject, items by code), however the tables happen to be stored: only
/// the records with problems are sorted, so their order must still be the full order.
@Suite struct FolderCheckOrderTests {
    @Test func problemsComeInRecordOrder() throws {
        let sample = try FastRecordsTests.sample()
        var units = sample.units
        let unitIDs = units.keys.sorted()
        for id in [unitIDs[5], unitIDs[2], unitIDs[9]] { units[id]!.categoryID = "khong-co" }
        var sheets = sample.sheets
        let keys = sheets.keys.sorted().filter { sheets[$0]!.items.count >= 2 }
        try #require(keys.count > 8)
        var expectedSheets: [String] = []
        for key in [keys[3], keys[7], keys[8]] {
            var sheet = sheets[key]!
            let codes = sheet.items.keys.sorted()
            sheet.items["zz"] = ItemScore()
            sheet.items[codes[1]]!.selfScore = Points(999)
            sheet.items[codes[0]]!.appraised = Points(-1)
            sheets[key] = sheet
            let set = try #require(sample.criteriaSet(for: sheet))
            let file = FolderLayout.scores(key.year)
            let maximum = { (code: String) in set.item(code)!.maximum.display }
            expectedSheets += [
                "\(file), phiếu «\(key.subject)», tiêu chí \(codes[0]): điểm thẩm định -1 ngoài khoảng 0–\(maximum(codes[0])).",
                "\(file), phiếu «\(key.subject)», tiêu chí \(codes[1]): điểm tự chấm 999 ngoài khoảng 0–\(maximum(codes[1])).",
                "\(file), phiếu «\(key.subject)»: tiêu chí «zz» không có trong bộ tiêu chí.",
            ]
        }
        let broken = Dataset(settings: sample.settings, categories: sample.categories, criteriaGroups: sample.criteriaGroups,
                             catalog: sample.catalog, rules: sample.rules, units: units, people: sample.people,
                             criteriaSets: sample.criteriaSets, sheets: sheets, reports: sample.reports,
                             nominations: sample.nominations, awards: sample.awards, communeReports: sample.communeReports)
        let folder = StoreFixtures.temporaryFolder()
        defer { StoreFixtures.remove(folder) }
        try DataStore.initialize(folder: folder, with: broken)
        let report = FolderCheck.run(folder: folder)
        let expectedUnits = [unitIDs[2], unitIDs[5], unitIDs[9]].map {
            "\(FolderLayout.units), đơn vị \($0): khối «khong-co» không có trong \(FolderLayout.settings)."
        }
        #expect(report.problems == expectedUnits + expectedSheets)
    }
}
