import ThiDuaDomain

/// The council vote threshold: the default one, or one award form's own (which can be
/// cleared so the form follows the default again). Percent of ALL members, whole numbers
/// only, because the threshold's label shows whole percents.
struct VoteThresholdEditor: RuleEditor {
    /// nil: the default threshold.
    let formID: String?
    let formName: String
    let current: VoteThreshold
    let fallback: VoteThreshold
    let hasOwn: Bool
    static let uses = ["Dùng ngưỡng mặc định", "Ngưỡng riêng của hình thức này"]
    static let methods = ["trên — nhiều hơn tỷ lệ này", "từ — bằng tỷ lệ này trở lên"]

    init(formID: String?, data: Dataset) {
        self.formID = formID
        let rules = data.rules
        fallback = rules.defaultVoteThreshold
        formName = formID.map { data.catalog.formName($0) } ?? ""
        hasOwn = formID.map { rules.voteThresholds[$0] != nil } ?? true
        current = formID.map { rules.voteThreshold(forForm: $0) } ?? fallback
    }

    var title: String { "Sửa ngưỡng biểu quyết" }
    var heading: String {
        formID == nil ? "Ngưỡng biểu quyết mặc định (cho các hình thức không có ngưỡng riêng)"
                      : "Ngưỡng biểu quyết · \(formName)"
    }
    var savedWhat: String {
        formID == nil ? "ngưỡng biểu quyết mặc định" : "ngưỡng biểu quyết của «\(formName)»"
    }

    var items: [FormItem] {
        var items: [FormItem] = []
        if formID != nil { items.append(Self.choice("use", "Ngưỡng", Self.uses, selected: hasOwn ? 1 : 0)) }
        var percent = NumberField(String(Int(current.percent)), range: 0...100, visibleWidth: 5)
        percent.wholeNumber = true
        items.append(FormItem(id: "percent", label: "Tỷ lệ đồng ý (%)", field: .number(percent)))
        items.append(Self.choice("method", "Cách tính", Self.methods, selected: current.strictlyMore ? 0 : 1))
        return items
    }

    var notes: [String] {
        var notes = ["Tỷ lệ tính trên tổng số thành viên hội đồng, không chỉ số thành viên có mặt."]
        if formID != nil {
            notes.append("Ngưỡng mặc định hiện là: \(fallback.label). Chọn «Dùng ngưỡng mặc định» để bỏ ngưỡng riêng.")
        }
        return notes
    }

    func hint(for fieldID: String?) -> String? {
        switch fieldID {
        case "use": return "← → chọn: theo ngưỡng mặc định, hoặc ngưỡng riêng ghi ở hai ô dưới."
        case "percent": return "Số nguyên từ 0 đến 100, ví dụ 50 hoặc 67."
        case "method": return "«trên 50 %» là quá nửa; «từ 50 %» là từ một nửa trở lên."
        default: return nil
        }
    }

    func fieldID(for error: DomainError) -> String? {
        error.field == "Ngưỡng biểu quyết" ? "percent" : nil
    }

    func apply(_ form: Form, to rules: Rules) -> Result<Rules, RuleFieldProblem> {
        guard let percent = form.integer("percent") else {
            return .failure(RuleFieldProblem(fieldID: "percent", message: "Chưa nhập tỷ lệ đồng ý."))
        }
        let threshold = VoteThreshold(percent: Double(percent), strictlyMore: form.choiceIndex("method") == 0)
        var result = rules
        if let formID {
            result.voteThresholds[formID] = form.choiceIndex("use") == 1 ? threshold : nil
        } else {
            result.defaultVoteThreshold = threshold
        }
        return .success(result)
    }
}
