import Foundation
import Testing
import ThiDuaStore
import ThiDuaTestSupport

/// Bad input through the real program: each case gets its own Vietnamese message naming the
/// row or line and what is allowed, nothing is written, and nothing English leaks through.
@Suite struct BadInputTests {
    static let foundationEnglish = ["DecodingError", "Data was corrupted", "Cannot ", "couldn", "Debug description"]

    /// A folder with units DV0001–DV0003, and a scratch file beside it.
    static func folder() throws -> String {
        try FaultFixtures.makeFolder(try FaultFixtures.everyFileDataset(), name: "bad-input")
    }

    static func importing(_ table: String, _ bytes: [UInt8], into folder: String, dryRun: Bool = false) throws -> (Int32, String, String) {
        let file = folder + "-\(table).csv"
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try ChildProcess.run(["import", table, file, "--data-dir", folder] + (dryRun ? ["--dry-run"] : []))
    }

    /// «Tên đơn vị,Khối» / «Phòng Kinh tế,Khối UBND» as Windows-1258 and as TCVN3 (ABC) fonts store them.
    static let legacyEncodings: [(String, [UInt8])] = [
        ("Windows-1258", [0x54, 0xEA, 0x6E, 0x20, 0xF0, 0xF5, 0x6E, 0x20, 0x76, 0x69, 0xF2, 0x2C, 0x4B, 0x68, 0xF4, 0x69, 0x0D, 0x0A,
                          0x50, 0x68, 0x6F, 0xCC, 0x6E, 0x67, 0x20, 0x4B, 0x69, 0x6E, 0x68, 0x20, 0x74, 0xEA, 0xEC, 0x2C,
                          0x4B, 0x68, 0xF4, 0x69, 0x20, 0x55, 0x42, 0x4E, 0x44, 0x0D, 0x0A]),
        ("TCVN3", [0x54, 0xAA, 0x6E, 0x20, 0xAE, 0xAC, 0x6E, 0x20, 0x76, 0xDE, 0x2C, 0x4B, 0x68, 0xAB, 0x69, 0x0D, 0x0A,
                   0x50, 0x68, 0xDF, 0x6E, 0x67, 0x20, 0x4B, 0x69, 0x6E, 0x68, 0x20, 0x74, 0xD5, 0x2C,
                   0x4B, 0x68, 0xAB, 0x69, 0x20, 0x55, 0x42, 0x4E, 0x44, 0x0D, 0x0A]),
    ]

    @Test(arguments: legacyEncodings.map(\.0))
    func aCSVInALegacyVietnameseEncodingIsRefusedWithAdviceNeverMisread(encoding: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = FolderSnapshot(folder)
        let bytes = Self.legacyEncodings.first { $0.0 == encoding }!.1
        let (code, out, err) = try Self.importing("units", bytes, into: folder)
        #expect(code == 1)
        #expect(err.contains("-units.csv, dòng 1: tệp không phải UTF-8 (có thể là bảng mã Windows-1258 hoặc TCVN3/ABC)"), "\(err)")
        #expect(err.contains("lưu lại dưới dạng «CSV UTF-8»"))
        #expect(out.isEmpty, "no preview of misread names")
        #expect(FolderSnapshot(folder).changes(since: before).isEmpty)
    }

    @Test func missingRequiredColumnsAreNamedWithTheHeaderFound() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (unitsCode, _, unitsErr) = try Self.importing("units", Array("Tên đơn vị,Ghi chú\r\nPhòng Văn hoá,\r\n".utf8), into: folder, dryRun: true)
        #expect(unitsCode == 1)
        #expect(unitsErr.contains("dòng 1: thiếu cột bắt buộc: Khối. Dòng tiêu đề đang có: «Tên đơn vị», «Ghi chú»."), "\(unitsErr)")
        let (peopleCode, _, peopleErr) = try Self.importing("people", Array("Họ và tên,Năm sinh\r\nLê Văn An,1980\r\n".utf8), into: folder, dryRun: true)
        #expect(peopleCode == 1)
        #expect(peopleErr.contains("thiếu cột bắt buộc: Giới tính."), "\(peopleErr)")
    }

    @Test func aHundredThousandCharacterCellGetsAShortSpecificMessage() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let long = String(repeating: "Ấ", count: 100_000)
        let units = "Tên đơn vị,Khối,Điện thoại\r\n\(long),ubnd,\r\nPhòng Y tế,\(long),\r\nTrạm Y tế,ubnd,\(long)\r\n"
        let (code, _, err) = try Self.importing("units", Array(units.utf8), into: folder)
        #expect(code == 1)
        #expect(err.contains("dòng 2: Tên đơn vị dài tối đa 200 ký tự (hiện có 100000)."), "\(err.prefix(2000))")
        #expect(err.contains("dòng 3: không có khối «\(String(repeating: "Ấ", count: 60))…» (100000 ký tự) (các khối:"))
        #expect(err.contains("dòng 4: Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ) (đã nhập «\(String(repeating: "Ấ", count: 60))…» (100000 ký tự))."))
        #expect(err.utf8.count < 3_000, "the message quotes the cells, it does not repeat them")
        let people = "Họ và tên,Giới tính,Năm sinh\r\nLê Văn An,nam,\(String(repeating: "1", count: 100_000))\r\n"
        let (peopleCode, _, peopleErr) = try Self.importing("people", Array(people.utf8), into: folder)
        #expect(peopleCode == 1)
        #expect(peopleErr.contains("dòng 2: Năm sinh: chỉ nhập số nguyên (đã nhập «\(String(repeating: "1", count: 60))…» (100000 ký tự))."))
        #expect(peopleErr.utf8.count < 1_000)
    }

    @Test func emptyNamesAreRefusedRowByRow() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (code, _, err) = try Self.importing("people", Array("Họ và tên,Giới tính,Đơn vị\r\nLê Văn An,nam,DV0001\r\n   ,nữ,DV0001\r\n".utf8), into: folder)
        #expect(code == 1)
        #expect(err.contains("có 1 dòng lỗi; chưa ghi dòng nào"))
        #expect(err.contains("dòng 3: Họ và tên không được để trống."), "\(err)")
        let (unitsCode, _, unitsErr) = try Self.importing("units", Array("Tên đơn vị,Khối\r\n,ubnd\r\n".utf8), into: folder)
        #expect(unitsCode == 1)
        #expect(unitsErr.contains("dòng 2: Tên đơn vị không được để trống."), "\(unitsErr)")
    }

    /// Cells that a spreadsheet would run as a formula are plain text to the store: kept as
    /// typed, written to CSV with a leading apostrophe so Excel shows them as text, and
    /// read back without it, so an exported list imports again unchanged.
    @Test func formulaLookingCellsStayTextAreNeutralisedOnExportAndImportBackUnchanged() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let name = #"=HYPERLINK("http://x.vn";"Bấm")"#
        let csv = "Mã,Tên đơn vị,Khối,Người đứng đầu,Điện thoại,Ghi chú\r\n"
            + "DV0010,\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",ubnd,@SUM(A1:A9),+84 208 3649 908,-2+3 việc\r\n"
        let (dryCode, dryOut, dryErr) = try Self.importing("units", Array(csv.utf8), into: folder, dryRun: true)
        #expect(dryCode == 0, "\(dryErr)")
        #expect(dryOut.contains("dòng 2: thêm DV0010 «\(name)» — Khối UBND"))
        let (code, _, err) = try Self.importing("units", Array(csv.utf8), into: folder)
        #expect(code == 0, "\(err)")

        let exported = folder + "-export.csv"
        defer { try? FileManager.default.removeItem(atPath: exported) }
        _ = try ChildProcess.run(["export", "units", "--format", "csv", "-o", exported, "--data-dir", folder])
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: exported)).dropFirst(3), as: UTF8.self)
        let row = try #require(text.components(separatedBy: "\r\n").first { $0.hasPrefix("DV0010,") })
        for cell in ["\"'=HYPERLINK(\"\"http://x.vn\"\";\"\"Bấm\"\")\"", "'@SUM(A1:A9)", "'+84 208 3649 908", "'-2+3 việc"] {
            #expect(row.contains(",\(cell)"), "\(row)")
        }

        let (againCode, againOut, againErr) = try ChildProcess.run(["import", "units", exported, "--data-dir", folder])
        #expect(againCode == 0, "\(againErr)")
        #expect(againOut.contains("dòng 4: sửa DV0010 «\(name)»"), "\(againOut)")
        let (_, json, _) = try ChildProcess.run(["export", "units", "--format", "json", "--data-dir", folder])
        let units = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let unit = try #require(units.first { $0["code"] as? String == "DV0010" })
        #expect(unit["name"] as? String == name)
        #expect(unit["head"] as? String == "@SUM(A1:A9)")
        #expect(unit["phone"] as? String == "+84 208 3649 908")
        #expect(unit["notes"] as? String == "-2+3 việc")
    }

    @Test func applyExplainsEveryBadLineInVietnameseAndWritesNone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = FolderSnapshot(folder)
        let lines = [
            #"{"setScore":{"field":"selfScore","item":"1.1","subject":"unit:DV0002","value":150,"year":2026}}"#,
            #"{"setScore":{"field":"appraised","item":"1.1","subject":"unit:DV0002","value":-1,"year":2026}}"#,
            #"{"setScore":{"field":"selfScore","item":"1.1","subject":"unit:DV0002","value":8.125,"year":2026}}"#,
            #"{"recordReport":{"report":{"year":2026,"unitID":"DV0003","receivedDate":"2026-02-31","documentNumber":"","note":""}}}"#,
            #"{"addUnit":{"unit":{"id":"DV0009","name":"   ","categoryID":"ubnd","order":1}}}"#,
            #"{"addPerson":{"person":{"id":"CN00009","fullName":"","gender":"male","kind":"congChuc","unitID":"DV0001"}}}"#,
            #"{điểm: 8"#,
            #"{"xoaHet":{}}"#,
            #"{"op":"score.set","field":"selfScore","item":"1.1","subject":"unit:DV0002","value":150,"year":2026}"#,
            #"{"op":"xoa.het"}"#,
            #"{"op":"score.set","field":"selfScore","item":"1.1","subject":"unit:DV0002","value":8.125,"year":2026}"#,
        ]
        let (code, out, err) = try ChildProcess.run(["apply", "--data-dir", folder], stdin: lines.joined(separator: "\n") + "\n")
        #expect(code == 1)
        #expect(out.isEmpty, "no line acknowledged")
        let expected = [
            "dòng 1: Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập 150).",
            "dòng 2: Điểm thẩm định của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập -1).",
            "dòng 3: không phải thay đổi hợp lệ: giá trị «setScore.value» sai: Điểm: chỉ nhận tối đa hai chữ số thập phân (đã nhập 8.125).",
            "dòng 4: không phải thay đổi hợp lệ: giá trị «recordReport.report.receivedDate» sai: Ngày: tháng 2/2026 chỉ có 28 ngày (đã nhập ngày 31).",
            "dòng 5: Tên đơn vị không được để trống.",
            "dòng 6: Họ và tên không được để trống.",
            "dòng 7: không phải thay đổi hợp lệ: JSON không hợp lệ: cần tên trường trong ngoặc kép.",
            "dòng 8: không phải thay đổi hợp lệ: không có loại thay đổi «xoaHet»; mỗi dòng là một đối tượng như các dòng của journal.jsonl, có khóa «op» nêu loại thay đổi (như «score.set», «unit.add»); dạng cũ có đúng một khóa như «setScore» cũng được đọc.",
            "dòng 9: Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập 150).",
            "dòng 10: không phải thay đổi hợp lệ: không có loại thay đổi «xoa.het»; mỗi dòng là một đối tượng như các dòng của journal.jsonl, có khóa «op» nêu loại thay đổi (như «score.set», «unit.add»); dạng cũ có đúng một khóa như «setScore» cũng được đọc.",
            "dòng 11: không phải thay đổi hợp lệ: giá trị «value» sai: Điểm: chỉ nhận tối đa hai chữ số thập phân (đã nhập 8.125).",
            "11 dòng không áp dụng được.",
        ]
        #expect(err.split(separator: "\n").map(String.init) == expected)
        #expect(!Self.foundationEnglish.contains(where: err.contains))
        #expect(FolderSnapshot(folder).changes(since: before).isEmpty)
    }
}
