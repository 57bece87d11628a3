import Foundation
import ThiDuaTestSupport

/// A cold start of the real program: `thidua --data-dir FOLDER` in a fresh tmux pane, timed
/// until the home screen's first line is on the pane. tmux is polled every few milliseconds,
/// and the same loop around a shell that only prints that line gives the harness's own floor.
struct ColdStart {
    let tmux: String
    let thidua: String
    let socket = "thidua-bench-\(getpid())"

    /// nil when tmux or a built `thidua` beside this program is missing.
    init?() {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let tmux = path.split(separator: ":").map({ "\($0)/tmux" }).first(where: FileManager.default.isExecutableFile),
              let thidua = Scenarios.thiduaBeside else { return nil }
        self.tmux = tmux
        self.thidua = thidua
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

    /// One tmux client through `ChildProcess` (posix_spawn and waitpid: Foundation's Process can
    /// wait forever on a client whose daemonised server keeps its descriptors), outside any
    /// tmux the benchmark itself runs in.
    private func tmuxRun(_ arguments: [String]) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["TMUX"] = nil
        return try ChildProcess.run(executable: tmux, ["-u", "-L", socket, "-f", "/dev/null"] + arguments,
                                    environment: environment, inheritEnvironment: false).1
    }
}
