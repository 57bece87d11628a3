import ThiDuaDomain

/// The fields of one suggestion rule: which form it proposes, for whom, how nominees are
/// picked from the ranking, and its description.
struct SuggestionRuleEditor: RuleEditor {
    let rule: SuggestionRule
    let forms: [AwardForm]
    let bands: [String]
    static let subjectKinds: [SubjectKind?] = [.collective, .individual, nil]
    static let picks = ["Xếp loại từ mức dưới đây trở lên", "Đứng đầu mỗi khối"]

    init(rule: SuggestionRule, data: Dataset) {
        self.rule = rule
        forms = data.catalog.formsBySeniority
        bands = RuleText.bandNames(data.rules)
    }

    var title: String { "Sửa quy tắc gợi ý" }
    var heading: String { "Quy tắc gợi ý «\(rule.id)» · " + (rule.enabled ? "đang áp dụng" : "đang tắt") }
    var savedWhat: String { "quy tắc gợi ý «\(rule.id)»" }

    var items: [FormItem] {
        let count: Int, className: String
        switch rule.pick {
        case .classAtLeast(let name): (count, className) = (1, name)
        case .topOfBlock(let n, let name): (count, className) = (n, name)
        }
        var countField = NumberField(String(count), allowNegative: true, isRequired: false, visibleWidth: 5)
        // No range: the domain's message gives the allowed range and names the rule.
        countField.wholeNumber = true
        let isTop = if case .topOfBlock = rule.pick { true } else { false }
        return [
            Self.choice("form", "Hình thức", forms.map(\.name), selected: forms.firstIndex { $0.id == rule.formID }),
            Self.choice("subjects", "Đối tượng", Self.subjectKinds.map(RuleText.subjects),
                        selected: Self.subjectKinds.firstIndex(of: rule.subjectKind)),
            Self.choice("pick", "Cách chọn", Self.picks, selected: isTop ? 1 : 0),
            FormItem(id: "count", label: "Số đứng đầu mỗi khối", field: .number(countField)),
            Self.choice("class", "Xếp loại tối thiểu", bands, selected: bands.firstIndex(of: className)),
            Self.description(rule.description),
        ]
    }

    var notes: [String] {
        ["Hiện tại: \(RuleText.subjects(rule.subjectKind).lowercased()), \(RuleText.pick(rule.pick)).",
         "«Số đứng đầu mỗi khối» chỉ dùng khi chọn «Đứng đầu mỗi khối»; cá nhân được xếp hạng chung thành một nhóm.",
         "Gợi ý chỉ là danh sách đề xuất; người dùng chọn ai được đưa vào đề nghị."]
    }

    func hint(for fieldID: String?) -> String? {
        switch fieldID {
        case "count": return "Bao nhiêu tập thể (cá nhân) đứng đầu mỗi khối được gợi ý, ví dụ 1."
        case "form", "subjects", "pick", "class": return "← → hoặc gõ chữ đầu để chọn. F2 lưu."
        default: return nil
        }
    }

    func fieldID(for error: DomainError) -> String? {
        error.message.contains("số đứng đầu mỗi khối") ? "count" : nil
    }

    func apply(_ form: Form, to rules: Rules) -> Result<Rules, RuleFieldProblem> {
        guard let index = rules.suggestions.firstIndex(where: { $0.id == rule.id }) else {
            return .failure(RuleFieldProblem(message: "quy tắc gợi ý «\(rule.id)» không còn (có thể vừa khôi phục mặc định hoặc hoàn tác)."))
        }
        var updated = rules.suggestions[index]
        if let i = form.choiceIndex("form"), forms.indices.contains(i) { updated.formID = forms[i].id }
        updated.subjectKind = Self.subjectKinds[form.choiceIndex("subjects") ?? 2]
        let className = form.text("class") ?? ""
        if form.choiceIndex("pick") == 1 {
            guard let count = form.integer("count") else {
                return .failure(RuleFieldProblem(fieldID: "count", message: "Chưa nhập số đứng đầu mỗi khối."))
            }
            updated.pick = .topOfBlock(count: count, minimumClass: className)
        } else {
            updated.pick = .classAtLeast(className: className)
        }
        updated.description = form.text("description") ?? ""
        var result = rules
        result.suggestions[index] = updated
        return .success(result)
    }
}
