import ThiDuaDomain
import ThiDuaStore

/// What `thidua --version` prints: the program and the formats of what it writes, so an
/// office can tell whether two machines can share one data folder.
enum ProgramVersion {
    /// Raised with each release.
    static let number = "0.16.0"

    static var text: String {
        "thidua \(number) · dữ liệu: lược đồ \(Dataset.currentSchemaVersion), nhật ký định dạng \(JournalPayload.currentFormat)"
    }
}
