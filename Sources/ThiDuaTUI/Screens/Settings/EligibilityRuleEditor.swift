import ThiDuaDomain

/// The fields of one eligibility rule: its parameters (form, class, score, the forms of
/// a prerequisite and whether it applies to thematic awards) and its description. The
/// kind of check stays what it is: a different check is a different rule.
struct EligibilityRuleEditor: RuleEditor {
    let rule: EligibilityRule
    let forms: [AwardForm]
    let bands: [String]
    let catalog: AwardCatalog
    static let thematicChoices = ["Không", "Có"]

    init(rule: EligibilityRule, data: Dataset) {
        self.rule = rule
        forms = data.catalog.formsBySeniority
        bands = RuleText.bandNames(data.rules)
        catalog = data.catalog
    }

    var title: String { "Sửa điều kiện khen thưởng" }
    var heading: String {
        "Quy tắc «\(rule.id)» · \(RuleText.kind(rule.check)) · " + (rule.enabled ? "đang áp dụng" : "đang tắt")
    }
    var savedWhat: String { "quy tắc «\(rule.id)»" }

    private func formIndex(_ id: String) -> Int? { forms.firstIndex { $0.id == id } }

    var items: [FormItem] {
        let formNames = forms.map(\.name)
        var items: [FormItem] = []
        switch rule.check {
        case .minimumClass(let formID, let className):
            items.append(Self.choice("form", "Hình thức", formNames, selected: formIndex(formID)))
            items.append(Self.choice("class", "Xếp loại tối thiểu", bands, selected: bands.firstIndex(of: className)))
        case .minimumScore(let formID, let minimum):
            items.append(Self.choice("form", "Hình thức", formNames, selected: formIndex(formID)))
            items.append(FormItem(id: "minimum", label: "Điểm tối thiểu",
                                  field: .number(NumberField(minimum.display, visibleWidth: 8))))
        case .prerequisite(let formID, let requires, let thematic):
            items.append(Self.choice("form", "Hình thức", formNames, selected: formIndex(formID)))
            items.append(Self.choice("requires", "Cần có trước", formNames, selected: formIndex(requires)))
            items.append(Self.choice("thematic", "Áp dụng cả khen theo chuyên đề", Self.thematicChoices,
                                     selected: thematic ? 1 : 0))
        case .onePerNomineeFormPeriod, .discipline, .reportOnTime, .evidenceForScoredItems, .voteThreshold:
            break
        }
        items.append(Self.description(rule.description))
        return items
    }

    var notes: [String] {
        var notes = ["Tham số hiện tại: " + RuleText.parameters(rule.check, catalog: catalog, full: true) + "."]
        switch rule.check {
        case .prerequisite:
            notes.append("Khen theo đợt, chuyên đề không đòi khen thưởng thấp hơn trước, trừ khi chọn «Có» ở trên.")
        case .voteThreshold:
            notes.append("Ngưỡng của từng hình thức sửa ở mục «Ngưỡng biểu quyết».")
        case .minimumClass, .minimumScore, .onePerNomineeFormPeriod, .discipline, .reportOnTime, .evidenceForScoredItems:
            break
        }
        notes.append("Quy tắc chỉ cảnh báo khi xét đề nghị; người xét ghi lý do nếu vẫn đề nghị.")
        return notes
    }

    func hint(for fieldID: String?) -> String? {
        switch fieldID {
        case "minimum": return "Tổng điểm tối thiểu, ví dụ 85 hoặc 85,5."
        case "form", "requires", "class", "thematic": return "← → hoặc gõ chữ đầu để chọn. F2 lưu."
        default: return nil
        }
    }

    func fieldID(for error: DomainError) -> String? {
        error.message.contains("điểm tối thiểu") ? "minimum" : nil
    }

    func apply(_ form: Form, to rules: Rules) -> Result<Rules, RuleFieldProblem> {
        guard let index = rules.eligibility.firstIndex(where: { $0.id == rule.id }) else {
            return .failure(RuleFieldProblem(message: "quy tắc «\(rule.id)» không còn (có thể vừa khôi phục mặc định hoặc hoàn tác)."))
        }
        let forms = self.forms
        let formID = { (field: String) in
            form.choiceIndex(field).flatMap { forms.indices.contains($0) ? forms[$0].id : nil } ?? ""
        }
        var updated = rules.eligibility[index]
        switch updated.check {
        case .minimumClass:
            updated.check = .minimumClass(formID: formID("form"), className: form.text("class") ?? "")
        case .minimumScore:
            do {
                let minimum = try NumberInput.points(label: "Điểm tối thiểu").points(form.text("minimum") ?? "")
                updated.check = .minimumScore(formID: formID("form"), minimum: minimum)
            } catch {
                return .failure(RuleFieldProblem(fieldID: "minimum", message: error.message))
            }
        case .prerequisite:
            updated.check = .prerequisite(formID: formID("form"), requiresFormID: formID("requires"),
                                          appliesToThematic: form.choiceIndex("thematic") == 1)
            updated.kinds = EligibilityRule.defaultKinds(for: updated.check)
        case .onePerNomineeFormPeriod, .discipline, .reportOnTime, .evidenceForScoredItems, .voteThreshold:
            break
        }
        updated.description = form.text("description") ?? ""
        var result = rules
        result.eligibility[index] = updated
        return .success(result)
    }
}
