/// What every app shows instead of its layout when the terminal is below
/// the minimum size (screens are designed for 80×24 and must not be drawn
/// into less: calcurse crashed on exactly that).
public enum TooSmallScreen {
    public static func message(for size: Size, minimum: Size = .minimum) -> String {
        "Cửa sổ quá nhỏ — cần ít nhất \(minimum), hiện tại \(size)"
    }

    /// True when `size` is too small for normal screens.
    public static func applies(to size: Size, minimum: Size = .minimum) -> Bool {
        !size.fits(minimum)
    }

    /// A full buffer with the message wrapped and centred.
    public static func render(size: Size, minimum: Size = .minimum) -> Buffer {
        var buffer = Buffer(size: size)
        guard size.width > 0, size.height > 0 else { return buffer }
        let head = TextWrap.wrap(message(for: size, minimum: minimum), width: size.width)
        let hint = TextWrap.wrap("Hãy phóng to cửa sổ terminal.", width: size.width)
        let lines = Array((head.map { ($0, Style.bold) } + hint.map { ($0, Style.plain) }).prefix(size.height))
        let top = (size.height - lines.count) / 2
        for (i, (line, style)) in lines.enumerated() {
            let x = (size.width - line.displayWidth) / 2
            buffer.put(line, at: Point(x: max(0, x), y: top + i), style: style)
        }
        return buffer
    }
}
