import ThiDuaDomain

/// F8 on a unit or a person: restore it when archived; archive it when something refers
/// to it (it cannot be deleted then); otherwise delete or archive, starting on «Không».
/// Shared by the unit and people lists, which differ only in the noun and the changes.
public enum RemovalDialog {
    public enum Decision: Equatable, Sendable {
        case restore, archive, delete
    }

    /// What `decision` does to the record: restore or archive it (`archive(false)`,
    /// `archive(true)`), or delete it.
    static func change(_ decision: Decision, archive: (Bool) -> Change, delete: Change) -> Change {
        switch decision {
        case .restore: archive(false)
        case .archive: archive(true)
        case .delete: delete
        }
    }

    /// The question to ask about the record named `name` ("đơn vị", "cá nhân"); what the
    /// answer decided comes back through `reply` (nil for «Không» or Esc).
    static func ask<M>(noun: String, name: String, archived: Bool, referenceReason: String?,
                       reply: @escaping (Decision?) -> M) -> ScreenAction<M> {
        if archived {
            return .confirm(Dialog.confirm(title: "Khôi phục", message: "Khôi phục \(noun) «\(name)» khỏi lưu trữ?")) {
                reply($0 == Dialog.yes ? .restore : nil)
            }
        }
        if let reason = referenceReason {
            let dialog = Dialog.confirm(title: "Lưu trữ \(noun)",
                message: "Không xóa hẳn được «\(name)»: \(reason).\nLưu trữ \(noun) này (ẩn khỏi danh sách, giữ dữ liệu)?")
            return .confirm(dialog) { reply($0 == Dialog.yes ? .archive : nil) }
        }
        let dialog = Dialog(title: "Xóa \(noun)", message: ["Xóa hẳn \(noun) «\(name)»?", "Có thể hoàn tác bằng u ngay sau đó."],
                            buttons: ["Xóa hẳn", "Lưu trữ", "Không"], defaultButton: 2)
        return .confirm(dialog) { button in
            switch button {
            case 0: reply(.delete)
            case 1: reply(.archive)
            default: reply(nil)
            }
        }
    }
}
