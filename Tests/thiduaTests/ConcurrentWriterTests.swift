import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Two real programs on one folder: one writes, the other is refused naming the holder, and
/// their edits never mix; a lock left by a killed program is taken over by the next one.
@Suite struct ConcurrentWriterTests {
    /// `count` edits of the same cells, all to `value`: whose edits are on disk shows who wrote.
    static func edits(value: Int, count: Int = 20) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try (0..<count).map { index in
            let change = Change.setScore(year: 2026, subject: .unit(UnitID(String(format: "DV%04d", index + 1))), item: "1.1",
                                         field: .selfScore, value: Points(value))
            return String(decoding: try encoder.encode(change), as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    static func selfScores(_ folder: String) throws -> [Points?] {
        let data = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true)).dataset
        return (1...20).map { data.sheets[SheetKey(year: 2026, subject: .unit(UnitID(String(format: "DV%04d", $0))))]?.items["1.1"]?.selfScore }
    }

    static func text(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }

    @Test func twoWritersStartedTogetherOneWritesTheOtherIsRefusedNamingTheHolder() throws {
        let folder = try FaultFixtures.makeFolder(try CrashHarness.dataset(), name: "two-writers")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = [folder + ".a.out", folder + ".b.out"], err = [folder + ".a.err", folder + ".b.err"]
        defer { (out + err).forEach { try? FileManager.default.removeItem(atPath: $0) } }
        // Both start at once with their whole input ready; each keeps running until its input
        // is closed, so whoever gets the folder still holds it when the other tries.
        var writers: [(child: ChildProcess, input: Int32)] = []
        for (index, value) in [5, 7].enumerated() {
            writers.append(try ChildProcess.spawnHoldingInput(
                executable: ChildProcess.binary, ["apply", "--data-dir", folder], input: try Self.edits(value: value),
                stdoutPath: out[index], stderrPath: err[index], environment: ["THIDUA_TODAY": "2026-11-24"]))
        }
        var codes: [Int32?] = [nil, nil]
        let deadline = Date().addingTimeInterval(20)
        while codes.allSatisfy({ $0 == nil }) && Date() < deadline {
            usleep(2_000)
            for index in 0..<2 where codes[index] == nil { codes[index] = writers[index].child.poll() }
        }
        for writer in writers { close(writer.input) }
        for index in 0..<2 where codes[index] == nil { codes[index] = writers[index].child.wait() }

        let winner = try #require(codes.firstIndex(of: 0), "nobody wrote: \(codes) \(err.map(Self.text))")
        let loser = 1 - winner
        #expect(codes[loser] == 1)
        let holder = "Thư mục đang được mở bởi \(LockHolder.current(since: "").user)@"
        #expect(Self.text(err[loser]).contains(holder), "\(Self.text(err[loser]))")
        #expect(Self.text(err[loser]).contains("(pid \(writers[winner].child.pid))"))
        #expect(Self.text(out[loser]).isEmpty)
        #expect(Self.text(out[winner]).split(separator: "\n").count == 20)
        // Exactly the winner's edits, none of the other's.
        #expect(try Self.selfScores(folder) == Array(repeating: Points(winner == 0 ? 5 : 7), count: 20))
        let (checkCode, checkOut, checkErr) = try ChildProcess.run(["check", "--data-dir", folder])
        #expect(checkCode == 0, "\(checkOut)\(checkErr)")
        let (_, log, _) = try ChildProcess.run(["log", "--data-dir", folder])
        #expect(log.split(separator: "\n").count == 20)
    }

    @Test func aLockLeftByAKilledWriterIsTakenOverByTheNextProgram() throws {
        let folder = try FaultFixtures.makeFolder(try CrashHarness.dataset(), name: "stale-lock")
        let outPath = folder + ".out", errPath = folder + ".err"
        defer { [folder, outPath, errPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let (first, input) = try ChildProcess.spawnHoldingInput(
            executable: ChildProcess.binary, ["apply", "--data-dir", folder], input: try Self.edits(value: 5),
            stdoutPath: outPath, stderrPath: errPath, environment: ["THIDUA_TODAY": "2026-11-24"])
        let deadline = Date().addingTimeInterval(20)
        while Self.text(outPath).split(separator: "\n").count < 20 && Date() < deadline { usleep(2_000) }
        first.kill(SIGKILL)
        _ = first.wait()
        close(input)
        #expect(FolderLock.currentHolder(folder: folder)?.pid == first.pid, "the killed writer's lock is left behind")

        let (code, out, err) = try ChildProcess.run(["apply", "--data-dir", folder], stdin: try Self.edits(value: 9, count: 10))
        #expect(code == 0, "\(err)")
        #expect(out.split(separator: "\n").count == 10)
        #expect(try Self.selfScores(folder) == Array(repeating: Points(9), count: 10) + Array(repeating: Points(5), count: 10))
        #expect(FolderLock.currentHolder(folder: folder) == nil)
        let (checkCode, _, checkErr) = try ChildProcess.run(["check", "--data-dir", folder])
        #expect(checkCode == 0, "\(checkErr)")
    }
}
