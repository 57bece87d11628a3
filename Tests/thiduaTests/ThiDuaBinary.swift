import Foundation
import ThiDuaTestSupport

/// The `thidua` binary built beside these tests, for `ChildProcess`.
extension ChildProcess {
    /// Root of the package, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static var binary: String {
        let candidates = [packageRoot + "/.build/debug/thidua", packageRoot + "/.build/release/thidua"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Starts `thidua args…`; see `spawn(executable:…)`.
    static func spawn(_ arguments: [String], stdinPath: String = "/dev/null", stdoutPath: String, stderrPath: String,
                      environment: [String: String] = [:]) throws -> ChildProcess {
        try spawn(executable: binary, arguments, stdinPath: stdinPath, stdoutPath: stdoutPath,
                  stderrPath: stderrPath, environment: environment)
    }

    /// Runs `thidua args…` to completion: (exit code, stdout, stderr).
    static func run(_ arguments: [String], stdin: String? = nil,
                    environment: [String: String] = ["THIDUA_TODAY": "2026-11-24"]) throws -> (Int32, String, String) {
        try run(executable: binary, arguments, stdin: stdin, environment: environment)
    }
}
