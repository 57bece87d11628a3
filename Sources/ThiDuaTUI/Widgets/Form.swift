import ThiDuaDomain
import Foundation

/// Labelled fields, one per row, edited in turn.
///
/// Tab/Down and Shift-Tab/Up move between fields (checking the field left);
/// Enter accepts a field and moves on, and on the last field submits; Esc
/// first restores the focused field, and a second Esc cancels the form.
/// Keys no field uses (F-keys, Ctrl keys) come back as `.ignored` so the
/// screen can look them up in the command registry (e.g. F2 → `submit()`).
public struct Form: Sendable {
    public private(set) var items: [FormItem]
    public private(set) var focus: Int
    /// A form-level message (e.g. "Đã lưu." or a rule from the domain).
    public var message: String?

    public enum Event: Hashable, Sendable {
        case ignored, handled
        /// Every field is valid and the user asked to save.
        case submitted
        /// Esc on an unchanged field: the owner closes the form.
        case cancelled
    }

    public init(_ items: [FormItem]) {
        self.items = items
        self.focus = 0
        if !items.isEmpty { self.items[0].field.beginEditing() }
    }

    public var focusedItem: FormItem? { items.isEmpty ? nil : items[focus] }

    public func item(_ id: String) -> FormItem? { items.first { $0.id == id } }

    /// The field's text value (NFC), or nil for an unknown id.
    public func text(_ id: String) -> String? { item(id)?.field.text }

    public func number(_ id: String) -> Decimal? {
        if case .number(let f)? = item(id)?.field { return f.value }
        return nil
    }

    /// A whole-number field's value (nil when blank or invalid).
    public func integer(_ id: String) -> Int? {
        if case .number(let f)? = item(id)?.field { return f.intValue }
        return nil
    }

    public func date(_ id: String) -> CalendarDate? {
        if case .date(let f)? = item(id)?.field { return f.date }
        return nil
    }

    public func choiceIndex(_ id: String) -> Int? {
        if case .choice(let f)? = item(id)?.field { return f.selectedIndex }
        return nil
    }

    /// Shows a message under a field (e.g. a rule checked by the domain).
    public mutating func setError(_ message: String?, for id: String) {
        if let i = items.firstIndex(where: { $0.id == id }) { items[i].error = message }
    }

    /// Replaces a field's input, keeping its label and place: options that depend on another
    /// field (the forms of a period), or a value chosen on another screen.
    public mutating func setField(_ field: FormField, for id: String) {
        guard let i = items.firstIndex(where: { $0.id == id }) else { return }
        items[i].field = field
        items[i].error = nil
    }

    /// Gives every text field that takes Vietnamese the same input transform (Telex or VNI on
    /// or off); codes, numbers, phone numbers and paths are always typed as they are.
    public mutating func setInputTransform(_ transform: TextField.InputTransform?) {
        for index in items.indices {
            if case .text(var field) = items[index].field {
                field.inputTransform = field.composesVietnamese ? transform : nil
                items[index].field = .text(field)
            }
        }
    }

    public mutating func focus(on index: Int) {
        guard !items.isEmpty else { return }
        focus = min(max(0, index), items.count - 1)
        items[focus].field.beginEditing()
    }

    public mutating func handle(_ key: Key) -> Event {
        guard !items.isEmpty else { return key == .escape ? .cancelled : .ignored }
        switch key {
        case .tab, .down:
            leaveFocused()
            focus(on: (focus + 1) % items.count)
            return .handled
        case .backTab, .up:
            leaveFocused()
            focus(on: (focus + items.count - 1) % items.count)
            return .handled
        default:
            break
        }
        switch items[focus].field.handle(key) {
        case .ignored:
            return key == .escape ? .cancelled : .ignored
        case .handled:
            return .handled
        case .changed, .cancelled:
            items[focus].error = nil
            return .handled
        case .invalid(let message):
            items[focus].error = message
            return .handled
        case .committed:
            items[focus].error = nil
            if focus == items.count - 1 { return submit() ? .submitted : .handled }
            focus(on: focus + 1)
            return .handled
        }
    }

    /// Validates every field. On failure, shows each message, focuses the
    /// first bad field and sets the form message; returns success.
    public mutating func submit() -> Bool {
        var firstBad: Int?
        for i in items.indices {
            items[i].error = items[i].field.validate()
            if items[i].error != nil && firstBad == nil { firstBad = i }
        }
        guard let bad = firstBad else {
            message = nil
            return true
        }
        let count = items.filter { $0.error != nil }.count
        message = count == 1 ? "Còn 1 ô chưa hợp lệ." : "Còn \(count) ô chưa hợp lệ."
        focus(on: bad)
        return false
    }

    private mutating func leaveFocused() {
        items[focus].error = items[focus].field.validate()
    }

    /// Label column width for a form `width` columns wide.
    public func labelWidth(for width: Int) -> Int {
        min((items.map { $0.label.displayWidth }.max() ?? 0) + 1, max(8, width / 3))
    }

    /// One row per field (plus one under it for its error), the form message
    /// on the last rows. A form taller than its rect starts further down, so that the
    /// focused field is always on screen.
    public func render(into buffer: inout Buffer, rect: Rect, focused: Bool) {
        guard !rect.isEmpty else { return }
        buffer.fill(rect)
        let labelW = labelWidth(for: rect.width)
        let fieldX = rect.x + 2 + labelW + 1
        let messageLines = message.map { Self.messageLines($0, rect: rect) } ?? []
        let bottom = rect.maxY - messageLines.count
        let first = firstVisibleItem(rows: bottom - rect.y)
        var y = rect.y
        for (i, item) in items.enumerated() where i >= first {
            guard y < bottom else { break }
            let isFocused = i == focus && focused
            if isFocused { buffer.put("▶", at: Point(x: rect.x, y: y), style: .bold) }
            buffer.put(item.label, at: Point(x: rect.x + 2, y: y), width: labelW,
                       style: isFocused ? .bold : .plain)
            let fieldW = min(item.field.preferredWidth, rect.maxX - fieldX)
            if fieldW > 0 {
                item.field.render(into: &buffer, rect: Rect(x: fieldX, y: y, width: fieldW, height: 1),
                                  focused: isFocused)
            }
            y += 1
            if let error = item.error {
                // Wrapped, not cut: the message says what is allowed, so all of it must show.
                for line in TextWrap.wrap("! " + error, width: max(1, rect.maxX - fieldX)) where y < bottom {
                    buffer.put(line, at: Point(x: fieldX, y: y), style: .bold, clipWidth: rect.maxX - fieldX)
                    y += 1
                }
            }
        }
        for (i, line) in messageLines.enumerated() {
            buffer.put(line, at: Point(x: rect.x, y: bottom + i), style: .bold, clipWidth: rect.width)
        }
    }

    /// The form message wrapped, not cut: a refusal says what to do next («lưu lần nữa để ghi
    /// đè»), which is its end. At most three rows, and a third of the form's, so the fields stay.
    private static func messageLines(_ message: String, rect: Rect) -> [String] {
        let lines = TextWrap.wrap(message, width: max(1, rect.width))
        let room = max(1, min(3, rect.height / 3))
        guard lines.count > room else { return lines }
        let last = lines[room - 1]
        let cut = last.displayWidth < rect.width ? last + "…" : last.truncated(toWidth: rect.width)
        return Array(lines.prefix(room - 1)) + [cut]
    }

    /// The first item drawn: 0 while every item fits, else the lowest start that still shows
    /// the focused item (an item with an error is counted as two rows).
    private func firstVisibleItem(rows: Int) -> Int {
        guard rows > 0, !items.isEmpty else { return 0 }
        var first = 0
        func height(_ range: ClosedRange<Int>) -> Int { range.reduce(0) { $0 + (items[$1].error == nil ? 1 : 2) } }
        while first < focus, height(first...focus) > rows { first += 1 }
        return first
    }
}
