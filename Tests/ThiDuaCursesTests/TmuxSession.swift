import Foundation
import Testing
import ThiDuaTUI

/// Drives a program in a detached tmux session on a private server, for
/// end-to-end tests:
///
/// * a unique `-L` socket and `-f /dev/null`, so tests run in parallel and
///   ignore the user's tmux.conf;
/// * `remain-on-exit` set in the same invocation as `new-session`, so a
///   fast-exiting program's last screen is not lost;
/// * the command is wrapped as `sh -c '…; printf "[exit %d]" $?'` and the
///   status is read from the screen (`#{pane_dead_status}` is racy in 3.3a);
/// * polling `capture-pane` every 20 ms with a timeout, never fixed sleeps;
/// * `kill()` (kill-server) belongs in a `defer`.
///
/// Usage:
///
///     let tmux = try TmuxSession()
///     defer { tmux.kill() }
///     try tmux.start("/path/to/thidua", width: 100, height: 30)
///     try tmux.waitFor("Trợ giúp")
///     try tmux.sendKeys("F2", "Down"); try tmux.type("Nguyễn Văn A")
final class TmuxSession {
    let tmuxPath: String
    let socket: String
    let target = "t"

    static var isAvailable: Bool { Spawn.which("tmux") != nil }

    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    init() throws {
        guard let path = Spawn.which("tmux") else { throw Spawn.Failure(description: "tmux is not installed") }
        tmuxPath = path
        socket = "thidua-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    }

    /// Environment for tmux clients: UTF-8, and not nested in a user's tmux.
    private var clientEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["TMUX"] = nil
        env["TMUX_PANE"] = nil
        env["LC_ALL"] = nil
        env["LANG"] = "C.UTF-8"
        return env
    }

    /// Runs one tmux client command on the private server; returns stdout.
    @discardableResult
    func run(_ args: [String]) throws -> String {
        let r = try Spawn.run(tmuxPath, ["-u", "-L", socket, "-f", "/dev/null"] + args, environment: clientEnvironment)
        guard r.status == 0 else {
            throw Spawn.Failure(description: "tmux \(args.joined(separator: " ")) exited \(r.status): \(r.stderr)")
        }
        return r.stdout
    }

    /// Starts `command` (a shell command line) in a `width`×`height` window.
    /// `environment` is prepended with `env`; LANG=C.UTF-8 is always set,
    /// because a tmux started with no locale gives its panes none.
    func start(_ command: String, width: Int = 100, height: Int = 30,
               environment: [String: String] = [:]) throws {
        var env = environment
        if env["LANG"] == nil { env["LANG"] = "C.UTF-8" }
        let assignments = env.keys.sorted().map { "\($0)=" + TmuxSession.shellQuote(env[$0]!) }
        let wrapped = command + #"; printf "\n[exit %d]\n" $?"#
        let line = "env " + assignments.joined(separator: " ") + " sh -c " + TmuxSession.shellQuote(wrapped)
        try run(["start-server", ";", "set-option", "-g", "remain-on-exit", "on", ";",
                 "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)", line])
    }

    /// Named keys as tmux spells them: "Up", "F5", "C-s", "BSpace", "Enter".
    func sendKeys(_ keys: String...) throws {
        try run(["send-keys", "-t", target] + keys)
    }

    /// Types text literally (Vietnamese arrives as one character per scalar).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", target, "-l", text])
    }

    /// The visible screen as text, one line per row. With `history`, the
    /// scrollback too (lines pushed out by output or by shrinking the window).
    func screen(history: Bool = false) throws -> String {
        try run(["capture-pane", "-p", "-t", target] + (history ? ["-S", "-"] : []))
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The window size as tmux reports it.
    func windowSize() throws -> Size? {
        let parts = try run(["display-message", "-p", "-t", target, "#{window_width}x#{window_height}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else { return nil }
        return Size(width: w, height: h)
    }

    /// The cursor position in the pane.
    func cursor() throws -> Point? {
        let parts = try run(["display-message", "-p", "-t", target, "#{cursor_x},#{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
        guard parts.count == 2, let x = Int(parts[0]), let y = Int(parts[1]) else { return nil }
        return Point(x: x, y: y)
    }

    /// Polls the screen every 20 ms until it contains `needle`; returns that
    /// screen. On timeout, records an issue showing the last screen and throws.
    @discardableResult
    func waitFor(_ needle: String, timeout: Double = 5, history: Bool = false,
                 sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while true {
            last = (try? screen(history: history)) ?? last
            if last.contains(needle) { return last }
            if Date() > deadline { break }
            usleep(20_000)
        }
        Issue.record("timed out after \(timeout) s waiting for «\(needle)»; last screen:\n\(last)",
                     sourceLocation: sourceLocation)
        throw Timeout(description: "waiting for \(needle)")
    }

    /// Waits for the wrapper's "[exit N]" line and returns N. Scrollback is
    /// searched too: a resize can push the line off the visible screen.
    /// Waits longer than a screen change: the whole suite runs beside it on two cores, and a
    /// program's exit was once seen to take over 5 s to show there.
    func waitForExit(timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32? {
        let s = try waitFor("[exit ", timeout: timeout, history: true, sourceLocation: sourceLocation)
        guard let r = s.range(of: "[exit ") else { return nil }
        return Int32(s[r.upperBound...].prefix { $0.isNumber })
    }

    /// Stops the private server and removes its socket file (tmux leaves
    /// it behind). Safe to call twice; never throws.
    func kill() {
        let socketPath = (try? run(["display-message", "-p", "#{socket_path}"]))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try? run(["kill-server"])
        if let socketPath, socketPath.hasSuffix("/" + socket) { unlink(socketPath) }
    }

    /// Single-quotes `s` for sh.
    static func shellQuote(_ s: String) -> String {
        "'" + s.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
