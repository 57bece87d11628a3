import Foundation
import ThiDuaDomain

/// One program that has the data folder open, as its `sessions/<id>.json` describes it
/// (see `SessionRegistry`).
public struct SessionInfo: Sendable, Equatable {
    /// The session's id: its two file names without `.json` and `.lock`.
    public var id: String
    /// The person (`Identity.user`: the OS user, or the name given with `--user`).
    public var user: String
    /// The operating-system account the program runs under.
    public var account: String
    public var host: String
    public var pid: Int32
    /// When the session began, a `Timestamp` string.
    public var since: String
    /// The Vietnamese title of the screen it is on, e.g. «Bảng điểm».
    public var screen: String
    public var program: String

    public init(id: String, user: String, account: String, host: String, pid: Int32, since: String,
                screen: String, program: String = "thidua") {
        self.id = id
        self.user = user
        self.account = account
        self.host = host
        self.pid = pid
        self.since = since
        self.screen = screen
        self.program = program
    }

    // MARK: - In Vietnamese, for the screens

    /// «lan (may2) · Bảng điểm · từ 08:41», the start on this machine's clock; a session that
    /// began before `today` says the day too: «từ 17:05 ngày 02/12/2026».
    public func line(today: CalendarDate) -> String {
        line(today: today, local: Timestamp.localFields)
    }

    func line(today: CalendarDate, local: (String) -> Timestamp.Fields?) -> String {
        var parts = ["\(user) (\(host))"]
        if !screen.isEmpty { parts.append(screen) }
        if let start = local(since) {
            parts.append(start.day == today ? "từ \(start.clock)" : "từ \(LockHolder.sinceText(since, local: local))")
        }
        return parts.joined(separator: " · ")
    }

    /// «Đang làm cùng: lan (Bảng điểm), minh (Đề nghị khen thưởng)» for the others in the
    /// folder, in the order given; nil when there is nobody else.
    public static func workingTogether(_ others: [SessionInfo]) -> String? {
        guard !others.isEmpty else { return nil }
        let names = others.map { $0.screen.isEmpty ? $0.user : "\($0.user) (\($0.screen))" }
        return "Đang làm cùng: " + names.joined(separator: ", ")
    }

    // MARK: - Order and file format

    /// The order of `SessionRegistry.list`: who came first, then the person, then the id
    /// (unique), so the order is total and the same for every reader. A start that is not a
    /// stored time sorts first.
    static func listedBefore(_ a: SessionInfo, _ b: SessionInfo) -> Bool {
        let first = Timestamp.date(a.since) ?? .distantPast, second = Timestamp.date(b.since) ?? .distantPast
        if first != second { return first < second }
        if a.user != b.user { return a.user < b.user }
        return a.id < b.id
    }

    /// What `sessions/<id>.json` holds; the id is the file's name.
    private struct Record: Codable {
        var user: String
        var account: String?
        var host: String
        var pid: Int32
        var since: String
        var screen: String?
        var program: String?
    }

    /// The info file's bytes: one JSON object, keys sorted, and a newline.
    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let record = Record(user: user, account: account, host: host, pid: pid, since: since, screen: screen, program: program)
        return [UInt8](try encoder.encode(record)) + [0x0A]
    }

    /// Reads an info file; `account`, `screen` and `program` may be missing (the account is
    /// then the user).
    static func decode(_ bytes: [UInt8], id: String) throws -> SessionInfo {
        let record = try JSONDecoder().decode(Record.self, from: Data(bytes))
        return SessionInfo(id: id, user: record.user, account: record.account ?? record.user, host: record.host,
                           pid: record.pid, since: record.since, screen: record.screen ?? "",
                           program: record.program ?? "thidua")
    }
}
