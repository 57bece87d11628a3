/// Visual attributes of a cell.
///
/// Meaning must never depend on colour alone (NO_COLOR terminals, mono
/// themes, colour-blind users): selection and focus use `reverse` (+ `bold`)
/// and a marker glyph; colour roles are decoration the front end may drop.
public struct Style: Hashable, Sendable {
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool
    public var foreground: ColorRole
    public var background: ColorRole

    public init(bold: Bool = false, reverse: Bool = false, underline: Bool = false,
                dim: Bool = false, foreground: ColorRole = .normal, background: ColorRole = .normal) {
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
        self.foreground = foreground
        self.background = background
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)
    public static let dim = Style(dim: true)
    /// Selected row or focused control: visible on a monochrome terminal.
    public static let selected = Style(bold: true, reverse: true)

    /// A copy with the given colour roles (decoration only).
    public func colored(_ foreground: ColorRole, on background: ColorRole = .normal) -> Style {
        var s = self
        s.foreground = foreground
        s.background = background
        return s
    }

    /// One character summarising the attributes, for golden style masks.
    ///
    /// `#` reverse+bold, `R` reverse, `B` bold, `U` underline, `D` dim,
    /// `.` plain. Colour is ignored on purpose: goldens must not depend on it.
    public var maskCharacter: Character {
        switch (reverse, bold) {
        case (true, true): return "#"
        case (true, false): return "R"
        case (false, true): return "B"
        default: break
        }
        if underline { return "U" }
        if dim { return "D" }
        return "."
    }
}

/// Semantic colour roles; the curses front end maps them to colour pairs when
/// the terminal has colours and NO_COLOR is not set.
public enum ColorRole: String, CaseIterable, Hashable, Sendable {
    case normal, title, header, accent, success, warning, error, muted
}
