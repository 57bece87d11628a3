/// One entry of the audit trail, as the history screen holds it.
public struct HistoricChange: Equatable, Sendable {
    /// The change as it was applied (what the journal records).
    public var change: Change
    /// The change that undid it at the time.
    public var inverse: Change
    /// When it was made, as the journal shows it ("2026-11-24 10:15").
    public var time: String
    /// Who made it.
    public var user: String
    /// Set when the entry is a restore: the backup whose content replaced all the data.
    public var restoredFrom: String?

    public init(change: Change, inverse: Change, time: String, user: String, restoredFrom: String? = nil) {
        self.change = change
        self.inverse = inverse
        self.time = time
        self.user = user
        self.restoredFrom = restoredFrom
    }
}

/// Why a change cannot be undone now; `message` is Vietnamese, shown as is.
public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Undoing one chosen past change, not only the latest, when nothing after it depends on it.
public enum SelectiveUndo {
    /// Decides whether the change at `index` of `history` (oldest first, the full trail up to
    /// now) can be undone now, and returns the change to commit.
    ///
    /// Refused when a later entry wrote any record the chosen change wrote (undo those first),
    /// when it is a restore or a restore came after it (the restore replaced every record), or
    /// when its inverse no longer validates against `current`.
    public static func plan(undoing index: Int, history: [HistoricChange], current: Dataset,
                            context: ChangeContext) -> Result<Change, Refusal> {
        guard history.indices.contains(index) else {
            return .failure(Refusal("Không hoàn tác được: không tìm thấy thay đổi đã chọn trong lịch sử."))
        }
        let chosen = history[index]
        if let backup = chosen.restoredFrom {
            return .failure(Refusal("Không hoàn tác được một lần khôi phục (từ bản sao lưu «\(backup)»): hãy khôi phục từ bản sao lưu giữ dữ liệu trước đó (thidua restore)."))
        }
        if let restore = history[(index + 1)...].first(where: { $0.restoredFrom != nil }) {
            return .failure(Refusal("Không hoàn tác được: toàn bộ dữ liệu đã được thay khi khôi phục từ bản sao lưu «\(restore.restoredFrom ?? "")» lúc \(restore.time), sau thay đổi này."))
        }
        let touched = chosen.change.touchedRecords.union(chosen.inverse.touchedRecords)
        for later in history[(index + 1)...] {
            if let record = touched.intersection(later.change.touchedRecords).min() {
                return .failure(Refusal(
                    "Không hoàn tác được: \(record) đã được sửa tiếp lúc \(later.time) bởi «\(later.user)» sau thay đổi này. "
                        + "Hãy hoàn tác các thay đổi sau trước."))
            }
        }
        do throws(DomainError) {
            _ = try current.apply(chosen.inverse, context: context)
        } catch {
            return .failure(Refusal("Không hoàn tác được: \(error.message)"))
        }
        return .success(chosen.inverse)
    }
}
