import ThiDuaDomain

/// An edit of many records, from the preview to the commit: the dialog lists what will change
/// and what is blocked and why; a reason, when some records need one, is asked once for all of
/// them; only what is allowed is committed, as one batch (one undo).
public struct BulkAction {
    /// How many blocked records the preview names one by one.
    static let namedLines = 6

    let plan: BulkPlan
    /// What one record is called in the counts: «phiếu», «đề nghị», «gợi ý».
    let noun: String
    /// The status message once saved.
    let done: String

    private var choices: [Choice] {
        var out: [Choice] = []
        if !plan.needingReason.isEmpty { out.append(.withReason) }
        if !plan.ready.isEmpty { out.append(plan.needingReason.isEmpty ? .apply : .readyOnly) }
        out.append(.cancel)
        return out
    }

    private enum Choice: Equatable {
        case apply, withReason, readyOnly, cancel
    }

    /// The preview, or a message when nothing at all can be done (or nothing can be written:
    /// a read-only copy says so at once, before any preview).
    func start<M>(session: Session, reply: @escaping (BulkAction, Int?) -> M) -> [ScreenAction<M>] {
        if let holder = session.readOnlyHolder { return [.message(ThiDuaApp.readOnlyRefusal(holder: holder))] }
        guard !plan.isEmpty else {
            return [.message("\(plan.title): không \(noun) nào chuyển được. " + blockedSummary(limit: 2))]
        }
        var lines = ["Sẽ áp dụng cho \(plan.ready.count) \(noun)."]
        if !plan.needingReason.isEmpty {
            lines.append("\(plan.needingReason.count) \(noun) cần ghi lý do (một lý do chung, ghi vào từng \(noun)):")
            lines += named(plan.needingReason)
        }
        if !plan.blocked.isEmpty {
            lines.append("Không áp dụng cho \(plan.blocked.count) \(noun):")
            lines += named(plan.blocked)
        }
        lines.append("Một lần u hoàn tác cả nhóm.")
        let buttons = choices.map { choice -> String in
            switch choice {
            case .apply: return "Có"
            case .withReason: return "Ghi lý do"
            case .readyOnly: return "Chỉ \(plan.ready.count) \(noun)"
            case .cancel: return "Không"
            }
        }
        return [.confirm(Dialog(title: plan.title, message: lines, buttons: buttons, defaultButton: buttons.count - 1)) {
            reply(self, $0)
        }]
    }

    /// Whether `button` goes ahead (the marks have done their job then).
    func proceeds(_ button: Int?) -> Bool {
        guard let button, choices.indices.contains(button) else { return false }
        return choices[button] != .cancel
    }

    /// The answer to the preview: the batch, whose outcome comes back through `saved`; or the
    /// prompt for the reason, which commits and reports itself; or nothing.
    func answer<M>(_ button: Int?, saved: @escaping (CommitResult) -> M) -> [ScreenAction<M>] {
        guard proceeds(button), let button else { return [.message("Đã thôi, không đổi gì.")] }
        switch choices[button] {
        case .cancel:
            return []
        case .apply, .readyOnly:
            guard let batch = plan.batch() else { return [] }
            return [.commit(batch, reply: saved)]
        case .withReason:
            // A blank reason is refused by the domain on the prompt, which stays open.
            let plan = plan
            let ready = plan.ready.count
            return [.push(PromptScreen(title: plan.title, question: [
                "\(plan.needingReason.count) \(noun) cần lý do: \(plan.needingReason.map(\.label).prefix(3).joined(separator: ", "))"
                    + (plan.needingReason.count > 3 ? ", …" : "") + ".",
                "Lý do được ghi vào lịch sử của từng \(noun)" + (ready > 0 ? "; \(ready) \(noun) khác không cần lý do." : "."),
            ], label: "Lý do", done: done) { reason in
                plan.batch(reason: reason) ?? .batch(label: plan.title, changes: [])
            })]
        }
    }

    private func named(_ entries: [BulkPlan.Blocked]) -> [String] {
        // The domain's messages name the record already; the program's own reasons do not.
        var lines = entries.prefix(Self.namedLines).map { entry in
            "  • " + (entry.reason.contains(entry.label) ? entry.reason : "\(entry.label): \(entry.reason)")
        }
        if entries.count > Self.namedLines { lines.append("  … và \(entries.count - Self.namedLines) \(noun) khác.") }
        return lines
    }

    private func blockedSummary(limit: Int) -> String {
        plan.blocked.prefix(limit).map { "\($0.label): \($0.reason)" }.joined(separator: " ")
            + (plan.blocked.count > limit ? " …" : "")
    }
}
