import Foundation
import Testing
import ThiDuaStore
import ThiDuaTestSupport

/// What a data folder exposes to other users of the machine, and what the program hands to a shell.
@Suite struct SecurityTests {
    /// Every file and folder the program made in a session (init, edits, a close with its
    /// checkpoint, history and backup, a second backup), with its permission bits.
    static func session(sharedFolder: Bool) throws -> (folder: String, modes: [String: Int]) {
        let folder = NSTemporaryDirectory() + "thidua-modes-\(UUID().uuidString.prefix(8))"
        if sharedFolder {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o2770], ofItemAtPath: folder)
        }
        try DataStore.initialize(folder: folder, with: try CrashHarness.dataset())
        let (code, _, err) = try ChildProcess.run(["apply", "--data-dir", folder], stdin: try CrashHarness.input())
        #expect(code == 0, "\(err)")
        _ = try ChildProcess.run(["backup", "--data-dir", folder])
        var modes: [String: Int] = [:]
        let walker = FileManager.default.enumerator(atPath: folder)
        while let relative = walker?.nextObject() as? String {
            let attributes = try FileManager.default.attributesOfItem(atPath: folder + "/" + relative)
            modes[relative] = (attributes[.posixPermissions] as? Int ?? -1) | ((attributes[.type] as? FileAttributeType) == .typeDirectory ? 0o100000 : 0)
        }
        return (folder, modes)
    }

    @Test func aPrivateFolderHasOwnerOnlyFilesAndFolders() throws {
        let (folder, modes) = try Self.session(sharedFolder: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(modes.keys.contains("journal.jsonl") && modes.keys.contains { $0.hasPrefix("history/") }
                && modes.keys.contains { $0.hasPrefix("backups/") && $0.hasSuffix(".manifest.json") }
                && modes.keys.contains { $0.hasPrefix("backups/objects/") })
        for (path, mode) in modes.sorted(by: { $0.key < $1.key }) {
            let isDirectory = mode & 0o100000 != 0
            #expect(mode & 0o7777 == (isDirectory ? 0o700 : 0o600), "\(path): \(String(mode & 0o7777, radix: 8))")
        }
        let folderMode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
    }

    @Test func aSetgidSharedFolderGivesTheGroupReadAndWriteAndNothingToOthers() throws {
        let (folder, modes) = try Self.session(sharedFolder: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(modes.count > 10)
        for (path, mode) in modes.sorted(by: { $0.key < $1.key }) {
            let isDirectory = mode & 0o100000 != 0
            #expect(mode & 0o7777 == (isDirectory ? 0o2770 : 0o660), "\(path): \(String(mode & 0o7777, radix: 8))")
        }
    }

    /// Printing and opening files go through argument arrays (posix_spawn), never a shell
    /// command line that a file or printer name could break out of.
    @Test func noSourceFileBuildsAShellCommandLine() throws {
        let sources = ChildProcess.packageRoot + "/Sources"
        let walker = try #require(FileManager.default.enumerator(atPath: sources))
        var checked = 0
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".swift") || relative.hasSuffix(".h") || relative.hasSuffix(".c") else { continue }
            let text = try String(contentsOfFile: sources + "/" + relative, encoding: .utf8)
            for pattern in ["/bin/sh", "system(", "popen(", #""sh", "-c""#, #""bash", "-c""#, "execl("] {
                #expect(!text.contains(pattern), "\(relative) contains \(pattern)")
            }
            checked += 1
        }
        #expect(checked > 100)
    }
}
