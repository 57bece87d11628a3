import ThiDuaDomain

/// The money that comes with an award: the coefficient of each form and title per kind of
/// subject (the article it comes from shown as its hint; empty means not set, and decisions
/// then name no amount), the base salary from each date, the rounding and the fund. Saved as
/// one undoable change of the settings.
public final class RewardMoneyScreen: SettingsFormScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "rewardMoney"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"),
                                           help: "kiểm tra và ghi hệ số, mức lương cơ sở và cách làm tròn tiền thưởng")
            }
        }
    }

    public let title = "Tiền thưởng"
    public var form: Form
    public let originalSettings: Settings
    public let closeQuestion = "Đóng mà không lưu tiền thưởng?"
    public let savedMessage = "Đã lưu tiền thưởng."

    public init(session: Session) {
        let settings = session.data.settings, catalog = session.data.catalog
        originalSettings = settings
        let money = settings.rewardMoney
        func text(_ value: String, _ width: Int) -> FormField { .text(TextField(value, maxLength: 200, visibleWidth: width)) }
        var items = money.coefficients.enumerated().map { index, entry in
            FormItem(id: "coefficient\(index)", label: RewardMoneyScreen.label(entry, catalog: catalog),
                     field: text(entry.coefficient?.display ?? "", 8))
        }
        items += money.baseSalaries.enumerated().map { index, salary in
            FormItem(id: "base\(index)", label: "Lương cơ sở từ \(salary.validFrom.display)",
                     field: text(VietnameseMoney.display(salary.amount), 12))
        }
        items.append(FormItem(id: "rounding", label: "Làm tròn", field: .choice(ChoiceField(RewardRounding.allCases.map(\.label),
            selected: RewardRounding.allCases.firstIndex(of: money.rounding) ?? 0))))
        items.append(FormItem(id: "fund", label: "Nguồn chi", field: text(money.fund, 40)))
        form = Form(items)
    }

    /// «Giấy khen xã — cá nhân».
    static func label(_ entry: RewardCoefficient, catalog: AwardCatalog) -> String {
        let award: String
        switch entry.recognition {
        case .form(let id, let grade): award = (catalog.form(id)?.shortName ?? id) + (grade.map { " " + $0 } ?? "")
        case .title(let id): award = catalog.title(id)?.name ?? id
        }
        return "\(award) — \(entry.subjectKind == .individual ? "cá nhân" : "tập thể")"
    }

    public var hint: String? {
        if form.focusedItem?.id.hasPrefix("coefficient") == true { return "Trống: chưa đặt (quyết định không ghi số tiền) · F2 lưu." }
        return "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc đóng."
    }

    /// The settings as typed; a number that does not read is named with its field.
    public func draftSettings() throws(DomainError) -> Settings {
        var settings = originalSettings
        var money = settings.rewardMoney
        for index in money.coefficients.indices {
            let typed = (form.text("coefficient\(index)") ?? "").trimmingCharacters(in: .whitespaces)
            let label = form.item("coefficient\(index)")?.label ?? "Hệ số"
            money.coefficients[index].coefficient = typed.isEmpty ? nil : try Coefficient(parsing: typed, field: "Hệ số \(label)")
        }
        for index in money.baseSalaries.indices {
            let typed = (form.text("base\(index)") ?? "").replacingOccurrences(of: ".", with: "")
                .replacingOccurrences(of: " ", with: "")
            guard let amount = Int(typed) else {
                throw DomainError(field: "Mức lương cơ sở",
                    "Mức lương cơ sở từ \(money.baseSalaries[index].validFrom.display) «\(form.text("base\(index)") ?? "")» không phải số đồng, ví dụ 2.340.000.")
            }
            money.baseSalaries[index].amount = amount
        }
        money.rounding = RewardRounding.allCases[form.choiceIndex("rounding") ?? 0]
        money.fund = form.text("fund") ?? ""
        settings.rewardMoney = money
        return settings
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: saveChange(session)
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        renderForm(into: &buffer, rect: rect, heading: "Tiền thưởng = hệ số × mức lương cơ sở của ngày ký quyết định")
        // The focused figure in full, with where it comes from: the label column is narrow.
        buffer.put(source, at: Point(x: rect.x + 2, y: rect.y + 1), style: .dim, clipWidth: rect.width - 4)
    }

    /// «Huân chương LĐ hạng Nhất — tập thể: Điều 51 Nghị định 152/2025/NĐ-CP».
    private var source: String {
        guard let item = form.focusedItem else { return "" }
        let money = originalSettings.rewardMoney
        if let entry = money.coefficients.indices.first(where: { "coefficient\($0)" == item.id }).map({ money.coefficients[$0] }) {
            return "\(item.label): \(entry.source)"
        }
        if let salary = money.baseSalaries.indices.first(where: { "base\($0)" == item.id }).map({ money.baseSalaries[$0] }) {
            return "\(item.label), đồng/tháng: \(salary.source)"
        }
        return ""
    }
}
