import ThiDuaDomain

extension ScoreGridScreen {
    /// Space: marks or unmarks the focused row and moves down.
    func toggleMark() -> [Action] {
        guard let subject = focusedRow?.subject else { return [.message("Chưa có dòng nào.")] }
        marks.toggle(subject)
        move(.down)
        return [.message(marksMessage)]
    }

    /// *: marks every row of the khối, or unmarks them all.
    func toggleAllMarks() -> [Action] {
        let shown = model.rows.map(\.subject)
        let marked = marks.toggleAll(shown)
        return [.message(marked ? "Đã đánh dấu cả \(model.tab.title) (\(shown.count) dòng). > chuyển bước, K khóa."
                                : "Đã bỏ đánh dấu \(model.tab.title).")]
    }

    /// > and K: moves or locks the marked sheets (or the focused one) at once.
    func runBulk(_ transition: SheetTransition, session: Session) -> [Action] {
        let subjects = marks.targets(in: model.rows.map(\.subject), focused: focusedRow?.subject)
        guard !subjects.isEmpty else { return [.message("Chưa có dòng nào.")] }
        let plan = transition.plan(year: year, subjects: subjects, in: session.data, context: session.context)
        let action = BulkAction(plan: plan, noun: "phiếu",
                                done: "\(plan.title): đã lưu. u để hoàn tác cả nhóm.")
        return action.start(session: session) { .bulkAnswered($0, button: $1) }
    }

    private var marksMessage: String {
        marks.isEmpty ? "Không còn dòng nào được đánh dấu."
                      : "Đã đánh dấu \(marks.count) dòng. > chuyển bước, K khóa các phiếu đó; * cả khối."
    }

    /// The answer to the preview: the marks have done their job once it goes ahead.
    func bulkAnswered(_ action: BulkAction, button: Int?) -> [Action] {
        if action.proceeds(button) { marks.clear() }
        return action.answer(button) { .bulkSaved($0, done: action.done) }
    }
}
