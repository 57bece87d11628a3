import ThiDuaDomain

extension NominationsScreen {
    /// Space: marks or unmarks the selected nomination and moves down.
    func toggleMark() -> [Action] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        marks.toggle(n.id)
        showRows()
        if let next = rows.lines.indices.first(where: { $0 > table.selectedIndex && rows.nomination(at: $0) != nil }) {
            table.selection.select(next)
        }
        return [marksMessage]
    }

    /// *: marks every nomination of the list, or unmarks them all.
    func toggleAllMarks() -> [Action] {
        marks.toggleAll(rows.nominations.map(\.id))
        showRows()
        return [marksMessage]
    }

    private var marksMessage: Action {
        .message(marks.isEmpty ? "Không còn đề nghị nào được đánh dấu."
                               : "Đã đánh dấu \(marks.count) đề nghị: t chuyển bước, b trả về cho cả nhóm.")
    }

    private var markedIDs: [NominationID] { marks.targets(in: rows.nominations.map(\.id), focused: nil) }

    /// t with marks: the statuses any marked nomination can move on to, then the preview.
    func bulkForward(_ data: Dataset) -> [Action] {
        let statuses = markedIDs.compactMap { data.nominations[$0]?.status }
        let choices = NominationStatus.allCases.filter { target in
            target != .awarded && statuses.contains { $0.next.contains(target) }
        }
        guard !choices.isEmpty else {
            return [.message("Các đề nghị đã đánh dấu không chuyển tiếp được: cần biểu quyết (v, V) trước, hoặc đã ở bước cuối; «Đã khen» ghi bằng r, R.")]
        }
        let dialog = Dialog(title: "Chuyển bước \(marks.count) đề nghị",
                            message: ["Chuyển các đề nghị đã đánh dấu sang:", "Đề nghị nào không chuyển được sẽ được nêu lý do trước khi ghi."],
                            buttons: choices.map(\.label) + ["Thôi"], defaultButton: 0)
        return [.confirm(dialog) { .bulkTargetChosen(choices: choices, button: $0) }]
    }

    /// b with marks: each marked nomination one step back, with one reason for all.
    func bulkBack(_ session: Session) -> [Action] {
        start(NominationBulk.stepBackPlan(markedIDs, in: session.data, context: session.context), session: session)
    }

    private func start(_ plan: BulkPlan, session: Session) -> [Action] {
        let action = BulkAction(plan: plan, noun: "đề nghị", done: "\(plan.title): đã lưu. u để hoàn tác cả nhóm.")
        return action.start(session: session) { .bulkAnswered($0, button: $1) }
    }

    /// The step chosen for the marked nominations: the preview of it.
    func bulkTargetChosen(_ choices: [NominationStatus], button: Int?, session: Session) -> [Action] {
        guard let button, choices.indices.contains(button) else { return [] }
        return start(NominationBulk.statusPlan(markedIDs, to: choices[button], in: session.data,
                                               context: session.context), session: session)
    }

    /// The answer to the preview: the marks have done their job once it goes ahead.
    func bulkAnswered(_ action: BulkAction, button: Int?, data: Dataset) -> [Action] {
        if action.proceeds(button) {
            marks.clear()
            showRows()
        }
        return action.answer(button, saved: Message.saved)
    }
}
