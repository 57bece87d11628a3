import ThiDuaDomain

/// Chooses whom to nominate: every active unit and person, filtered as you type (accents
/// optional, đ = d), with the score and class of the period's year beside each name so the
/// choice is made on the record. Enter opens the new nomination's form.
public final class NomineePickerScreen: CommandScreen {
    public var changesData: Bool { true }
    public enum Commands: CommandSet {
        case choose
        public static let context: CommandContext = "nomineePicker"
        public var declaration: CommandDeclaration {
            switch self {
            case .choose: CommandDeclaration("Chọn", fKey: 2, twin: .ctrl("s"), help: "đề nghị đối tượng đang chọn (hoặc Enter)")
            }
        }
    }

    public let title = "Chọn đối tượng đề nghị"
    let period: Period
    let formID: String
    private var list: SubjectList
    private var nominated: Set<Subject>
    /// The rows' scores, each block ranked once for the data as it is (new on a change that
    /// can move a rank), and the journal position they were made at.
    private var snapshots: ScoreSnapshots
    private var snapshotsSeq: Int

    public init(session: Session, period: Period, formID: String) {
        self.period = period
        self.formID = formID
        nominated = Self.nominated(in: session.data, period: period, formID: formID)
        snapshots = ScoreSnapshots(period: period)
        snapshotsSeq = session.appliedSeq
        list = SubjectList(session: session, includeArchived: false, columns: [
            TableColumn("Tên tập thể, cá nhân", minWidth: 20, flex: 3),
            TableColumn("Khối, đơn vị", minWidth: 12, maxWidth: 30, flex: 2),
            TableColumn("Điểm", minWidth: 6, alignment: .right),
            TableColumn("Xếp loại", minWidth: 9),
            TableColumn("Ghi chú", minWidth: 12),
        ])
    }

    /// Who already has a nomination for this form in this period.
    private static func nominated(in data: Dataset, period: Period, formID: String) -> Set<Subject> {
        Set(data.nominations.values.filter { $0.period == period && $0.formID == formID }.map(\.nominee))
    }

    var visible: [SubjectList.Candidate] { list.visible }
    var selected: SubjectList.Candidate? { list.selected }
    public var isEditingText: Bool { true }
    public var mode: String? { "TÌM" }
    public var hint: String? {
        list.isWaiting ? SubjectList.waitingNotice : list.visibleCount == 0 ? "Không có tên nào khớp; sửa chữ đang tìm (không cần dấu)."
                             : "Gõ tên (không cần dấu) · ↑ ↓ chọn · Enter đề nghị · Esc thôi."
    }

    public func dataChanged(session: Session) {
        nominated = Self.nominated(in: session.data, period: period, formID: formID)
        // Another program renaming someone must not rank 15,000 people again under an open picker.
        let touched = session.view.recordsTouched(after: snapshotsSeq)
        if touched.map({ !snapshots.stillHolds(after: $0, in: session.data) }) ?? true {
            snapshots = ScoreSnapshots(period: period)
        }
        snapshotsSeq = session.appliedSeq
        list.refresh(session)
    }

    public func inputTransformChanged(_ transform: TextField.InputTransform?) {
        list.setInputTransform(transform)
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        switch list.handle(key) {
        case .chosen(let candidate): return choose(candidate.subject, session: session)
        case .nothingToChoose: return [.message("Chưa chọn ai; gõ tên để tìm.")]
        case .closed: return [.pop]
        case .handled: return []
        case .ignored: return nil
        }
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .choose:
            guard let candidate = list.selected else { return [.message("Chưa chọn ai; gõ tên để tìm.")] }
            return choose(candidate.subject, session: session)
        }
    }

    private func choose(_ subject: Subject, session: Session) -> [Action] {
        let form = NominationFormScreen(session: session, nominee: subject, period: period, formID: formID)
        return [.pop, .push(form)]
    }

    public func layout(_ rect: Rect, session: Session) {
        list.layout(rect)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        let data = session.data
        let formName = data.catalog.form(formID)?.name ?? formID
        let nominated = nominated, snapshots = snapshots
        list.render(into: &buffer, rect: rect, heading: "Đề nghị \(formName) · \(period.label(settings: data.settings))") { c in
            let snapshot = snapshots.snapshot(of: c.subject, in: data)
            return [c.name, SubjectList.place(of: c.subject, data: data), snapshot?.total.display ?? "",
                    snapshot?.className ?? "chưa chấm", nominated.contains(c.subject) ? "đã đề nghị" : ""]
        }
    }
}
