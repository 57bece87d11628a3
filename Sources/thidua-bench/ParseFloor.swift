import Foundation
import ThiDuaStore
import ThiDuaTestSupport

/// The floor of opening a folder: a standard JSON parser reading the same files. python3's
/// `json` module (C-accelerated) parses exactly the collection files the program reads, and
/// times itself, so starting the interpreter is not counted.
enum ParseFloor {
    /// python3 on the PATH, if there is one.
    static var python: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/python3" }.first(where: FileManager.default.isExecutableFile)
    }

    /// The collection files of `folder` (settings, the top-level collections and the per-year
    /// folders), as the program reads them; backups, history and sessions are not read on open.
    static func collectionFiles(of folder: String) -> [String] {
        let fileManager = FileManager.default
        var files = [FolderLayout.settings, FolderLayout.units, FolderLayout.people, FolderLayout.awards]
            .map { folder + "/" + $0 }.filter { fileManager.fileExists(atPath: $0) }
        for sub in FolderLayout.collectionFolders {
            let names = (try? fileManager.contentsOfDirectory(atPath: folder + "/" + sub)) ?? []
            files += names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted().map { "\(folder)/\(sub)/\($0)" }
        }
        return files
    }

    /// Milliseconds python3 takes to `json.load` every collection file, per run; nil without python3.
    static func measure(folder: String, runs: Int) throws -> Timing? {
        guard let python else { return nil }
        let script = """
            import json, sys, time
            files = sys.argv[2:]
            for _ in range(int(sys.argv[1])):
                start = time.perf_counter()
                for name in files:
                    with open(name, 'rb') as handle:
                        json.load(handle)
                print((time.perf_counter() - start) * 1000)
            """
        let (status, output, error) = try ChildProcess.run(executable: python, ["-c", script, String(runs)] + collectionFiles(of: folder),
                                                           environment: [:], inheritEnvironment: true)
        guard status == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "python3: \(error)"])
        }
        return Timing(samples: output.split(separator: "\n").compactMap { Double($0) })
    }
}
