import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// `thidua certificates`: a decision's Giấy khen printed through `lp` on the blank's paper, one
/// page each, numbered in the register; printed again, the same numbers as reprints; saved
/// with -o; the calibration page; a decision that grants nothing is refused.
@Suite(.serialized) struct CertificatesCommandTests {
    final class Folder {
        let root: String
        var data: String { root + "/data" }
        var lp: String { printer.path }
        let printer: FakeLinePrinter

        init() throws {
            let root = NSTemporaryDirectory() + "thidua-certs-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            self.root = root
            printer = try FakeLinePrinter(in: root)
            let (code, _, err) = try ChildProcess.run(["init", "--sample", "--data-dir", data])
            #expect(code == 0, "\(err)")
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        func run(_ arguments: [String]) throws -> (Int32, String, String) {
            try ChildProcess.run(["certificates"] + arguments + ["--data-dir", data, "--user", "lan"],
                                 environment: ["THIDUA_TODAY": "2025-12-23", "THIDUA_LP": lp])
        }

        var lpArguments: [String] { printer.arguments }

        func pages(_ path: String) throws -> (count: Int, size: String) {
            let (_, info, _) = try ChildProcess.run(executable: "/usr/bin/pdfinfo", [path])
            let count = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
            let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }.map(String.init) ?? ""
            return (count, size)
        }

        func register() throws -> [String] {
            let data = try DataStore.open(folder: self.data, options: .init(createIfMissing: false, readOnly: true)).dataset
            return CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: data).map {
                "\($0.issue.number) \($0.issue.printings.count)"
            }
        }
    }

    @Test func aDecisionPrintsOnTheBlanksPaperAndIsNumberedOnce() throws {
        let folder = try Folder()
        let data = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true)).dataset
        let decided = data.nominations.values.filter { $0.formID == "giay-khen-xa" && $0.decision?.number == "215/QĐ-UBND" }
        #expect(!decided.isEmpty)

        let (code, out, err) = try folder.run(["--decision", "215"])
        #expect(code == 0, "\(err)")
        #expect(folder.lpArguments.prefix(7) == ["-n", "1", "-o", "media=A4", "-o", "print-scaling=none", "-t"])
        let printed = try folder.pages(folder.root + "/lp-copy.pdf")
        #expect(printed.count == decided.count && printed.size.contains("841.89 x 595.28"))
        #expect((out + err).contains("phôi 297 × 210 mm"))
        #expect(try folder.register() == (1...decided.count).map { "\($0)/GK-2025 1" })

        // Printed again: the same numbers, each marked as printed twice.
        let (again, againOut, againErr) = try folder.run(["--decision", "215/QĐ-UBND"])
        #expect(again == 0, "\(againErr)")
        #expect((againOut + againErr).contains("\(decided.count) giấy in lại (giữ số cũ)"))
        #expect(try folder.register() == (1...decided.count).map { "\($0)/GK-2025 2" })
    }

    @Test func savedWithOutputAndTheCalibrationPage() throws {
        let folder = try Folder()
        let path = folder.root + "/giay-khen.pdf"
        let data = try DataStore.open(folder: folder.data, options: .init(createIfMissing: false, readOnly: true)).dataset
        let ids = data.nominations.values.filter { $0.decision?.number == "215/QĐ-UBND" }.map(\.id)
        let one = try #require(ids.min())
        let (code, _, err) = try folder.run(["--decision", "215", "--only", one.rawValue.lowercased(), "-o", path])
        #expect(code == 0, "\(err)")
        #expect(try folder.pages(path).count == 1)
        #expect(folder.lpArguments.isEmpty)

        let (calibration, _, calibrationErr) = try folder.run(["--calibration"])
        #expect(calibration == 0, "\(calibrationErr)")
        #expect(folder.lpArguments.contains("media=A4") && folder.lpArguments.contains("print-scaling=none"))
        #expect(try folder.pages(folder.root + "/lp-copy.pdf").count == 1)
    }

    @Test func aDecisionThatGrantsNothingIsRefusedAndNothingIsWritten() throws {
        let folder = try Folder()
        let (code, _, err) = try folder.run(["--decision", "999"])
        #expect(code == 1)
        #expect(err.contains("Quyết định 999/QĐ-UBND không khen"))
        #expect(try folder.register().isEmpty)
        let (missing, _, missingErr) = try folder.run([])
        #expect(missing == 2 && missingErr.contains("Thiếu --decision"))
    }

    /// The left edge, in millimetres, of the first word «Số:» (the register's number, a
    /// left-aligned box at 20 mm in the default layout) on the first page of `path`.
    private func numberLeftEdge(_ path: String) throws -> Double {
        let (_, xml, _) = try ChildProcess.run(executable: "/usr/bin/pdftotext", ["-bbox", "-f", "1", "-l", "1", path, "-"])
        let line = try #require(xml.split(separator: "\n").first { $0.contains(">Số:</word>") })
        let xMin = try #require(line.split(separator: "\"").dropFirst().first.flatMap { Double($0) })
        return xMin * 25.4 / 72
    }

    @Test func eachPrinterMovesTheFieldsByItsOwnOffset() throws {
        let folder = try Folder()
        let store = try DataStore.open(folder: folder.data, identity: Identity(user: "lan", host: "may1", pid: 1))
        var settings = store.dataset.settings
        settings.printerOffsets = [PrinterOffset(printer: "VHXH-A4", x: 10, y: 5)]
        _ = try store.commit(.updateSettings(settings: settings))
        try store.close()

        let (code, _, err) = try folder.run(["--decision", "215", "--printer", "VHXH-A4"])
        #expect(code == 0, "\(err)")
        #expect(folder.lpArguments.contains("VHXH-A4"))
        #expect(abs(try numberLeftEdge(folder.root + "/lp-copy.pdf") - 30) <= 0.5)

        // Another printer has no offset of its own, and there is none for every other one.
        let (other, _, otherErr) = try folder.run(["--decision", "215", "--printer", "Canon"])
        #expect(other == 0, "\(otherErr)")
        #expect(abs(try numberLeftEdge(folder.root + "/lp-copy.pdf") - 20) <= 0.5)

        // The calibration page goes through the same offset.
        let (calibration, _, calibrationErr) = try folder.run(["--calibration", "--printer", "VHXH-A4"])
        #expect(calibration == 0, "\(calibrationErr)")
        let (_, text, _) = try ChildProcess.run(executable: "/usr/bin/pdftotext", [folder.root + "/lp-copy.pdf", "-"])
        #expect(text.contains("máy in lệch ngang 10 mm, dọc 5 mm"))
    }

    @Test(.enabled(if: OfficeTools.pythonWithOpenpyxl != nil || OfficeTools.required, "python's openpyxl is not installed here"))
    func theRegisterPrintsAndExportsToCSVAndXLSX() throws {
        let python = try #require(OfficeTools.pythonWithOpenpyxl, "THIDUA_REQUIRE_OFFICE is set but openpyxl is missing")
        let folder = try Folder()
        let (printed, _, printedErr) = try folder.run(["--decision", "215"])
        #expect(printed == 0, "\(printedErr)")
        let numbers = try folder.register().map { String($0.split(separator: " ")[0]) }
        func register(_ name: String) throws -> String {
            let path = folder.root + "/" + name
            let (code, _, err) = try ChildProcess.run(["print", "so-cap-phat", "--year", "2025", "--form", "giay-khen-xa",
                                                       "-o", path, "--data-dir", folder.data],
                                                      environment: ["THIDUA_TODAY": "2025-12-23"])
            #expect(code == 0, "\(err)")
            return path
        }
        let csv = try CSVText.read(try Data(contentsOf: URL(fileURLWithPath: try register("so-cap-phat.csv"))), file: "so-cap-phat.csv")
        #expect(csv.header == ["Số vào sổ", "Tập thể, cá nhân", "Quyết định", "In lần đầu", "Người in", "Số lần in", "Ghi chú"])
        #expect(csv.rows.map { $0.cells[0] } == numbers)
        #expect(csv.rows.allSatisfy { $0.cells[3] == "23/12/2025" && $0.cells[4] == "lan" && $0.cells[5] == "1" })

        let sheets = try OfficeReaders.openpyxl(try register("so-cap-phat.xlsx"), python: python, work: folder.root)
        let sheet = try #require(sheets.first)
        #expect(sheet.rows.count == csv.rows.count + 1)
        #expect(sheet.cell(1, 0) == .str(numbers[0]) && sheet.cell(1, 3) == .date("23/12/2025") && sheet.cell(1, 5) == .int(1))
    }
}
