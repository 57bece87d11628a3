import Foundation
import Testing
import ThiDuaStore
import ThiDuaTestSupport

/// Who the program says is working, through the real binary: `--user`, else `THIDUA_USER`,
/// else the operating-system account; a name that cannot be shown stops the command.
@Suite struct UserOptionTests {
    static func run(_ arguments: [String], stdin: String? = nil, user: String?) throws -> (Int32, String, String) {
        try ChildProcess.run(arguments, stdin: stdin, environment: ["THIDUA_TODAY": "2026-11-24", "THIDUA_USER": user ?? ""])
    }

    @Test func theJournalNamesTheOptionElseTheVariableElseTheAccount() throws {
        let folder = try FaultFixtures.makeFolder(try CrashHarness.dataset(), name: "user-option")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let edits = try CrashHarness.input().split(separator: "\n").prefix(3).map { String($0) + "\n" }
        for (edit, (option, variable)) in zip(edits, [(nil, nil), (nil, "Nguyễn Thị Lan"), ("minh", "Nguyễn Thị Lan")]) {
            let (code, _, err) = try Self.run(["apply", "--data-dir", folder] + (option.map { ["--user", $0] } ?? []),
                                              stdin: edit, user: variable)
            #expect(code == 0, "\(err)")
        }
        let (code, out, err) = try Self.run(["log", "--data-dir", folder], user: nil)
        #expect(code == 0, "\(err)")
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3, "\(out)")
        for (line, name) in zip(lines, [Identity.current.account, "Nguyễn Thị Lan", "minh"]) {
            #expect(line.contains("  \(name)@"), "\(line)")
        }
    }

    @Test func aBadNameStopsEveryCommandWithItsReasonAndChangesNothing() throws {
        let folder = try FaultFixtures.makeFolder(try CrashHarness.dataset(), name: "user-bad")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let before = FolderSnapshot(folder)
        let cases: [([String], String?, String)] = [
            (["--user", "lan@may2"], nil,
             "Tên người dùng «lan@may2» (--user) không được có «@»: thông báo ghi người dùng kèm tên máy dạng «tên@máy»."),
            (["--user", " "], "minh", "Tên người dùng (--user) không được để trống."),
            ([], String(repeating: "ữ", count: 41), "Tên người dùng (biến THIDUA_USER) dài 41 ký tự; tối đa 40 ký tự."),
            ([], "lan\nminh",
             "Tên người dùng (biến THIDUA_USER) có ký tự điều khiển (như xuống dòng hoặc tab); hãy ghi tên trên một dòng."),
        ]
        for command in ["apply", "check", "log"] {
            for (arguments, variable, message) in cases {
                let (code, out, err) = try Self.run([command, "--data-dir", folder] + arguments,
                                                    stdin: try CrashHarness.input(), user: variable)
                #expect(code == 2, "\(command) \(arguments): \(err)")
                #expect(err.contains(message), "\(command) \(arguments): \(err)")
                #expect(out.isEmpty)
            }
        }
        #expect(FolderSnapshot(folder).changes(since: before).isEmpty)
        let (_, help, _) = try Self.run(["apply", "--help"], user: nil)
        #expect(help.contains("--user") && help.contains("THIDUA_USER"), "\(help)")
    }
}
