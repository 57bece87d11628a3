import Foundation

/// Printing through CUPS's `lp` (render.md §7): an argument array, never a shell string,
/// because titles hold Vietnamese and paths may hold spaces.
///
/// The programs are injectable: `THIDUA_LP` names a program to run instead of `lp` (tests point
/// it at a script that records its arguments). A substitute `lp` stands for the whole print
/// system, so `lpstat` is then only asked when `THIDUA_LPSTAT` names one too; otherwise `lp`
/// is left to pick its own default queue.
public struct LinePrinter: Sendable {
    /// The program that submits a job; nil when `lp` is not installed.
    public var lp: String?
    /// The program that names the queues; nil: do not ask.
    public var lpstat: String?

    public init(lp: String?, lpstat: String?) {
        self.lp = lp
        self.lpstat = lpstat
    }

    /// Read once at start: `THIDUA_LP`/`THIDUA_LPSTAT`, else `lp` and `lpstat` on PATH.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment)
        -> LinePrinter {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        if let substitute = value("THIDUA_LP") {
            return LinePrinter(lp: substitute, lpstat: value("THIDUA_LPSTAT"))
        }
        return LinePrinter(lp: ProcessRunner.which("lp"), lpstat: ProcessRunner.which("lpstat"))
    }

    /// Where a job goes.
    public enum Destination: Sendable, Equatable {
        /// A named queue (`-d`).
        case queue(String)
        /// No way to ask: let `lp` use its own default.
        case lpDefault
        /// Nowhere to print; the reason is a Vietnamese clause for the message.
        case none(reason: String)
    }

    /// The queue asked for; else `lpstat -d`'s default; else the only queue `lpstat -e` lists
    /// (a queue may exist with no default set, so `-d` alone is not enough).
    public func destination(requested: String?) -> Destination {
        if let requested, !requested.isEmpty { return .queue(requested) }
        guard let lpstat else { return .lpDefault }
        guard let results = try? ProcessRunner.runAll([(lpstat, ["-d"]), (lpstat, ["-e"])]) else {
            return .lpDefault
        }
        if let queue = Self.defaultQueue(fromLpstatD: String(decoding: results[0].stdout, as: UTF8.self)) {
            return .queue(queue)
        }
        let queues = String(decoding: results[1].stdout, as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        switch queues.count {
        case 0: return .none(reason: "máy này chưa khai báo máy in nào (hoặc dịch vụ in CUPS chưa chạy)")
        case 1: return .queue(queues[0])
        default:
            return .none(reason: "có \(queues.count) máy in (\(queues.joined(separator: ", "))) nhưng chưa chọn máy in mặc định")
        }
    }

    /// "system default destination: Q" → Q; "no system default destination" → nil. The queue
    /// is what follows the colon, so a translated message still parses.
    public static func defaultQueue(fromLpstatD output: String) -> String? {
        for line in output.split(whereSeparator: \.isNewline) {
            guard let colon = line.lastIndex(of: ":") else { continue }
            let name = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty, !name.contains(" ") { return name }
        }
        return nil
    }

    /// `lp [-d QUEUE] -n N -o media=A4 [-o print-scaling=none] [-o sides=two-sided-long-edge] -t TITLE FILE`.
    /// The media always named: many queues default to Letter.
    public static func arguments(queue: String?, copies: Int, duplex: Bool, title: String, file: String,
                                 media: PrintMedia = .a4) -> [String] {
        var arguments: [String] = []
        if let queue { arguments += ["-d", queue] }
        arguments += ["-n", String(copies)] + media.options
        if duplex { arguments += ["-o", "sides=two-sided-long-edge"] }
        arguments += ["-t", title, file]
        return arguments
    }

    /// What `lp` answered.
    public struct Submission: Sendable, Equatable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// "request id is Q-1 (1 file(s))" → "Q-1".
        public var jobID: String? {
            guard let range = stdout.range(of: "request id is ") else { return nil }
            return stdout[range.upperBound...].split(separator: " ").first.map(String.init)
        }

        /// CUPS's answer when no queue was named and none is the default.
        public var lacksDestination: Bool {
            stderr.localizedCaseInsensitiveContains("no default destination")
        }
    }

    /// Runs the printer program. Throws when it cannot be started at all.
    public func submit(_ arguments: [String]) throws -> Submission {
        guard let lp else { throw RenderError.writeFailed(detail: "không có lệnh lp") }
        let result = try ProcessRunner.runAll([(lp, arguments)])[0]
        return Submission(status: result.status,
                          stdout: String(decoding: result.stdout, as: UTF8.self),
                          stderr: String(decoding: result.stderr, as: UTF8.self))
    }
}
