import ThiDuaDomain

/// The commune's own settings: names printed on documents, the signer, the mid-term
/// year, the deadline rule and the Telex tone style. Saved as one change, undoable.
public final class SettingsScreen: CommandScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save, rules, council, rewardMoney, legalBases, certificates

        public static let context: CommandContext = "settings"

        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi cài đặt")
            case .certificates: CommandDeclaration("Mẫu giấy khen", twin: .ctrl("b"),
                                                   help: "vị trí, cỡ chữ các ô của giấy khen trên phôi, từng hình thức")
            case .rules: CommandDeclaration("Quy tắc khen thưởng", fKey: 6, twin: .ctrl("k"),
                                            help: "điều kiện khen thưởng, ngưỡng biểu quyết, quy tắc gợi ý đề nghị")
            case .council: CommandDeclaration("Hội đồng", fKey: 8, twin: .ctrl("o"),
                                              help: "thành phần Hội đồng Thi đua - Khen thưởng và cuộc họp của đợt, in trong biên bản")
            case .rewardMoney: CommandDeclaration("Tiền thưởng", fKey: 9, twin: .ctrl("g"),
                                                  help: "hệ số tiền thưởng theo hình thức, mức lương cơ sở theo ngày, cách làm tròn")
            case .legalBases: CommandDeclaration("Căn cứ pháp lý", fKey: 7, twin: .ctrl("l"),
                                                 help: "các dòng «Căn cứ …» của tờ trình và quyết định, theo ngày có hiệu lực")
            }
        }
    }

    static let toneStyles = ["Kiểu cũ: hòa, thủy, khỏe", "Kiểu mới: hoà, thủy, khoẻ"]
    static let typingMethods = ["Telex: aa → â, dd → đ, s f r x j → dấu", "VNI: a6 → â, d9 → đ, 1–5 → dấu"]
    static let decisionSigners = ["Chủ tịch ký (CHỦ TỊCH)", "Phó Chủ tịch ký thay (KT. CHỦ TỊCH)"]
    static let deadlineRules = ["Nộp đúng ngày hạn là đúng hạn", "Nộp đúng ngày hạn là muộn"]

    public let title = "Cài đặt"
    public private(set) var form: Form
    private let original: Settings
    private var originalRules: Rules

    public init(session: Session) {
        let s = session.data.settings
        original = s
        originalRules = session.data.rules
        var midTerm = NumberField(String(s.midTermYear), range: 2000...2100, visibleWidth: 6)
        midTerm.wholeNumber = true
        func text(_ value: String, _ width: Int = 50) -> FormField { .text(TextField(value, maxLength: 300, visibleWidth: width)) }
        form = Form([
            FormItem(id: "commune", label: "Tên xã", field: text(s.communeName, 30)),
            FormItem(id: "province", label: "Tên tỉnh", field: text(s.provinceName, 30)),
            FormItem(id: "office", label: "Phòng phụ trách", field: text(s.officeName)),
            FormItem(id: "movement", label: "Tên phong trào", field: text(s.movementName)),
            FormItem(id: "authority", label: "Thẩm quyền ký", field: text(s.signer.authority, 30)),
            FormItem(id: "signerTitle", label: "Chức vụ người ký", field: text(s.signer.title, 30)),
            FormItem(id: "signer", label: "Người ký", field: text(s.signer.name, 30)),
            FormItem(id: "midTerm", label: "Năm sơ kết", field: .number(midTerm)),
            FormItem(id: "deadlineRule", label: "Ngày hạn 25/11", field: .choice(ChoiceField(SettingsScreen.deadlineRules,
                selected: s.deadlineDayIsOnTime ? 0 : 1))),
            FormItem(id: "tone", label: "Bỏ dấu khi gõ Telex", field: .choice(ChoiceField(SettingsScreen.toneStyles,
                selected: s.telexToneStyle == .old ? 0 : 1))),
        ] + originalRules.classBands.enumerated().map { index, band in
            // Class bands (xếp loại): the minimum total of each, highest first.
            FormItem(id: "band\(index)", label: "«\(band.name)» từ",
                     field: .number(NumberField(band.minimum.display, range: 0...1000, visibleWidth: 8)))
        } + [
            // Who signs and how lists are ordered (after the older fields, whose order people know).
            FormItem(id: "decisionSigner", label: "Quyết định khen thưởng", field: .choice(ChoiceField(SettingsScreen.decisionSigners,
                selected: s.decisionSigning.byDeputy ? 1 : 0))),
            FormItem(id: "deputy", label: "Phó Chủ tịch ký thay", field: text(s.decisionSigning.deputyName, 30)),
            FormItem(id: "officeHead", label: "Trưởng phòng ký tờ trình", field: text(s.officeHeadName, 30)),
            FormItem(id: "nomineeOrder", label: "Thứ tự trong danh sách", field: .choice(ChoiceField(NomineeOrder.allCases.map(\.label),
                selected: NomineeOrder.allCases.firstIndex(of: s.nomineeOrder) ?? 0))),
            FormItem(id: "typingMethod", label: "Kiểu gõ (Ctrl-T)", field: .choice(ChoiceField(SettingsScreen.typingMethods,
                selected: TelexComposer.Method.allCases.firstIndex(of: s.typingMethod) ?? 0))),
        ])
    }

    public var isEditingText: Bool { true }
    public var hasUnsavedInput: Bool { draft() != original || (try? draftRules()) != originalRules }
    public var mode: String? { "NHẬP" }
    public var hint: String? {
        if form.focusedItem?.id == "tone" { return "← → chọn kiểu; áp dụng cho ô nhập khi bật Telex (^T)." }
        if form.focusedItem?.id == "decisionSigner" {
            return "← → chọn; quyết định ký «CHỦ TỊCH» hoặc «KT. CHỦ TỊCH»."
        }
        if form.focusedItem?.id == "nomineeOrder" { return "← → chọn; tập thể luôn trước cá nhân." }
        if form.focusedItem?.id.hasPrefix("band") == true {
            return "Tổng điểm tối thiểu của mỗi mức xếp loại, giảm dần; dưới mức thấp nhất: «\(originalRules.belowBandsName)»."
        }
        return "Tab/↓ ô sau · F2 hoặc ^S lưu · Esc đóng."
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        form.setInputTransform(transform)
    }

    private func draft() -> Settings {
        var s = original
        s.communeName = form.text("commune") ?? ""
        s.provinceName = form.text("province") ?? ""
        s.officeName = form.text("office") ?? ""
        s.movementName = form.text("movement") ?? ""
        s.signer = Signer(authority: form.text("authority") ?? "", title: form.text("signerTitle") ?? "",
                          name: form.text("signer") ?? "")
        s.decisionSigning = DecisionSigning(byDeputy: form.choiceIndex("decisionSigner") == 1,
                                            deputyName: form.text("deputy") ?? "")
        s.officeHeadName = form.text("officeHead") ?? ""
        s.nomineeOrder = form.choiceIndex("nomineeOrder").map { NomineeOrder.allCases[$0] } ?? original.nomineeOrder
        s.midTermYear = form.integer("midTerm") ?? original.midTermYear
        s.deadlineDayIsOnTime = form.choiceIndex("deadlineRule") == 0
        s.telexToneStyle = form.choiceIndex("tone") == 1 ? .new : .old
        s.typingMethod = form.choiceIndex("typingMethod").map { TelexComposer.Method.allCases[$0] } ?? original.typingMethod
        return s
    }

    /// The rules with the class band minimums as typed.
    private func draftRules() throws(DomainError) -> Rules {
        var rules = originalRules
        for index in rules.classBands.indices {
            let label = "Mức «\(rules.classBands[index].name)»"
            do {
                rules.classBands[index].minimum = try NumberInput.points(label: label).points(form.text("band\(index)") ?? "")
            } catch {
                throw error.domainError
            }
        }
        return rules
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: return save()
        case .rules: return [.push(RulesScreen(session: session))]
        case .legalBases: return [.push(LegalBasesScreen(session: session))]
        case .certificates: return [.push(CertificateLayoutScreen(session: session))]
        case .council: return [.push(CouncilScreen(session: session))]
        case .rewardMoney: return [.push(RewardMoneyScreen(session: session))]
        }
    }

    /// The rules editor saves while this form stays open: keep its edits, so saving the
    /// class bands here does not write back the rules as they were when the form opened.
    public func dataChanged(session: Session) {
        let rules = session.data.rules
        if rules.classBands.map(\.name) == originalRules.classBands.map(\.name) { originalRules = rules }
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        FormKeys.outcome(of: form.handle(key), unsaved: hasUnsavedInput, question: "Đóng mà không lưu cài đặt đã sửa?") { save() }
    }

    public func update(_ message: FormMessage, session: Session) -> [Action] {
        switch message {
        case .answered(let question, let button): return FormKeys.answered(question, button: button)
        case .saved(let result): return saved(result, session: session)
        }
    }

    private func save() -> [Action] {
        guard form.submit() else { return [] }
        let settings = draft()
        let rules: Rules
        do {
            rules = try draftRules()
        } catch {
            form.message = "Chưa lưu: \(error.message)"
            return []
        }
        var changes: [Change] = []
        if settings != original { changes.append(.updateSettings(settings: settings)) }
        if rules != originalRules { changes.append(.updateRules(rules: rules)) }
        guard !changes.isEmpty else { return [.pop, .message("Không có gì thay đổi.")] }
        return [.commit(changes.count == 1 ? changes[0] : .batch(label: "Sửa cài đặt", changes: changes), reply: FormMessage.saved)]
    }

    private func saved(_ result: CommitResult, session: Session) -> [Action] {
        switch result {
        case .success: return [.pop, .message("Đã lưu cài đặt.")]
        case .failure(let error):
            form.show(error)
            return []
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put("Thông tin in trên văn bản và cách làm việc của chương trình", at: Point(x: rect.x + 2, y: rect.y),
                   style: .bold, clipWidth: rect.width - 4)
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 2, width: rect.width, height: rect.height - 2),
                    focused: true)
    }
}
