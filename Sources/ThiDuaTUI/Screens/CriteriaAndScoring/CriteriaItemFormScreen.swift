import Foundation
import ThiDuaDomain

/// Adds or edits one item of a criteria set. The whole set is written back with
/// `.putCriteriaSet`, so the domain checks codes, maxima and items already scored; its
/// messages are shown under the field they are about.
public final class CriteriaItemFormScreen: CommandScreen, AnsweringScreen {
    public typealias Message = FormMessage
    /// The code of the item saved.
    public typealias Answer = String
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "criteriaItemForm"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi tiêu chí vào bộ")
            }
        }
    }

    public var title: String { original == nil ? "Thêm tiêu chí" : "Sửa tiêu chí" }
    public private(set) var form: Form
    let key: CriteriaSetKey
    let original: CriteriaItem?
    /// How many score sheets hold a score for the item being edited.
    let usedBy: Int
    private var pristine: [String] = []

    static let kinds = CriteriaItemKind.allCases

    public init(session: Session, key: CriteriaSetKey, editing item: CriteriaItem?, usedBy: Int = 0) {
        self.key = key
        original = item
        self.usedBy = usedBy
        let set = session.data.criteriaSets[key]
        let code = item?.code ?? CriteriaItemFormScreen.suggestedCode(after: set?.items ?? [], groupID: key.groupID)
        var maximum = NumberField(item?.maximum.display ?? "", input: Self.maximumInput, visibleWidth: 8)
        maximum.field.maxLength = 12
        form = Form([
            FormItem(id: "code", label: "Mã", field: .text(TextField(code, maxLength: 20, visibleWidth: 10, composesVietnamese: false))),
            FormItem(id: "text", label: "Nội dung", field: .text(TextField(item?.text ?? "", maxLength: 4000, visibleWidth: 60))),
            FormItem(id: "maximum", label: "Điểm tối đa", field: .number(maximum)),
            FormItem(id: "kind", label: "Loại", field: .choice(ChoiceField(
                CriteriaItemFormScreen.kinds.map(\.label),
                selected: CriteriaItemFormScreen.kinds.firstIndex(of: item?.kind ?? .normal) ?? 0))),
            FormItem(id: "evidence", label: "Minh chứng cần có",
                     field: .text(TextField(item?.evidenceExpected ?? "", maxLength: 2000, visibleWidth: 60))),
        ])
        pristine = snapshot()
    }

    /// The next code after the last item: "1.7" → "1.8", "T.3" → "T.4"; "1" for an empty set.
    static func suggestedCode(after items: [CriteriaItem], groupID: String) -> String {
        let codes = Set(items.map(\.code))
        guard let last = items.last?.code else { return "1" }
        let digits = String(last.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        var number = Int(digits) ?? items.count
        let stem = String(last.dropLast(digits.count))
        var candidate: String
        repeat {
            number += 1
            candidate = digits.isEmpty ? "\(last).\(number)" : stem + String(number)
        } while codes.contains(candidate)
        return candidate
    }

    private func snapshot() -> [String] { form.items.map(\.field.text) }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { snapshot() != pristine }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        switch form.focusedItem?.id {
        case "maximum": return "Điểm tối đa (điểm chuẩn) lớn hơn 0, ví dụ 15 hoặc 8,5. F2 lưu."
        case "kind": return "← → chọn: tiêu chí thường (tính vào tổng), điểm cộng hoặc điểm trừ."
        default: return "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc hủy ô đang sửa, Esc lần nữa đóng."
        }
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: save(session: session)
        }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không lưu tiêu chí đã sửa?") { save(session: session) }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    /// Points in hundredths; the sign and the range (above 0, at most 1000) are the domain's,
    /// whose message names the criterion.
    static let maximumInput = NumberInput(allowsNegative: true, decimals: 2)

    /// The maximum as points, or the message for the field.
    private func maximum() -> Result<Points, ValidationError> {
        do {
            return .success(try Self.maximumInput.points(form.text("maximum") ?? ""))
        } catch {
            return .failure(ValidationError(error.message))
        }
    }

    private func save(session: Session) -> [Action] {
        guard form.submit() else { return [] }
        let points: Points
        switch maximum() {
        case .failure(let error):
            form.setError(error.message, for: "maximum")
            form.message = "Chưa lưu: xem ô «Điểm tối đa»."
            return []
        case .success(let value):
            points = value
        }
        let kind = CriteriaItemFormScreen.kinds[form.choiceIndex("kind") ?? 0]
        let item = CriteriaItem(code: form.text("code") ?? "", text: form.text("text") ?? "", maximum: points,
                                kind: kind, evidenceExpected: form.text("evidence") ?? "")
        if let original, item == original { return [.pop, .message("Không có gì thay đổi.")] }
        var set = session.data.criteriaSets[key] ?? CriteriaSet(year: key.year, groupID: key.groupID, items: [])
        if let original {
            guard let index = set.items.firstIndex(where: { $0.code == original.code }) else {
                form.message = "Chưa lưu: tiêu chí \(original.code) không còn trong bộ (đã bị xóa hoặc hoàn tác)."
                return []
            }
            set.items[index] = item
        } else {
            set.items.append(item)
        }
        return [.commit(.putCriteriaSet(set: set), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success:
            let code = (form.text("code") ?? "").precomposedStringWithCanonicalMapping
                .trimmingCharacters(in: .whitespaces)
            var message = "Đã lưu tiêu chí \(code) (bộ \(key.groupID) năm \(key.year))."
            if let set = session.data.criteriaSets[key], set.isUnbalanced {
                message += " Tổng tiêu chí thường \(set.normalMaximum.display)/\(set.targetMaximum.display): chưa khớp."
            }
            return [answer(code), .message(message)]
        case .failure(let error):
            show(error)
            return []
        }
    }

    /// The domain names its fields as it sees them ("Mã tiêu chí", "Điểm chuẩn"); map them
    /// to this form's fields so the message sits under the right one.
    private func show(_ error: CommitError) {
        guard case .invalid(let domain) = error else {
            form.message = "Chưa lưu: \(error.message)"
            return
        }
        let field: String?
        switch domain.field {
        case "Mã tiêu chí", "Tiêu chí": field = "code"
        case "Điểm chuẩn": field = "maximum"
        case let name where name.hasPrefix("Nội dung"): field = "text"
        default: field = nil
        }
        guard let field, let index = form.items.firstIndex(where: { $0.id == field }) else {
            form.message = "Chưa lưu: \(domain.message)"
            return
        }
        form.setError(domain.message, for: field)
        form.focus(on: index)
        form.message = "Chưa lưu: xem ô «\(form.items[index].label)»."
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        var heading = "Bộ tiêu chí nhóm \(key.groupID) năm \(key.year)"
        if let original {
            heading += " · sửa tiêu chí \(original.code)"
            if usedBy > 0 { heading += " · \(usedBy) phiếu chấm đã dùng" }
        } else {
            heading += " · tiêu chí mới (thêm vào cuối bộ)"
        }
        buffer.put(heading, at: Point(x: rect.x + 2, y: rect.y + 1), style: .bold, clipWidth: rect.width - 4)
        let errors = form.items.reduce(0) { $0 + ($1.error == nil ? 0 : 3) }
        let formHeight = min(rect.height - 3, form.items.count + errors + 2)
        let formRect = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, formHeight))
        form.render(into: &buffer, rect: formRect, focused: true)
        // The one-line field cannot show a long item: show all of it, wrapped, below.
        var below = DashboardLines(rect: Rect(x: rect.x + 2, y: formRect.maxY + 1, width: rect.width - 4,
                                              height: max(0, rect.maxY - formRect.maxY - 1)))
        let text = form.text("text") ?? ""
        if !text.isEmpty {
            below.add("Nội dung đầy đủ:", style: .dim)
            for line in TextWrap.wrap(text, width: max(1, rect.width - 4)) { below.add(line, wrap: false) }
        }
        if original != nil && usedBy > 0 {
            below.gap()
            below.add("Đổi mã, hoặc hạ điểm tối đa dưới điểm đã chấm, sẽ bị từ chối vì phiếu chấm đang dùng tiêu chí này.",
                      style: .dim)
        }
        below.draw(into: &buffer)
    }
}
