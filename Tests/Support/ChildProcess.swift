import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a built program (`thidua`, or `thidua-soak` re-running itself as a worker).
/// posix_spawn with an empty signal mask (Swift Testing's worker threads block signals, and
/// children would inherit that), and waitpid instead of Foundation.Process, which can hang
/// on daemonised grandchildren.
public struct ChildProcess: Sendable {
    public let pid: pid_t

    /// Starts `executable args…` with stdin from `stdinPath` (or /dev/null) and stdout/stderr to files.
    public static func spawn(executable: String, _ arguments: [String], stdinPath: String = "/dev/null",
                             stdoutPath: String, stderrPath: String,
                             environment: [String: String] = [:]) throws -> ChildProcess {
        try spawn(executable: executable, arguments, input: .file(stdinPath), stdoutPath: stdoutPath,
                  stderrPath: stderrPath, environment: environment)
    }

    /// Starts `executable args…` reading `input` from a pipe that stays open until the caller
    /// closes the returned descriptor: the child keeps running (and holding what it holds)
    /// until then. `input` must fit in the pipe's buffer (64 KiB).
    public static func spawnHoldingInput(executable: String, _ arguments: [String], input: String,
                                         stdoutPath: String, stderrPath: String,
                                         environment: [String: String] = [:]) throws -> (ChildProcess, Int32) {
        var ends: [Int32] = [0, 0]
        // Close-on-exec at once: no other child (tests run in parallel) may inherit the write
        // end, or this child would never see the end of its input. (pipe2 is not imported.)
        guard pipe(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let bytes = Array(input.utf8)
        guard bytes.count < 65_536, Glibc.write(ends[1], bytes, bytes.count) == bytes.count else {
            close(ends[0]); close(ends[1])
            throw POSIXError(.EMSGSIZE)
        }
        defer { close(ends[0]) }
        do {
            let child = try spawn(executable: executable, arguments, input: .descriptor(ends[0]), stdoutPath: stdoutPath,
                                  stderrPath: stderrPath, environment: environment)
            return (child, ends[1])
        } catch {
            close(ends[1])
            throw error
        }
    }

    private enum Input {
        case file(String)
        case descriptor(Int32)
    }

    /// `environment` is added to this process's own (with LANG=C.UTF-8), unless `inherit` is
    /// false: then it is the child's whole environment (tmux clients must not see our TMUX).
    private static func spawn(executable: String, _ arguments: [String], input: Input, stdoutPath: String,
                              stderrPath: String, environment: [String: String],
                              inherit: Bool = true) throws -> ChildProcess {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGCHLD, SIGWINCH, SIGPIPE] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        switch input {
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .descriptor(let fd): posix_spawn_file_actions_adddup2(&actions, fd, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var env = inherit ? ProcessInfo.processInfo.environment : [:]
        if inherit { env["LANG"] = "C.UTF-8" }
        for (key, value) in environment { env[key] = value }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else {
            throw NSError(domain: "spawn", code: Int(rc), userInfo: [NSLocalizedDescriptionKey: "posix_spawn \(executable): \(rc)"])
        }
        return ChildProcess(pid: pid)
    }

    /// Waits for the process and returns its exit code (128+signal when killed).
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return Self.exitCode(status)
    }

    /// The exit code if the process has ended (reaping it), nil while it runs.
    public func poll() -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        return Self.exitCode(status)
    }

    public func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }

    private static func exitCode(_ status: Int32) -> Int32 {
        if status & 0x7f == 0 { return (status >> 8) & 0xff }
        return 128 + (status & 0x7f)
    }

    /// Runs to completion and returns (exit code, stdout, stderr).
    public static func run(executable: String, _ arguments: [String], stdin: String? = nil,
                           environment: [String: String] = ["THIDUA_TODAY": "2026-11-24"],
                           inheritEnvironment: Bool = true) throws -> (Int32, String, String) {
        let base = NSTemporaryDirectory() + "thidua-run-\(UUID().uuidString)"
        let inPath = base + ".in", outPath = base + ".out", errPath = base + ".err"
        defer { [inPath, outPath, errPath].forEach { try? FileManager.default.removeItem(atPath: $0) } }
        try (stdin ?? "").write(toFile: inPath, atomically: true, encoding: .utf8)
        let child = try spawn(executable: executable, arguments, input: .file(inPath), stdoutPath: outPath,
                              stderrPath: errPath, environment: environment, inherit: inheritEnvironment)
        let code = child.wait()
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        return (code, out, err)
    }
}
