import ThiDuaDomain
import ThiDuaStore

/// Chooses whom to nominate: every active unit and person, filtered as you type (accents
/// optional, đ = d), with the score and class of the period's year beside each name so the
/// choice is made on the record. Enter opens the new nomination's form.
public final class NomineePickerScreen: Screen {
    public static let commandContext: CommandContext = "nomineePicker"
    public static let commands: [Command] = [
        Command(id: "nomineePicker.choose", title: "Chọn", fKey: 2, letterTwin: .ctrl("s"), context: commandContext,
                help: "đề nghị đối tượng đang chọn (hoặc Enter)"),
    ]

    struct Candidate {
        let subject: Subject
        let name: String
        let place: String
        let folded: String
        let snapshot: ScoreSnapshot?
        let alreadyNominated: Bool
    }

    public let title = "Chọn đối tượng đề nghị"
    public var context: CommandContext { NomineePickerScreen.commandContext }
    let period: Period
    let formID: String
    private var search = TextField("", maxLength: 100, visibleWidth: 40)
    private let all: [Candidate]
    private(set) var visible: [Candidate] = []
    private var table = Table(columns: [
        TableColumn("Tên tập thể, cá nhân", minWidth: 20, flex: 3),
        TableColumn("Khối, đơn vị", minWidth: 12, maxWidth: 30, flex: 2),
        TableColumn("Điểm", minWidth: 6, alignment: .right),
        TableColumn("Xếp loại", minWidth: 9),
        TableColumn("Ghi chú", minWidth: 12),
    ])

    public init(session: Session, period: Period, formID: String) {
        self.period = period
        self.formID = formID
        let data = session.data
        let nominated = Set(data.nominations.values.filter { $0.period == period && $0.formID == formID }.map(\.nominee))
        let units: [Subject] = data.units.values.filter { !$0.archived }.map { .unit($0.id) }
        let people: [Subject] = data.people.values.filter { !$0.archived }.map { .person($0.id) }
        // Collectives first, as on the printed list; each part in Vietnamese name order.
        let order = data.vietnameseNameOrder
        all = (units.sorted(by: order) + people.sorted(by: order)).map { subject in
            let name = data.name(of: subject)
            let place = subject.kind == .individual
                ? "Cá nhân · " + NominationRows.placeOf(subject, data: data)
                : "Khối " + NominationRows.placeOf(subject, data: data)
            return Candidate(subject: subject, name: name, place: place,
                             folded: VietnameseText.searchFold("\(name) \(subject.token)"),
                             snapshot: data.scoreSnapshot(of: subject, period: period),
                             alreadyNominated: nominated.contains(subject))
        }
        filter()
    }

    public var isEditingText: Bool { true }
    public var mode: String? { "TÌM" }
    public var hint: String? {
        visible.isEmpty ? "Không có tên nào khớp; sửa chữ đang tìm (không cần dấu)."
                        : "Gõ tên (không cần dấu) · ↑ ↓ chọn · Enter đề nghị · Esc thôi."
    }
    var selected: Candidate? { visible.isEmpty ? nil : visible[table.selectedIndex] }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        search.inputTransform = transform
    }

    private func filter() {
        let query = SearchQuery(search.value)
        visible = query.isEmpty ? all : all.filter { query.matches($0.folded) }
        table.setRows(visible.map { c in
            [c.name, c.place, c.snapshot?.total.display ?? "", c.snapshot?.className ?? "chưa chấm",
             c.alreadyNominated ? "đã đề nghị" : ""]
        })
        table.selection.select(0)
    }

    public func handle(_ key: Key, session: Session) -> [ScreenAction]? {
        switch key {
        case .up, .down, .pageUp, .pageDown:
            _ = table.handle(key)
            return []
        case .enter:
            return choose(session: session)
        case .escape:
            if !search.text.isEmpty {
                search.setText("")
                filter()
                return []
            }
            return [.pop]
        default:
            switch search.handle(key) {
            case .changed:
                filter()
                return []
            case .handled, .committed, .cancelled, .invalid: return []
            case .ignored: return nil
            }
        }
    }

    public func run(_ command: Command, session: Session) -> [ScreenAction] {
        command.id == "nomineePicker.choose" ? choose(session: session) : []
    }

    private func choose(session: Session) -> [ScreenAction] {
        guard let candidate = selected else { return [.message("Chưa chọn ai; gõ tên để tìm.")] }
        let form = NominationFormScreen(session: session, nominee: candidate.subject, period: period, formID: formID)
        return [.pop, .push(form)]
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        let data = session.data
        let formName = data.catalog.form(formID)?.name ?? formID
        buffer.put("Đề nghị \(formName) · \(period.label(settings: data.settings))",
                   at: Point(x: rect.x + 2, y: rect.y), style: .bold, clipWidth: rect.width - 4)
        let label = "Tìm tên: "
        let x = rect.x + 2 + buffer.put(label, at: Point(x: rect.x + 2, y: rect.y + 1))
        search.render(into: &buffer, rect: Rect(x: x, y: rect.y + 1, width: min(40, rect.maxX - x - 1), height: 1),
                      focused: true)
        let cursor = buffer.cursor
        let count = "\(visible.count)/\(all.count)"
        buffer.put(count, at: Point(x: rect.maxX - count.displayWidth - 1, y: rect.y + 1), style: .dim)
        let list = Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3))
        table.setViewport(height: max(1, list.height - 1))
        table.render(into: &buffer, rect: list, focused: true)
        buffer.cursor = cursor
    }
}
