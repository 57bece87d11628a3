import ThiDuaDomain

extension NominationsScreen {
    public func perform(_ command: Commands, session: Session) -> [Action] {
        let data = session.data
        switch command {
        case .edit: return edit(session: session)
        case .add:
            return [.push(NomineePickerScreen(session: session, period: period, formID: formID))]
        case .remove: return confirmRemoval(data)
        case .checklist:
            guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
            return [.push(ChecklistScreen(session: session, subject: n.nominee,
                                          year: period.referenceYear(settings: data.settings)))]
        case .suggest: return suggest(session)
        case .awards:
            guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
            return [.push(AwardHistoryScreen(session: session, subject: n.nominee))]
        case .certificates: return certificates(session)
        case .vote:
            guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
            guard n.status == .proposed || n.status == .councilReviewed else {
                return [.message("Đề nghị đang «\(n.status.label)»; chỉ ghi biểu quyết khi «Dự kiến» hoặc «Hội đồng đã xét».")]
            }
            return [.push(VoteFormScreen(session: session, nominations: [n]))]
        case .voteAll:
            let proposed = rows.nominations.filter { $0.status == .proposed }
            guard !proposed.isEmpty else { return [.message("Danh sách không còn đề nghị nào «Dự kiến» chờ biểu quyết.")] }
            return [.push(VoteFormScreen(session: session, nominations: proposed))]
        case .override: return override(data)
        case .forward: return marks.isEmpty ? forward(data) : bulkForward(data)
        case .back: return marks.isEmpty ? back(data) : bulkBack(session)
        case .mark: return toggleMark()
        case .markAll: return toggleAllMarks()
        case .decision:
            guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
            guard n.status == .submitted else {
                return [.message("Đề nghị đang «\(n.status.label)»; ghi quyết định khi đề nghị «Đã trình» (t để chuyển bước).")]
            }
            return [.push(DecisionFormScreen(session: session, nominations: [n]))]
        case .decisionAll:
            let submitted = rows.nominations.filter { $0.status == .submitted }
            guard !submitted.isEmpty else { return [.message("Danh sách không có đề nghị nào «Đã trình» để ghi quyết định.")] }
            return [.push(DecisionFormScreen(session: session, nominations: submitted))]
        case .prevForm: return move(form: -1, data: data)
        case .nextForm: return move(form: 1, data: data)
        case .prevPeriod: return move(period: -1, data: data)
        case .nextPeriod: return move(period: 1, data: data)
        }
    }

    /// The certificates of the selected nomination's decision, or of the marked nominations
    /// (all granted by one decision).
    private func certificates(_ session: Session) -> [Action] {
        let data = session.data
        if !marks.isEmpty {
            let decided = marks.targets(in: rows.nominations.map(\.id), focused: nil)
                .compactMap { data.nominations[$0] }.filter { $0.status == .awarded && $0.decision != nil }
            let decisions = Set(decided.compactMap { $0.decision?.number })
            guard let number = decisions.first else {
                return [.message("Trong các đề nghị đã đánh dấu chưa có đề nghị nào «Đã khen» có quyết định.")]
            }
            guard decisions.count == 1 else {
                return [.message("Các đề nghị đã đánh dấu thuộc \(decisions.count) quyết định; đánh dấu theo từng quyết định để in.")]
            }
            return [.push(CertificatePrintScreen(session: session, decision: number, formID: formID,
                                                 chosen: Set(decided.map(\.id))))]
        }
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        guard n.status == .awarded, let decision = n.decision else {
            return [.message("Đề nghị «\(data.name(of: n.nominee))» chưa có quyết định khen; in giấy khen sau khi ghi quyết định (r).")]
        }
        return [.push(CertificatePrintScreen(session: session, decision: decision.number, formID: n.formID, chosen: nil))]
    }

    func edit(session: Session) -> [Action] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào; F7 để thêm.")] }
        return [.push(NominationFormScreen(session: session, editing: n))]
    }

    private func confirmRemoval(_ data: Dataset) -> [Action] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        guard n.status != .awarded else {
            return [.message("Đề nghị \(n.id) đã có quyết định khen (\(n.decision?.number ?? "")); không xóa được.")]
        }
        let dialog = Dialog.confirm(title: "Xóa đề nghị",
            message: "Xóa đề nghị \(n.id): «\(data.name(of: n.nominee))» (\(n.status.label))?\nCó thể hoàn tác bằng u.")
        return [.confirm(dialog) { [id = n.id] in .removeAnswered(id, confirmed: $0 == Dialog.yes) }]
    }

    private func suggest(_ session: Session) -> [Action] {
        let data = session.data
        let formName = data.catalog.form(formID)?.name ?? formID
        guard data.rules.suggestions.contains(where: { $0.enabled && $0.formID == formID }) else {
            return [.message("Chưa có quy tắc gợi ý nào cho \(formName); thêm trong Cài đặt → Quy tắc khen thưởng.")]
        }
        let suggestions = data.suggestions(period: period, formID: formID)
        guard !suggestions.isEmpty else {
            let year = period.referenceYear(settings: data.settings)
            return [.message("Không có đối tượng nào mới đạt quy tắc gợi ý cho \(formName) theo điểm năm \(year).")]
        }
        return [.push(SuggestionsScreen(session: session, period: period, formID: formID, suggestions: suggestions))]
    }

    private func override(_ data: Dataset) -> [Action] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        let standing = selectedFindings.filter { $0.overrideReason == nil && data.isOverridable($0.ruleID) }
        guard let finding = standing.first else {
            if data.councilOutcome(of: n) == .failed {
                return [.message("Đề nghị \(n.id) không đạt biểu quyết của hội đồng; đó không phải cảnh báo để bỏ qua (ghi lại biểu quyết nếu nhập sai).")]
            }
            return [.message("Đề nghị \(n.id) không có cảnh báo nào chưa xử lý.")]
        }
        let open = standing.count
        let prompt = PromptScreen(
            title: "Vẫn đề nghị dù có cảnh báo",
            question: ["«\(data.name(of: n.nominee))» — \(data.catalog.form(n.formID)?.name ?? n.formID)",
                       "Cảnh báo\(open > 1 ? " (1 trong \(open))" : ""): \(finding.reason)",
                       "Ghi lý do vẫn đề nghị (sẽ lưu cùng đề nghị và in trong hồ sơ):"],
            label: "Lý do", done: "Đã ghi lý do vẫn đề nghị \(n.id).") { reason in
                .overrideFinding(id: n.id, ruleID: finding.ruleID, reason: reason)
            }
        return [.push(prompt)]
    }

    private func forward(_ data: Dataset) -> [Action] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        let name = data.name(of: n.nominee)
        switch n.status {
        case .proposed:
            return [.message("Đề nghị «\(name)» cần kết quả biểu quyết của hội đồng trước: nhấn v.")]
        case .awarded, .rejected:
            return [.message("Đề nghị «\(name)» đã ở bước cuối («\(n.status.label)»); b để trả về.")]
        case .councilReviewed, .submitted:
            let choices = n.status.next.filter { $0 != .awarded }
            let note = n.status == .submitted ? "\nĐể ghi «Đã khen», dùng r (ghi quyết định)." : ""
            let dialog = Dialog(title: "Chuyển bước",
                                message: ["Chuyển đề nghị «\(name)» từ «\(n.status.label)» sang:\(note)"],
                                buttons: choices.map(\.label) + ["Thôi"], defaultButton: 0)
            return [.confirm(dialog) { [id = n.id] in .forwardChosen(id, choices: choices, button: $0) }]
        }
    }

    private func back(_ data: Dataset) -> [Action] {
        guard let n = selected else { return [.message("Chưa chọn đề nghị nào.")] }
        guard let previous = n.status.previous else { return [.message("Đề nghị đang ở bước đầu («Dự kiến»).")] }
        if n.status == .awarded {
            return [.message("Đề nghị đã ghi vào lịch sử khen thưởng (\(n.decision?.number ?? "")); xóa khen thưởng đó trong lịch sử khen thưởng trước, hoặc u để hoàn tác ngay sau khi ghi.")]
        }
        let prompt = PromptScreen(
            title: "Trả về bước trước",
            question: ["Đưa đề nghị «\(data.name(of: n.nominee))» từ «\(n.status.label)» về «\(previous.label)».",
                       "Lý do được ghi vào lịch sử của đề nghị:"],
            label: "Lý do", done: "Đã trả đề nghị \(n.id) về «\(previous.label)».") { reason in
                .setNominationStatus(id: n.id, status: previous, reason: reason)
            }
        return [.push(prompt)]
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .removeAnswered(let id, confirmed: true):
            return [.commit(.removeNomination(id: id), reply: Message.saved)]
        case .removeAnswered(_, confirmed: false):
            return []
        case .forwardChosen(let id, let choices, let button?) where choices.indices.contains(button):
            return [.commit(.setNominationStatus(id: id, status: choices[button], reason: ""), reply: Message.saved)]
        case .forwardChosen:
            return []
        case .bulkTargetChosen(let choices, let button):
            return bulkTargetChosen(choices, button: button, session: session)
        case .bulkAnswered(let action, let button):
            return bulkAnswered(action, button: button, data: session.data)
        case .saved(let result):
            return saved(result)
        }
    }

    private func saved(_ result: CommitResult) -> [Action] {
        switch result {
        case .success(let applied):
            switch applied.change {
            case .removeNomination(let id): return [.message("Đã xóa đề nghị \(id). Hoàn tác: u.")]
            case .setNominationStatus(let id, let status, _):
                return [.message("Đã chuyển đề nghị \(id) sang «\(status.label)».")]
            case .batch(let label, _): return [.message("\(label): đã lưu. u để hoàn tác cả nhóm.")]
            default: return [.message("Đã lưu.")]
            }
        case .failure(let error):
            return [.message("Chưa lưu: \(error.message)")]
        }
    }
}
