import ThiDuaDomain

/// What every form screen does with the events of its `Form`: a key the fields do not
/// use goes on to the app, Enter on the last field saves, and Esc on an untouched field
/// closes the form — asking first, defaulting to «Không», when something was typed.
public enum FormKeys {
    /// The questions every form may ask.
    public enum Question: Equatable, Sendable {
        /// Close without saving what was typed?
        case discard
        /// Add a record that looks like one already kept?
        case addDuplicate
    }

    /// Asked before adding a unit or person that looks like one already kept (the import's
    /// rule, `Dataset.likelyDuplicate`); «Có» adds it all the same.
    static func duplicateQuestion<M: FormMessaging>(_ duplicate: LikelyDuplicate, adding name: String) -> ScreenAction<M> {
        .confirm(Dialog.confirm(title: "Có thể bị trùng", message: "«\(name)» \(duplicate.message).\nVẫn thêm mới?")) {
            M.answered(.addDuplicate, button: $0)
        }
    }

    /// Takes the event after the form has handled the key (so `save` may use the form).
    static func outcome<M: FormMessaging>(of event: Form.Event, unsaved: @autoclosure () -> Bool, question: String,
                                          save: () -> [ScreenAction<M>]) -> [ScreenAction<M>]? {
        switch event {
        case .ignored: return nil
        case .handled: return []
        case .submitted: return save()
        case .cancelled:
            guard unsaved() else { return [.pop] }
            return [.confirm(Dialog.confirm(title: "Bỏ thay đổi", message: question)) { M.answered(.discard, button: $0) }]
        }
    }

    /// What an answer does by itself: «Có» to discarding closes the form; «Không» to adding a
    /// likely duplicate says nothing was added. (The form commits on «Có» to a duplicate.)
    static func answered<M>(_ question: Question, button: Int?) -> [ScreenAction<M>] {
        switch question {
        case .discard: return button == Dialog.yes ? [.pop, .message("Đã bỏ, không ghi gì.")] : []
        case .addDuplicate: return button == Dialog.yes ? [] : [.message("Chưa thêm; sửa lại hoặc Esc để thôi.")]
        }
    }
}

/// A form's messages: its own questions answered, its save's outcome.
protocol FormMessaging {
    static func answered(_ question: FormKeys.Question, button: Int?) -> Self
}

/// The messages of a form that asks nothing else: what `FormKeys` asked, and the save.
public enum FormMessage: FormMessaging {
    case answered(FormKeys.Question, button: Int?)
    case saved(CommitResult)
}
