import ThiDuaDomain

extension NominationsScreen {
    static let bulkTargetTag = "bulk-target"

    /// Space: marks or unmarks the selected nomination and moves down.
    func toggleMark(_ data: Dataset) -> [ScreenAction] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        marks.toggle(n.id)
        showRows(data)
        if let next = rows.lines.indices.dropFirst(table.selectedIndex + 1).first(where: { rows.nomination(at: $0) != nil }) {
            table.selection.select(next)
        }
        return [marksMessage]
    }

    /// *: marks every nomination of the list, or unmarks them all.
    func toggleAllMarks(_ data: Dataset) -> [ScreenAction] {
        marks.toggleAll(rows.nominations.map(\.id))
        showRows(data)
        return [marksMessage]
    }

    private var marksMessage: ScreenAction {
        .message(marks.isEmpty ? "Không còn đề nghị nào được đánh dấu."
                               : "Đã đánh dấu \(marks.count) đề nghị: t chuyển bước, b trả về cho cả nhóm.")
    }

    private var markedIDs: [NominationID] { marks.targets(in: rows.nominations.map(\.id), focused: nil) }

    /// t with marks: the statuses any marked nomination can move on to, then the preview.
    func bulkForward(_ data: Dataset) -> [ScreenAction] {
        let statuses = markedIDs.compactMap { data.nominations[$0]?.status }
        forwardChoices = NominationStatus.allCases.filter { target in
            target != .awarded && statuses.contains { $0.next.contains(target) }
        }
        guard !forwardChoices.isEmpty else {
            return [.message("Các đề nghị đã đánh dấu không chuyển tiếp được: cần biểu quyết (v, V) trước, hoặc đã ở bước cuối; «Đã khen» ghi bằng r, R.")]
        }
        let dialog = Dialog(title: "Chuyển bước \(marks.count) đề nghị",
                            message: ["Chuyển các đề nghị đã đánh dấu sang:", "Đề nghị nào không chuyển được sẽ được nêu lý do trước khi ghi."],
                            buttons: forwardChoices.map(\.label) + ["Thôi"], defaultButton: 0)
        return [.confirm(dialog, tag: NominationsScreen.bulkTargetTag)]
    }

    /// b with marks: each marked nomination one step back, with one reason for all.
    func bulkBack(_ session: Session) -> [ScreenAction] {
        start(NominationBulk.stepBackPlan(markedIDs, in: session.data, context: session.backend.context), session: session)
    }

    private func start(_ plan: BulkPlan, session: Session) -> [ScreenAction] {
        let action = BulkAction(plan: plan, noun: "đề nghị", done: "\(plan.title): đã lưu. u để hoàn tác cả nhóm.")
        bulk = action
        return action.start(session: session)
    }

    /// Answers to the two bulk dialogs; nil for any other question.
    func answerBulk(_ tag: String, button: Int?, session: Session) -> [ScreenAction]? {
        switch tag {
        case NominationsScreen.bulkTargetTag:
            guard let button, forwardChoices.indices.contains(button) else { return [] }
            return start(NominationBulk.statusPlan(markedIDs, to: forwardChoices[button], in: session.data,
                                                   context: session.backend.context), session: session)
        case BulkAction.tag:
            guard let action = bulk else { return [] }
            bulk = nil
            if action.proceeds(button) {
                marks.clear()
                showRows(session.data)
            }
            return action.answer(button)
        default:
            return nil
        }
    }
}
