/// F8 on a unit or a person: restore it when archived; archive it when something refers
/// to it (it cannot be deleted then); otherwise delete or archive, starting on «Không».
/// Shared by the unit and people lists, which differ only in the noun and the changes.
enum RemovalDialog {
    enum Decision: Equatable {
        case restore, archive, delete
    }

    /// The question to ask about the record `id` named `name` ("đơn vị", "cá nhân").
    static func ask(noun: String, name: String, id: String, archived: Bool, referenceReason: String?) -> ScreenAction {
        if archived {
            return .confirm(Dialog.confirm(title: "Khôi phục", message: "Khôi phục \(noun) «\(name)» khỏi lưu trữ?"),
                            tag: "restore:\(id)")
        }
        if let reason = referenceReason {
            let dialog = Dialog.confirm(title: "Lưu trữ \(noun)",
                message: "Không xóa hẳn được «\(name)»: \(reason).\nLưu trữ \(noun) này (ẩn khỏi danh sách, giữ dữ liệu)?")
            return .confirm(dialog, tag: "archive:\(id)")
        }
        let dialog = Dialog(title: "Xóa \(noun)", message: ["Xóa hẳn \(noun) «\(name)»?", "Có thể hoàn tác bằng u ngay sau đó."],
                            buttons: ["Xóa hẳn", "Lưu trữ", "Không"], defaultButton: 2)
        return .confirm(dialog, tag: "remove:\(id)")
    }

    /// What the answer to `ask` decided, and for which id; nil for «Không» or Esc.
    static func decision(tag: String, button: Int?) -> (Decision, String)? {
        let parts = tag.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let button else { return nil }
        switch (parts[0], button) {
        case ("restore", Dialog.yes): return (.restore, parts[1])
        case ("archive", Dialog.yes), ("remove", 1): return (.archive, parts[1])
        case ("remove", 0): return (.delete, parts[1])
        default: return nil
        }
    }
}
