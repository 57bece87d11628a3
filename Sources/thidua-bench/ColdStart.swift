import Foundation

/// A cold start of the real program: `thidua --data-dir FOLDER` in a fresh tmux pane, timed
/// until the home screen's first line is on the pane. tmux is polled every few milliseconds,
/// and the same loop around a shell that only prints that line gives the harness's own floor.
struct ColdStart {
    let tmux: String
    let thidua: String
    let socket = "thidua-bench-\(getpid())"

    /// nil when tmux or a built `thidua` beside this program is missing.
    init?() {
        let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let tmux = path.split(separator: ":").map({ "\($0)/tmux" }).first(where: FileManager.default.isExecutableFile),
              FileManager.default.isExecutableFile(atPath: beside.appendingPathComponent("thidua").path) else { return nil }
        self.tmux = tmux
        thidua = beside.appendingPathComponent("thidua").path
    }

    /// Milliseconds from starting the pane to the home screen, per run.
    func program(folder: String, runs: Int) throws -> Timing {
        try time(runs: runs, command: "'\(thidua)' --data-dir '\(folder)'")
    }

    /// The same, for a shell that prints the line at once: what tmux itself costs.
    func floor(runs: Int) throws -> Timing {
        try time(runs: runs, command: "sh -c \"printf '%s\\\\n' '\(Self.marker)'; exec sleep 30\"")
    }

    /// The start of the home screen's first line.
    static let marker = "Phong trào:"

    private func time(runs: Int, command: String) throws -> Timing {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            _ = try tmuxRun(["new-session", "-d", "-x", "100", "-y", "30",
                             "exec env LANG=C.UTF-8 TERM=xterm-256color ESCDELAY=25 \(command)"])
            let deadline = start + 30_000_000_000
            while DispatchTime.now().uptimeNanoseconds < deadline {
                if try tmuxRun(["capture-pane", "-p"]).contains(Self.marker) { break }
                usleep(2_000)
            }
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
            // Let the program finish before the next start, so it never meets its own lock.
            let pid = Int32(try tmuxRun(["display-message", "-p", "#{pane_pid}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            _ = try? tmuxRun(["kill-server"])
            while pid > 0 && kill(pid, 0) == 0 { usleep(10_000) }
        }
        return Timing(samples: samples)
    }

    /// One tmux client, through posix_spawn and waitpid: Foundation's Process can wait forever
    /// on a client whose daemonised server keeps its descriptors. Output goes through a file.
    private func tmuxRun(_ arguments: [String]) throws -> String {
        let outPath = NSTemporaryDirectory() + "\(socket)-out.txt"
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["TMUX"] = nil
        let argv = ([tmux, "-u", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        guard posix_spawn(&pid, tmux, &actions, nil, argv, envp) == 0 else { throw CocoaError(.executableLoad) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
    }
}
