/// Why an edit was not saved: what the store answers a commit, and what the screen that
/// asked reads. `message` is Vietnamese and names the cause.
public enum CommitError: Error, Equatable, Sendable {
    /// The change broke a rule; nothing was written.
    case invalid(DomainError)
    /// Writing failed (disk full, I/O error); nothing changed.
    case io(String)
    /// The folder is open read-only.
    case readOnly(holder: String)
    /// Someone else replaced what the editor was looking at since it was read; nothing written.
    case conflict(what: String, user: String, host: String, time: String)

    public var message: String {
        switch self {
        case .invalid(let error): return error.message
        case .io(let message): return "Chưa lưu được: \(message)"
        case .readOnly(let holder): return "Chỉ đọc: \(holder) Không sửa được dữ liệu."
        case .conflict(let what, let user, let host, let time):
            let subject = what.prefix(1).uppercased() + what.dropFirst()
            return "\(subject) vừa được \(user)@\(host) sửa lúc \(time), nên chưa lưu. Những gì bạn gõ vẫn còn: lưu lần nữa để ghi đè, hoặc Esc để bỏ rồi xem bản mới."
        }
    }
}
