import Foundation
import Testing
import ThiDuaTestSupport
import ThiDuaDomain
import ThiDuaStore

/// `thidua print`, run as a script would: a fake `lp` (THIDUA_LP) records what the program
/// asks the print system for; files written with -o are read back with real readers.
@Suite struct PrintCommandTests {
    /// A private folder: `data/` holds the sample commune with two 2025 Giấy khen
    /// nominations, with its own `documents/`; `bin/` holds the fake lp.
    struct Folder {
        let root = NSTemporaryDirectory() + "thidua-print-\(UUID().uuidString.prefix(8))"
        var data: String { root + "/data" }
        var bin: String { root + "/bin" }
        static let nominees: [String] = ["Doanh nghiệp tư nhân Ông Ích (mẫu)", "Công ty TNHH Thương mại Đồng Hỷ (mẫu)"]

        init() throws {
            var dataset = try PreRoundSample.build()
            let context = ChangeContext(clock: FixedClock(year: 2026, month: 11, day: 24), user: "kiểm thử")
            let chosen = dataset.suggestions(period: .year(2025), formID: "giay-khen-xa").filter {
                Self.nominees.contains(dataset.name(of: $0.subject))
            }
            for suggestion in chosen {
                let nomination = Nomination(id: dataset.nextNominationID(), period: .year(2025), formID: "giay-khen-xa",
                                            nominee: suggestion.subject, achievementSummary: "Dẫn đầu khối.",
                                            scoreSnapshot: suggestion.snapshot)
                dataset = try dataset.apply(.addNomination(nomination: nomination), context: context).dataset
            }
            try DataStore.initialize(folder: data, with: dataset)
            try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// A stand-in for lp in bin/ (see `FakeLinePrinter`); returns its path.
        func fakeLP(exitCode: Int = 0, stderr: String = "") throws -> String {
            try FakeLinePrinter(in: bin, exitCode: exitCode, stderr: stderr).path
        }

        var lpArguments: [String] { FakeLinePrinter.arguments(in: bin) }

        func run(_ arguments: [String], lp: String? = nil) throws -> (Int32, String, String) {
            var environment = ["THIDUA_TODAY": "2026-11-24"]
            if let lp { environment["THIDUA_LP"] = lp }
            return try ChildProcess.run(arguments + ["--data-dir", data], environment: environment)
        }
    }

    @Test func printsTheGiayKhenListThroughLpWithCopiesDuplexAndA4() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let lp = try folder.fakeLP()
        let (code, out, err) = try folder.run(["print", "danh-sach", "--period", "2025", "--form", "giay-khen-xa",
                                               "--copies", "2", "--duplex"], lp: lp)
        #expect(code == 0, "\(err)")
        #expect(out.isEmpty)
        let args = folder.lpArguments
        #expect(Array(args.dropLast()) == ["-n", "2", "-o", "media=A4", "-o", "sides=two-sided-long-edge",
                                           "-t", "Danh sách đề nghị khen thưởng Năm 2025"])
        let file = try #require(args.last)
        #expect(file.hasSuffix("/danh-sach-giay-khen-xa-2025.pdf"))
        #expect(!FileManager.default.fileExists(atPath: file), "the temporary PDF is removed after lp")
        let copy = try Data(contentsOf: URL(fileURLWithPath: folder.bin + "/lp-copy.pdf"))
        #expect(copy.starts(with: Array("%PDF-".utf8)), "lp got a finished PDF")
        #expect(err == "Đã gửi in tới máy in mặc định: 2 bản × 1 trang, khổ A4, in hai mặt (lệnh in VHXH-A4-3).\n")

        let queued = try folder.run(["print", "danh-sach", "--year", "2025", "--form", "giay-khen-xa",
                                     "--printer", "Phong-VHXH"], lp: lp)
        #expect(queued.0 == 0, "\(queued.2)")
        #expect(Array(folder.lpArguments.prefix(4)) == ["-d", "Phong-VHXH", "-n", "1"])
        #expect(!folder.lpArguments.contains("sides=two-sided-long-edge"))
    }

    @Test func withoutAPrinterThePDFGoesToTheDocumentsFolder() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let lp = try folder.fakeLP(exitCode: 1, stderr: "lp: Error - No default destination.")
        let (code, _, err) = try folder.run(["print", "danh-sach", "--period", "2025", "--form", "giay-khen-xa"], lp: lp)
        #expect(code == 0, "\(err)")
        let saved = folder.data + "/documents/danh-sach-giay-khen-xa-2025.pdf"
        #expect(err.hasPrefix("Không có máy in; đã lưu PDF tại \(saved) (1 trang). Lý do: chưa chọn máy in mặc định."))
        #expect(try Data(contentsOf: URL(fileURLWithPath: saved)).starts(with: Array("%PDF-".utf8)))

        let failing = try folder.fakeLP(exitCode: 1, stderr: "lp: Error - The printer or class does not exist.")
        let (failed, _, failure) = try folder.run(["print", "danh-sach", "--period", "2025", "--printer", "khong-co"], lp: failing)
        #expect(failed == 1)
        #expect(failure == "Lệnh in báo lỗi (mã 1): lp: Error - The printer or class does not exist.\n")
    }

    @Test func listNamesEveryDocumentWithItsOptions() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (code, out, err) = try folder.run(["print", "--list"])
        #expect(code == 0, "\(err)")
        for name in ["danh-sach", "to-trinh", "quyet-dinh", "bien-ban", "tong-hop-diem", "phieu-cham",
                     "tinh-hinh-bao-cao", "bao-cao-nam", "lich-su-khen-thuong"] {
            #expect(out.contains("  \(name) "), "\(name)")
        }
        #expect(out.contains("Phiếu chấm điểm của một đơn vị, cá nhân"))
        #expect(out.contains("[--year NĂM] --subject MÃ [--date dd/mm/yyyy]"))
        #expect(out.contains("giay-khen-xa"))
    }

    @Test func outputToAFileOrToTheTerminal() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let pdf = folder.root + "/x.pdf"
        let (code, _, err) = try folder.run(["print", "danh-sach", "--period", "2025", "--form", "giay-khen-xa", "-o", pdf])
        #expect(code == 0, "\(err)")
        #expect(err == "Đã lưu PDF: \(pdf) (1 trang).\n")
        let text = try pdfText(pdf)
        for name in Folder.nominees { #expect(text.contains(name.prefix(12)), "\(name) in \(text)") }

        let (txtCode, txt, txtErr) = try folder.run(["print", "danh-sach", "--period", "2025", "--form", "giay-khen-xa",
                                                     "--format", "txt", "-o", "-"])
        #expect(txtCode == 0, "\(txtErr)")
        #expect(txt.contains("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"))
        #expect(txt.contains("Đồng Hỷ"))
        #expect(txtErr.isEmpty)
        let (_, csv, _) = try folder.run(["print", "danh-sach", "--year", "2025", "--format", "csv", "-o", "-"])
        // (The runner decodes stdout as UTF-8, which drops the byte-order mark the file has.)
        #expect(csv.replacingOccurrences(of: "\u{FEFF}", with: "").hasPrefix("STT,Tên tập thể,Khối,"))
        #expect(csv.contains("\r\n"))

        let docx = folder.root + "/phieu.docx"
        let (docxCode, _, docxErr) = try folder.run(["print", "phieu-cham", "--year", "2025", "--subject", "dv0001",
                                                     "-o", docx])
        #expect(docxCode == 0, "\(docxErr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: docx)).starts(with: Array("PK".utf8)))
    }

    @Test func wrongOrMissingParametersAreUsageErrorsInVietnamese() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let cases: [([String], String)] = [
            (["print"], "Thiếu tên văn bản"),
            (["print", "danh-sách"], "Không có văn bản «danh-sách»; có: danh-sach,"),
            (["print", "phieu-cham", "--year", "2025"], "«phieu-cham» cần --subject MÃ"),
            (["print", "phieu-cham", "--subject", "XY12"], "«XY12» không phải mã đơn vị (DV0001) hoặc cá nhân (CN00001)."),
            (["print", "phieu-cham", "--subject", "DV9999"], "Không có đơn vị hoặc cá nhân mã «unit:DV9999»."),
            (["print", "danh-sach", "--year", "2025", "--period", "2025"], "Chỉ dùng một trong --year và --period."),
            (["print", "danh-sach", "--period", "giua-ky"], "«giua-ky» không phải đợt khen thưởng"),
            (["print", "danh-sach", "--form", "giay-khen"], "Không có hình thức khen thưởng «giay-khen»"),
            (["print", "tinh-hinh-bao-cao", "--year", "2031"], "Năm 2031 nằm ngoài giai đoạn 2025 - 2030."),
            (["print", "danh-sach", "--date", "31/02/2026"], "--date «31/02/2026»:"),
            (["print", "danh-sach", "--copies", "0"], "--copies phải từ 1 đến 99 (đã cho 0)."),
            (["print", "danh-sach", "-o", "x.pdf", "--duplex"], "chỉ dùng khi in, không dùng cùng -o."),
            (["print", "danh-sach", "--format", "docx", "-o", "-"], "DOCX là tệp nhị phân"),
            (["print", "danh-sach", "--format", "xlsx", "-o", "-"], "XLSX là tệp nhị phân"),
            (["print", "danh-sach", "--format", "odt", "-o", "x.odt"], "«odt» không phải định dạng: dùng pdf, docx, csv, xlsx hoặc txt."),
            (["print", "lich-su-khen-thuong", "--subject", "CN00001", "--year", "2025"], "«lich-su-khen-thuong» không dùng --year"),
        ]
        for (arguments, message) in cases {
            let (code, _, err) = try folder.run(arguments)
            #expect(code == 2, "\(arguments): \(err)")
            #expect(err.contains(message), "\(arguments): \(err)")
        }
    }

    private func pdfText(_ path: String) throws -> String {
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let tool = search.split(separator: ":").map({ "\($0)/pdftotext" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("pdftotext is not installed (apt-get install poppler-utils)")
            return ""
        }
        let out = NSTemporaryDirectory() + "thidua-pdftotext-\(UUID().uuidString).txt"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", path, out]
        try process.run()
        process.waitUntilExit()
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }
}
