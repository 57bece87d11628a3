import Foundation

/// A one-line text input, edited by grapheme cluster.
///
/// Vietnamese input methods (Unikey, ibus) correct a word by sending
/// Backspace then the replacement letter, in fast bursts: `v i e ⌫ ê t`.
/// Each key is applied in order and each Backspace removes exactly one
/// grapheme, so the burst yields "viêt". The cursor is a grapheme index;
/// scrolling is by display width so wide and combining text stay aligned.
public struct TextField: Sendable {
    /// Hook for a Telex-style composer: given the typed character, the text
    /// before the cursor and how many of its characters must stay as they are
    /// (those not typed in this run, see `TypingRun`), returns the new text
    /// before the cursor (e.g. ("e", "vie", 0) → "viê"). `nil` inserts
    /// characters as typed.
    public typealias InputTransform = @Sendable (Character, String, Int) -> String

    public private(set) var graphemes: [Character]
    /// Cursor position as a grapheme index, 0…graphemes.count.
    public private(set) var cursor: Int
    /// First visible grapheme; kept so the view does not jump while moving.
    public private(set) var scroll: Int = 0
    /// Maximum number of graphemes (`nil` = unlimited).
    public var maxLength: Int?
    /// Columns the field is expected to show; used to keep `scroll` steady
    /// between renders. `render` re-checks against the real rect.
    public var visibleWidth: Int
    public var inputTransform: InputTransform?
    /// False for a field that takes a code, a document number, a phone number or a path: the
    /// form never gives it Telex or VNI ("dd" stays "dd", "BC-UBND 15" keeps its digits).
    public let composesVietnamese: Bool
    /// Value when editing began; Esc goes back to it.
    public private(set) var valueOnEntry: String
    private var run = TypingRun()

    public init(_ text: String = "", maxLength: Int? = nil, visibleWidth: Int = 30,
                inputTransform: InputTransform? = nil, composesVietnamese: Bool = true) {
        self.composesVietnamese = composesVietnamese
        let g = Array(text)
        self.graphemes = g
        self.cursor = g.count
        self.maxLength = maxLength
        self.visibleWidth = max(1, visibleWidth)
        self.inputTransform = inputTransform
        self.valueOnEntry = text
        keepCursorVisible(width: self.visibleWidth)
    }

    /// The current text as typed (not yet normalised).
    public var text: String { String(graphemes) }

    /// The current text in NFC, the form stored and compared everywhere.
    public var value: String { text.precomposedStringWithCanonicalMapping }

    public var isDirty: Bool { text != valueOnEntry }

    /// Replaces the text, puts the cursor at the end and makes it the new
    /// value-on-entry.
    public mutating func setText(_ text: String) {
        graphemes = Array(text)
        cursor = graphemes.count
        valueOnEntry = text
        run = TypingRun()
        scroll = 0
        keepCursorVisible(width: visibleWidth)
    }

    /// Call when the field gains focus: remembers the value Esc restores.
    public mutating func beginEditing() {
        valueOnEntry = text
        run = TypingRun()
        cursor = graphemes.count
        keepCursorVisible(width: visibleWidth)
    }

    public mutating func handle(_ key: Key) -> FieldEvent {
        run.end(unless: key)
        switch key {
        case .char(let c):
            return insert(c)
        case .backspace:
            guard cursor > 0 else { return .handled }
            graphemes.remove(at: cursor - 1)
            cursor -= 1
            run.erased(upTo: cursor)
        case .delete:
            guard cursor < graphemes.count else { return .handled }
            graphemes.remove(at: cursor)
        case .left:
            cursor = max(0, cursor - 1)
            keepCursorVisible(width: visibleWidth)
            return .handled
        case .right:
            cursor = min(graphemes.count, cursor + 1)
            keepCursorVisible(width: visibleWidth)
            return .handled
        case .home, .ctrl("a"):
            cursor = 0
            keepCursorVisible(width: visibleWidth)
            return .handled
        case .end, .ctrl("e"):
            cursor = graphemes.count
            keepCursorVisible(width: visibleWidth)
            return .handled
        case .ctrl("u"):
            // Readline habit: clear everything before the cursor.
            guard cursor > 0 else { return .handled }
            graphemes.removeFirst(cursor)
            cursor = 0
        case .enter:
            commit()
            return .committed
        case .escape:
            guard isDirty else { return .ignored }
            graphemes = Array(valueOnEntry)
            cursor = graphemes.count
            scroll = 0
            keepCursorVisible(width: visibleWidth)
            return .cancelled
        default:
            return .ignored
        }
        keepCursorVisible(width: visibleWidth)
        return .changed
    }

    /// Accepts the current text: normalises it to NFC and makes it the new
    /// value-on-entry.
    public mutating func commit() {
        let nfc = value
        // Compare scalars: String == treats NFC and NFD as equal.
        if !nfc.unicodeScalars.elementsEqual(text.unicodeScalars) {
            let after = String(graphemes[cursor...]).precomposedStringWithCanonicalMapping
            graphemes = Array(nfc)
            cursor = max(0, graphemes.count - after.count)
        }
        valueOnEntry = nfc
        keepCursorVisible(width: visibleWidth)
    }

    private mutating func insert(_ c: Character) -> FieldEvent {
        var before = String(graphemes[..<cursor])
        let after = String(graphemes[cursor...])
        let kept = run.kept(before: cursor)
        if let transform = inputTransform {
            before = transform(c, before, kept)
        } else {
            before.append(c)
        }
        // Re-segment the whole text: a typed combining mark must join the
        // grapheme before it rather than become a cell of its own.
        let combined = Array(before + after)
        if let limit = maxLength, combined.count > limit, combined.count > graphemes.count {
            return .handled   // refuse to grow past the limit; never truncate silently
        }
        graphemes = combined
        cursor = min(before.count, combined.count)
        run.typed(upTo: cursor)
        keepCursorVisible(width: visibleWidth)
        return .changed
    }

    /// Adjusts `scroll` so the cursor cell is inside `width` columns.
    private mutating func keepCursorVisible(width: Int) {
        scroll = TextField.scrollStart(graphemes, cursor: cursor, scroll: scroll, width: width)
    }

    /// First visible grapheme such that the cursor (plus one column for the
    /// caret after the last grapheme) fits in `width`, moving as little as
    /// possible from `scroll`.
    static func scrollStart(_ g: [Character], cursor: Int, scroll: Int, width: Int) -> Int {
        var start = min(max(0, scroll), cursor)
        let w = max(1, width)
        func span(_ from: Int) -> Int {
            var total = 0
            for i in from..<cursor { total += DisplayWidth.of(g[i]) }
            let caret = cursor < g.count ? max(1, DisplayWidth.of(g[cursor])) : 1
            return total + caret
        }
        while start < cursor && span(start) > w { start += 1 }
        return start
    }

    /// Draws the visible part of the text. A focused field is reverse video
    /// with the terminal cursor placed at the caret; an unfocused one is
    /// underlined so the input area is visible without colour.
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        let style: Style = focused ? .reverse : .underline
        buffer.fill(rect.row(0), style: style)
        let start = TextField.scrollStart(graphemes, cursor: cursor, scroll: scroll, width: rect.width)
        let visible = String(graphemes[start...])
        buffer.put(visible, at: rect.origin, style: style, clipWidth: rect.width)
        if focused {
            let caretX = DisplayWidth.of(String(graphemes[start..<cursor]))
            buffer.cursor = Point(x: rect.x + min(caretX, rect.width - 1), y: rect.y)
        }
    }
}
