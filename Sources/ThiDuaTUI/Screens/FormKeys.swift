/// What every form screen does with the events of its `Form`: a key the fields do not
/// use goes on to the app, Enter on the last field saves, and Esc on an untouched field
/// closes the form — asking first, defaulting to «Không», when something was typed.
enum FormKeys {
    static let discardTag = "discard"

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
        tag == discardTag && button == Dialog.yes ? [.pop, .message("Đã bỏ, không ghi gì.")] : []
    }
}
