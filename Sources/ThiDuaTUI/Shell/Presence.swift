import ThiDuaStore

/// Who else has the data folder open, as the home screen and the status line show it, and
/// which screen this session is on, as the others see it (`SessionRegistry`).
public final class Presence {
    let handle: SessionHandle
    /// The other live sessions, in the registry's order (who came first).
    public private(set) var others: [SessionInfo] = []
    /// Looking costs a directory listing: at most this often, however often the app idles.
    private let interval: Duration
    private var lastLook: ContinuousClock.Instant?

    public init(handle: SessionHandle, interval: Duration = .seconds(1)) {
        self.handle = handle
        self.interval = interval
    }

    /// Lists the others again, if `interval` has passed (or `now`); true when the list changed.
    /// A folder that cannot be listed keeps the last list: presence is a courtesy, not data.
    @discardableResult
    public func look(now: Bool = false) -> Bool {
        let time = ContinuousClock.now
        if !now, let lastLook, time - lastLook < interval { return false }
        lastLook = time
        guard let listed = try? SessionRegistry.list(folder: handle.folder, excluding: handle.id) else { return false }
        defer { others = listed }
        return listed != others
    }

    /// Tells the others which screen this session is on. A failed write changes nothing the
    /// user works on, so it is not reported.
    func onScreen(_ title: String) {
        try? handle.update(screen: title)
    }

    /// The home screen's line: «Đang làm cùng: lan (Bảng điểm), minh (Khen thưởng)», nil when alone.
    var workingTogether: String? { SessionInfo.workingTogether(others) }

    /// The status line's indicator: «Cùng làm: lan, minh +2», nil when alone.
    var indicator: String? {
        guard !others.isEmpty else { return nil }
        var names: [String] = []
        for info in others where !names.contains(info.user) { names.append(info.user) }
        let shown = names.prefix(2).joined(separator: ", ")
        return "Cùng làm: " + shown + (names.count > 2 ? " +\(names.count - 2)" : "")
    }
}
