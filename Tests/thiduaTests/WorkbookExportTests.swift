import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// `thidua export … --format xlsx` and `thidua print … -o x.xlsx` on the sample commune, read
/// back by openpyxl and LibreOffice Calc: the same cells as the CSV of the same table, numbers
/// as numbers, dates as dates. The office tests skip where the tools are missing, except under
/// THIDUA_REQUIRE_OFFICE=1 (CI), where that fails.
@Suite struct WorkbookExportTests {
    static let tables = ["units", "people", "scores", "nominations", "awards"]

    /// The sample commune in `data/`, with each table exported as XLSX and as CSV beside it.
    struct Folder {
        let root = NSTemporaryDirectory() + "thidua-workbook-\(UUID().uuidString.prefix(8))"
        var data: String { root + "/data" }

        init() throws {
            let (code, _, err) = try ChildProcess.run(["init", "--sample", "--data-dir", root + "/data"])
            try #require(code == 0, "\(err)")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            try ChildProcess.run(arguments + ["--data-dir", data])
        }

        /// `thidua ARGUMENTS -o root/NAME.xlsx` and `-o root/NAME.csv`: the workbook's path and
        /// the CSV's rows, header first.
        func written(_ arguments: [String], name: String) throws -> (xlsx: String, csv: [[String]]) {
            let xlsx = "\(root)/\(name).xlsx", csv = "\(root)/\(name).csv"
            for path in [xlsx, csv] {
                let (code, _, err) = try run(arguments + ["-o", path])
                try #require(code == 0, "\(arguments) -o \(path): \(err)")
            }
            let table = try CSVText.read(try Data(contentsOf: URL(fileURLWithPath: csv)), file: csv)
            return (xlsx, [table.header] + table.rows.map(\.cells))
        }

        func export(_ table: String) throws -> (xlsx: String, csv: [[String]]) {
            try written(["export", table], name: table)
        }

        /// The table as `export` builds it, for its title and its columns' kinds.
        func table(_ name: String) throws -> ExportTables.Table {
            let dataset = try DataStore.open(folder: data, options: .init(createIfMissing: false, readOnly: true)).dataset
            switch name {
            case "units": return ExportTables.units(dataset)
            case "people": return ExportTables.people(dataset)
            case "scores": return ExportTables.scores(dataset, year: nil)
            case "nominations": return ExportTables.nominations(dataset, period: nil)
            default: return ExportTables.awards(dataset)
            }
        }
    }

    @Test func aWorkbookNeedsAFileAndTheFileNameCanChooseTheFormat() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (code, out, err) = try folder.run(["export", "units", "--format", "xlsx"])
        #expect(code == 2 && out.isEmpty)
        #expect(err.contains("XLSX là tệp nhị phân, không ghi ra màn hình được; dùng -o TỆP.xlsx."), "\(err)")

        let path = folder.root + "/don-vi.xlsx"
        let (written, _, writtenErr) = try folder.run(["export", "units", "-o", path])
        #expect(written == 0, "\(writtenErr)")
        #expect(writtenErr == "Đã xuất 40 dòng vào «\(path)».\n")
        let sheet = try XLSXReader.read(try Data(contentsOf: URL(fileURLWithPath: path)), file: path)
        #expect(sheet.name == "Đơn vị")
        #expect(sheet.rows.first?.cells == ["Mã", "Tên đơn vị", "Khối", "Thứ tự", "Người đứng đầu", "Điện thoại", "Lưu trữ", "Ghi chú"])
        #expect(sheet.rows.count == 41)

        let json = folder.root + "/don-vi.json"
        #expect(try folder.run(["export", "units", "-o", json]).0 == 0)
        #expect(try String(contentsOfFile: json, encoding: .utf8).hasPrefix("["), "-o x.json writes JSON")
    }

    @Test(.enabled(if: OfficeTools.pythonWithOpenpyxl != nil || OfficeTools.required, "python's openpyxl is not installed here"))
    func openpyxlReadsEveryExportAsItsCSVWithNumbersAndDates() throws {
        let python = try #require(OfficeTools.pythonWithOpenpyxl, "THIDUA_REQUIRE_OFFICE is set but openpyxl is missing")
        let folder = try Folder()
        defer { folder.remove() }
        var seen: [String: Int] = [:]
        for name in Self.tables {
            let (xlsx, csv) = try folder.export(name)
            let table = try folder.table(name)
            let sheets = try OfficeReaders.openpyxl(xlsx, python: python, work: folder.root)
            #expect(sheets.count == 1)
            let sheet = try #require(sheets.first)
            #expect(sheet.title == table.title)
            #expect(sheet.freezePanes == "A2" && sheet.headerBold, "\(name)")
            #expect(sheet.rows.count == csv.count, "\(name)")
            for (row, cells) in csv.enumerated() {
                for (column, text) in cells.enumerated() {
                    let cell = sheet.cell(row, column)
                    let kind = row == 0 ? .text : table.kinds[column]
                    let place = "\(name) row \(row + 1) «\(table.header[column])»"
                    if text.isEmpty {
                        #expect(cell == .none, "\(place): \(cell)")
                        continue
                    }
                    switch kind {
                    case .text:
                        #expect(cell == .str(text), "\(place): \(cell) for «\(text)»")
                    case .date:
                        #expect(cell == .date(text), "\(place): \(cell) for «\(text)»")
                    default:
                        #expect(["int", "float"].contains(cell.type) && cell.value == text, "\(place): \(cell) for «\(text)»")
                    }
                    seen[cell.type, default: 0] += 1
                }
            }
        }
        #expect(seen["int", default: 0] > 0 && seen["float", default: 0] > 0 && seen["datetime", default: 0] > 0, "\(seen)")
    }

    @Test(.enabled(if: OfficeTools.soffice != nil || OfficeTools.required, "LibreOffice is not installed here"))
    func libreOfficeShowsEveryExportAsItsCSV() throws {
        let soffice = try #require(OfficeTools.soffice, "THIDUA_REQUIRE_OFFICE is set but soffice is missing")
        let folder = try Folder()
        defer { folder.remove() }
        let exports = try Self.tables.map { try folder.export($0) }
        let shown = try OfficeReaders.libreOfficeCSV(exports.map(\.xlsx), soffice: soffice, work: folder.root)
        for (name, export) in zip(Self.tables, exports) {
            let title = try folder.table(name).title
            // General numbers show as exported («89.5», «2025»), dates as dd/mm/yyyy.
            #expect(shown[name]?[title] == export.csv, "\(name)")
        }
    }

    /// Two documents printed to a workbook, against the CSV of the same document: the score
    /// summary (ranks, decimals, group rows) and the report status (received dates).
    @Test(.enabled(if: (OfficeTools.soffice != nil && OfficeTools.pythonWithOpenpyxl != nil) || OfficeTools.required,
                   "LibreOffice or python's openpyxl is not installed here"))
    func printedDocumentsReadBackWithTheirNumbersAndDates() throws {
        let soffice = try #require(OfficeTools.soffice, "THIDUA_REQUIRE_OFFICE is set but soffice is missing")
        let python = try #require(OfficeTools.pythonWithOpenpyxl, "THIDUA_REQUIRE_OFFICE is set but openpyxl is missing")
        let folder = try Folder()
        defer { folder.remove() }
        let summary = try folder.written(["print", "tong-hop-diem", "--year", "2025"], name: "tong-hop-diem")
        let status = try folder.written(["print", "tinh-hinh-bao-cao", "--year", "2026"], name: "tinh-hinh-bao-cao")
        let forced = folder.root + "/khong-duoi"
        #expect(try folder.run(["print", "tinh-hinh-bao-cao", "--year", "2026", "--format", "xlsx", "-o", forced]).0 == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: forced)) == Data(contentsOf: URL(fileURLWithPath: status.xlsx)),
                "--format xlsx writes the same workbook whatever the file is called")

        // openpyxl: ranks are whole numbers, the five score columns numbers with «.» for the
        // document's «,», group rows a label alone; received days are dates.
        let scores = try #require(try OfficeReaders.openpyxl(summary.xlsx, python: python, work: folder.root).first)
        #expect(scores.title == "Tổng hợp điểm" && scores.freezePanes == "A2" && scores.headerBold)
        var numbers = 0
        for (row, cells) in summary.csv.enumerated().dropFirst() {
            if cells.dropFirst().allSatisfy(\.isEmpty) {
                #expect(scores.cell(row, 0) == .str(cells[0]) && scores.cell(row, 2) == .none, "group row \(row + 1)")
                continue
            }
            #expect(scores.cell(row, 0) == .int(Int(cells[0]) ?? -1), "row \(row + 1)")
            #expect(scores.cell(row, 1) == .str(cells[1]))
            for column in 2...6 {
                let cell = scores.cell(row, column)
                #expect(["int", "float"].contains(cell.type) && cell.value == cells[column].replacingOccurrences(of: ",", with: "."),
                        "row \(row + 1), column \(column + 1): \(cell) for «\(cells[column])»")
                numbers += 1
            }
        }
        #expect(numbers > 100)
        let reports = try #require(try OfficeReaders.openpyxl(status.xlsx, python: python, work: folder.root).first)
        #expect(reports.title == "Tình hình nộp báo cáo")
        var dates = 0
        for (row, cells) in status.csv.enumerated().dropFirst() where cells.count > 3 && !cells[3].isEmpty {
            #expect(reports.cell(row, 3) == .date(cells[3]), "row \(row + 1)")
            #expect(reports.cell(row, 4) == .str(cells[4]), "a document number stays text")
            dates += 1
        }
        #expect(dates > 0)

        // LibreOffice shows the same cells: the scores with its «.», the days as dd/mm/yyyy.
        let shown = try OfficeReaders.libreOfficeCSV([summary.xlsx, status.xlsx], soffice: soffice, work: folder.root)
        #expect(shown["tong-hop-diem"]?["Tổng hợp điểm"] == summary.csv.map { cells in
            cells.enumerated().map { (2...6).contains($0.offset) ? $0.element.replacingOccurrences(of: ",", with: ".") : $0.element }
        })
        #expect(shown["tinh-hinh-bao-cao"]?["Tình hình nộp báo cáo"] == status.csv)
    }
}
