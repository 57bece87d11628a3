import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// The stable command line, run as the office would run it.
@Suite struct CommandLineTests {
    func folder(_ name: String = #function) -> String {
        NSTemporaryDirectory() + "thidua-cli-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(6))"
    }

    @Test func sampleCommuneInitialisesChecksAndExportsAsSpreadsheetCSV() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (initCode, initOut, initErr) = try ChildProcess.run(["init", "--sample", "--data-dir", dir])
        #expect(initCode == 0, "\(initErr)")
        #expect(initOut.contains("40 đơn vị, 150 cá nhân"))
        let (checkCode, checkOut, _) = try ChildProcess.run(["check", "--data-dir", dir])
        #expect(checkCode == 0)
        #expect(checkOut.contains("không có lỗi"))
        let csvPath = dir + "/units.csv"
        let (exportCode, _, exportErr) = try ChildProcess.run(["export", "units", "--format", "csv", "--data-dir", dir, "-o", csvPath])
        #expect(exportCode == 0, "\(exportErr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 41)
        #expect(lines[0] == "Mã,Tên đơn vị,Khối,Thứ tự,Người đứng đầu,Điện thoại,Lưu trữ,Ghi chú")
        #expect(lines[1].hasPrefix("DV0001,Văn phòng Đảng uỷ (mẫu),Khối Đảng,1,"))
        // A second init never overwrites.
        let (againCode, _, againErr) = try ChildProcess.run(["init", "--data-dir", dir])
        #expect(againCode == 1)
        #expect(againErr.contains("đã có dữ liệu; không ghi đè"))
    }

    @Test func scoresExportCarriesSelfAppraisedTotalsRankAndClass() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ChildProcess.run(["init", "--sample", "--data-dir", dir])
        let (code, out, err) = try ChildProcess.run(["export", "scores", "--year", "2025", "--format", "json", "--data-dir", dir])
        #expect(code == 0, "\(err)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [[String: Any]])
        #expect(!rows.isEmpty)
        for key in ["selfTotal", "appraisedNormal", "bonus", "deductions", "total", "rank", "class", "state"] {
            #expect(rows[0][key] != nil, "\(key)")
        }
        // Within each khối the ranks start at 1 and never go down the list.
        let byBlock = Dictionary(grouping: rows) { $0["block"] as? String ?? "" }
        for (_, block) in byBlock {
            let ranks = block.compactMap { ($0["rank"] as? String).flatMap(Int.init) ?? $0["rank"] as? Int }
            #expect(ranks.first == 1)
            #expect(ranks == ranks.sorted())
        }
        let (csvCode, csv, _) = try ChildProcess.run(["export", "scores", "--year", "2025", "--format", "csv", "--data-dir", dir])
        #expect(csvCode == 0)
        #expect(csv.contains("Tổng tự chấm") && csv.contains("Hạng trong khối") && csv.contains("Xếp loại"))
    }

    @Test func exportNominationsTakesYearAsThePeriod() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ChildProcess.run(["init", "--sample", "--data-dir", dir])
        let (code, byYear, err) = try ChildProcess.run(["export", "nominations", "--year", "2025", "--data-dir", dir])
        #expect(code == 0, "\(err)")
        let (_, byPeriod, _) = try ChildProcess.run(["export", "nominations", "--period", "2025", "--data-dir", dir])
        #expect(byYear == byPeriod)
        let (clash, _, clashErr) = try ChildProcess.run(["export", "nominations", "--year", "2025", "--period", "tong-ket",
                                                         "--data-dir", dir])
        #expect(clash == 2, "\(clashErr)")
    }

    @Test func importRejectsAFileWithOneBadRowAndWritesNothing() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ChildProcess.run(["init", "--data-dir", dir])
        let csv = dir + "/don-vi.csv"
        let nfdName = "Tho\u{0302}n A\u{0302}\u{0301}p Mo\u{031B}\u{0301}i"
        try ("\u{FEFF}Tên đơn vị,Khối,Người đứng đầu\r\n"
             + "Phòng Kinh tế,Khối UBND,Lê Văn An\r\n"
             + "Hội Nông dân,Không có khối này,\r\n"
             + "\(nfdName),thon,\r\n").write(toFile: csv, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: dir + "/units.json", encoding: .utf8)
        let (code, _, err) = try ChildProcess.run(["import", "units", csv, "--data-dir", dir])
        #expect(code == 1)
        #expect(err.contains("có 1 dòng lỗi; chưa ghi dòng nào"))
        #expect(err.contains("dòng 3: không có khối «Không có khối này»"))
        #expect(try String(contentsOfFile: dir + "/units.json", encoding: .utf8) == before)
        #expect(((try? String(contentsOfFile: dir + "/journal.jsonl", encoding: .utf8)) ?? "").isEmpty)

        // Fixed file (English header, no BOM, NFD name): accepted and stored in NFC.
        try ("name,category,head\n" + "Phòng Kinh tế,ubnd,Lê Văn An\n" + "\(nfdName),Thôn,\n")
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let (dryCode, dryOut, _) = try ChildProcess.run(["import", "units", csv, "--dry-run", "--data-dir", dir])
        #expect(dryCode == 0)
        #expect(dryOut.contains("Chưa ghi gì"))
        let (okCode, okOut, okErr) = try ChildProcess.run(["import", "units", csv, "--data-dir", dir])
        #expect(okCode == 0, "\(okErr)")
        #expect(okOut.contains("2 dòng thêm mới"))
        let (_, exported, _) = try ChildProcess.run(["export", "units", "--format", "json", "--data-dir", dir])
        #expect(exported.contains("\"name\" : \"Thôn Ấp Mới\""))
        let (_, log, _) = try ChildProcess.run(["log", "--data-dir", dir])
        #expect(log.contains("Nhập đơn vị từ don-vi.csv (2 thay đổi)"))
        #expect(log.range(of: #"#1  \d\d/\d\d/\d{4} \d\d:\d\d  "#, options: .regularExpression) != nil,
                "local «dd/mm/yyyy hh:mm», not ISO: \(log)")
    }

    @Test func versionNamesTheProgramAndTheDataFormats() throws {
        let (code, out, err) = try ChildProcess.run(["--version"])
        #expect(code == 0, "\(err)")
        #expect(out.hasPrefix("thidua "))
        #expect(out.contains("lược đồ \(Dataset.currentSchemaVersion)"))
        #expect(out.contains("nhật ký định dạng \(JournalPayload.currentFormat)"))
    }

    @Test func usageErrorsExitWithTwoAndAVietnameseHint() throws {
        let (code, _, err) = try ChildProcess.run(["export", "bảng-lạ"])
        #expect(code == 2)
        #expect(err.contains("Gõ «thidua --help»"))
    }

    @Test func checkFailsWithTheFileAndLineOfACorruptFile() throws {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try ChildProcess.run(["init", "--sample", "--data-dir", dir])
        let path = dir + "/people.json"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"gender\" : \"female\"", with: "\"gender\" : 3")
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let (code, _, err) = try ChildProcess.run(["check", "--data-dir", dir])
        #expect(code == 1)
        #expect(err.contains("people.json, dòng "))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }
}
