import Foundation
import ThiDuaTestSupport

/// Runs a program to completion with posix_spawn + waitpid (`ChildProcess`), with exactly the
/// environment given.
///
/// Not Foundation.Process: its waitUntilExit() also waits for daemonised
/// grandchildren (the tmux server), so it never returns. The child gets an
/// empty signal mask and default dispositions: Swift Testing's worker threads
/// block signals, and a tmux server inheriting that mask ignores SIGCHLD and
/// kill-server.
enum Spawn {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func run(_ path: String, _ args: [String], environment: [String: String]) throws -> Result {
        let (status, stdout, stderr) = try ChildProcess.run(executable: path, args, environment: environment,
                                                            inheritEnvironment: false)
        return Result(status: status, stdout: stdout, stderr: stderr)
    }

    /// First executable named `name` on PATH (or in the usual places).
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let dirs = path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        for d in dirs {
            let p = d + "/" + name
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return nil
    }
}
