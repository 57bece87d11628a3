import ThiDuaDomain

/// What every form screen does with the events of its `Form`: a key the fields do not
/// use goes on to the app, Enter on the last field saves, and Esc on an untouched field
/// closes the form — asking first, defaulting to «Không», when something was typed.
enum FormKeys {
    static let discardTag = "discard"
    static let duplicateTag = "duplicate"

    /// Asked before adding a unit or person that looks like one already kept (the import's
    /// rule, `Dataset.likelyDuplicate`); «Có» under `duplicateTag` adds it all the same.
    static func duplicateQuestion(_ duplicate: LikelyDuplicate, adding name: String) -> ScreenAction {
        .confirm(Dialog.confirm(title: "Có thể bị trùng",
                                message: "«\(name)» \(duplicate.message).\nVẫn thêm mới?"), tag: duplicateTag)
    }

    /// Takes the event after the form has handled the key (so `save` may use the form).
    static func outcome(of event: Form.Event, unsaved: @autoclosure () -> Bool, question: String,
                        save: () -> [ScreenAction]) -> [ScreenAction]? {
        switch event {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return save()
        case .cancelled:
            guard unsaved() else { return [.pop] }
            return [.confirm(Dialog.confirm(title: "Bỏ thay đổi", message: question), tag: discardTag)]
        }
    }

    /// The answer to the question `handle` asked.
    static func answer(_ tag: String, button: Int?) -> [ScreenAction] {
        guard button == Dialog.yes else { return tag == duplicateTag ? [.message("Chưa thêm; sửa lại hoặc Esc để thôi.")] : [] }
        return tag == discardTag ? [.pop, .message("Đã bỏ, không ghi gì.")] : []
    }
}
