import Foundation
import ThiDuaDomain

/// Edits one item of a checklist: self score, appraised score, done and note, saved as one
/// change. Scores outside 0…maximum are refused with the range, never clamped.
public final class ChecklistItemFormScreen: CommandScreen {
    public typealias Message = FormMessage
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "checklistItem"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"))
            }
        }
    }

    public var title: String { "Tiêu chí \(item.code)" }
    private let subject: Subject
    private let year: Int
    private let item: CriteriaItem
    private let original: ItemScore
    private var form: Form

    public init(session: Session, subject: Subject, year: Int, item: CriteriaItem, score: ItemScore) {
        self.subject = subject
        self.year = year
        self.item = item
        self.original = score
        func scoreField(_ field: ScoreField, _ value: Points?) -> FormField {
            .number(NumberField(value?.display ?? "", input: .score(item, field), isRequired: false))
        }
        form = Form([
            FormItem(id: "self", label: "Tự chấm", field: scoreField(.selfScore, score.selfScore)),
            FormItem(id: "appraised", label: "Thẩm định", field: scoreField(.appraised, score.appraised)),
            FormItem(id: "done", label: "Đã thực hiện", field: .choice(ChoiceField(["Chưa", "Xong"], selected: score.done ? 1 : 0))),
            FormItem(id: "note", label: "Ghi chú", field: .text(TextField(score.note, maxLength: 2000, visibleWidth: 50))),
        ])
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { (try? changes()) .map { !$0.isEmpty } ?? true }
    public var mode: String? { "NHẬP" }
    public var hint: String? { "Điểm 0–\(item.maximum.display), nhập 8,5 hoặc 8.5; trống = chưa chấm; ^U xóa ô. F2 lưu." }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    /// The changes the form asks for, compared with the item as it was.
    private func changes() throws(DomainError) -> [Change] {
        func points(_ id: String, _ field: ScoreField) throws(DomainError) -> Points? {
            let text = form.text(id) ?? ""
            if text.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            do { return try NumberInput.score(item, field).points(text) } catch { throw error.domainError }
        }
        var out: [Change] = []
        let selfScore = try points("self", .selfScore), appraised = try points("appraised", .appraised)
        if selfScore != original.selfScore {
            out.append(.setScore(year: year, subject: subject, item: item.code, field: .selfScore, value: selfScore))
        }
        if appraised != original.appraised {
            out.append(.setScore(year: year, subject: subject, item: item.code, field: .appraised, value: appraised))
        }
        let done = form.choiceIndex("done") == 1
        if done != original.done { out.append(.setItemDone(year: year, subject: subject, item: item.code, done: done)) }
        let note = form.text("note") ?? ""
        if note != original.note { out.append(.setItemNote(year: year, subject: subject, item: item.code, note: note)) }
        return out
    }

    private func save() -> [Action] {
        guard form.submit() else { return [] }
        let list: [Change]
        do {
            list = try changes()
        } catch {
            form.message = error.message
            return []
        }
        if list.isEmpty { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(list.count == 1 ? list[0] : .batch(label: "Chấm tiêu chí \(item.code)", changes: list), reply: FormMessage.saved)]
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save()
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không lưu điểm đã sửa?") { save() }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success: return [.pop, .message("Đã lưu tiêu chí \(item.code).")]
        case .failure(let error):
            form.message = "Chưa lưu: \(error.message)"
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        var y = rect.y + 1
        let head = "\(session.data.name(of: subject)) · năm \(year) · \(item.code) (\(item.kind.label), tối đa \(item.maximum.display))"
        buffer.put(head, at: Point(x: rect.x + 2, y: y), style: .bold, clipWidth: rect.width - 4)
        y += 1
        for line in TextWrap.wrap(item.text, width: max(1, rect.width - 4)).prefix(4) {
            buffer.put(line, at: Point(x: rect.x + 2, y: y), clipWidth: rect.width - 4)
            y += 1
        }
        if !item.evidenceExpected.isEmpty {
            buffer.put("Minh chứng cần có: \(item.evidenceExpected)", at: Point(x: rect.x + 2, y: y), style: .dim,
                       clipWidth: rect.width - 4)
            y += 1
        }
        form.render(into: &buffer, rect: Rect(x: rect.x, y: y + 1, width: rect.width, height: rect.maxY - y - 1),
                    focused: true)
    }
}
