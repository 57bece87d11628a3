import ThiDuaDomain

/// The edit line of one score cell: the typed text, what it edits, and the check of what
/// was typed before it goes to the domain. The check is the domain's score input, the same
/// as `Dataset.apply` makes, so the grid shows the same messages as every other path;
/// locked sheets stay with `Dataset.apply`.
struct GridCellEditor {
    let subject: Subject
    let item: CriteriaItem
    let field: ScoreField
    /// The stored value when editing began (Esc brings it back).
    let original: Points?
    /// The journal position `original` was read at: saving is refused if someone else set this
    /// cell since.
    let base: Int
    private(set) var text: TextField

    /// Starts editing with `initial` as the typed text: the first digit typed on the cell
    /// (which replaces the old value, as in a spreadsheet) or the old value itself.
    init(subject: Subject, item: CriteriaItem, field: ScoreField, original: Points?, base: Int, initial: String) {
        self.subject = subject
        self.item = item
        self.field = field
        self.original = original
        self.base = base
        // No Telex here: a score is digits and a comma.
        text = TextField(initial, maxLength: 12, visibleWidth: 8)
    }

    var isDirty: Bool { text.text != (original?.display ?? "") }

    mutating func handle(_ key: Key) -> FieldEvent { text.handle(key) }

    /// "0 đến 15".
    var rangeText: String { "0 đến \(item.maximum.display)" }

    enum Parsed: Equatable {
        /// The score to store; nil clears it.
        case value(Points?)
        /// The Vietnamese reason the text is not a score.
        case refused(String)
    }

    /// The value to store (nil = clear the score), or why the text is not a score.
    /// Accepts "8", "8,5", "8.5" and ",5"; refuses words, negative numbers, three decimals
    /// and values above the maximum, never rounding or clamping. A refusal that does not
    /// give the range already ends with it, as the cell has no room to show it.
    func parsed() -> Parsed {
        if text.value.trimmingCharacters(in: .whitespaces).isEmpty { return .value(nil) }
        do {
            return .value(try NumberInput.score(item, field).points(text.value))
        } catch {
            if case .outOfRange = error.rule { return .refused(error.message) }
            return .refused("\(error.message) Khoảng cho phép: từ \(rangeText).")
        }
    }

    /// The change that stores `value` in this cell.
    func change(year: Int, value: Points?) -> Change {
        .setScore(year: year, subject: subject, item: item.code, field: field, value: value)
    }

    func render(into buffer: inout Buffer, rect: Rect) {
        text.render(into: &buffer, rect: rect, focused: true)
    }
}
