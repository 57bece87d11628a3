import ThiDuaDomain

/// The edit line of one score cell: the typed text, what it edits, and the check of what
/// was typed before it goes to the domain. Range and locked-sheet checks stay with the
/// domain (`Dataset.apply`), so the grid shows the same messages as every other path.
struct GridCellEditor {
    let subject: Subject
    let item: CriteriaItem
    let field: ScoreField
    /// The stored value when editing began (Esc brings it back).
    let original: Points?
    private(set) var text: TextField

    /// Starts editing with `initial` as the typed text: the first digit typed on the cell
    /// (which replaces the old value, as in a spreadsheet) or the old value itself.
    init(subject: Subject, item: CriteriaItem, field: ScoreField, original: Points?, initial: String) {
        self.subject = subject
        self.item = item
        self.field = field
        self.original = original
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
    /// Accepts "8", "8,5", "8.5" and ",5"; refuses words, signs and three decimals with
    /// the allowed range, never rounding or clamping.
    func parsed() -> Parsed {
        var typed = text.value.trimmingCharacters(in: .whitespaces)
        if typed.isEmpty { return .value(nil) }
        let label = "Điểm tiêu chí \(item.code)"
        if typed.hasPrefix("-") || typed.hasPrefix("−") {
            return .refused("\(label) phải từ \(rangeText) (đã nhập \(typed)).")
        }
        if typed.hasPrefix(",") || typed.hasPrefix(".") { typed = "0" + typed }
        do {
            return .value(try Points(parsing: typed, field: label))
        } catch {
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
