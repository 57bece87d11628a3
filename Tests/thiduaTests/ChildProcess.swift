import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the built `thidua` binary. posix_spawn with an empty signal mask (Swift Testing's
/// worker threads block signals, and children would inherit that), and waitpid instead of
/// Foundation.Process, which can hang on daemonised grandchildren.
struct ChildProcess {
    let pid: pid_t

    /// Root of the package, from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    static var binary: String {
        let candidates = [packageRoot + "/.build/debug/thidua", packageRoot + "/.build/release/thidua"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Starts `thidua args…` with stdin from `stdinPath` (or /dev/null) and stdout/stderr to files.
    static func spawn(_ arguments: [String], stdinPath: String = "/dev/null", stdoutPath: String, stderrPath: String,
                      environment: [String: String] = [:]) throws -> ChildProcess {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        for (key, value) in environment { env[key] = value }
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, binary, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw NSError(domain: "spawn", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(binary): \(rc)"])
        }
        return ChildProcess(pid: pid)
    }

    /// Waits for the process and returns its exit code (128+signal when killed).
    func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    /// Runs to completion and returns (exit code, stdout, stderr).
    static func run(_ arguments: [String], stdin: String? = nil,
                    environment: [String: String] = ["THIDUA_TODAY": "2026-11-24"]) throws -> (Int32, String, String) {
        let base = NSTemporaryDirectory() + "thidua-run-\(UUID().uuidString)"
        let inPath = base + ".in", outPath = base + ".out", errPath = base + ".err"
        defer { [inPath, outPath, errPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        try (stdin ?? "").write(toFile: inPath, atomically: true, encoding: .utf8)
        let child = try spawn(arguments, stdinPath: inPath, stdoutPath: outPath, stderrPath: errPath, environment: environment)
        let code = child.wait()
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (code, out, err)
    }
}
