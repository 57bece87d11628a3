/// One screen cell: a grapheme cluster, its display width and its style.
///
/// A wide glyph (CJK, emoji) occupies two cells: the head holds the grapheme
/// with `width == 2`, the next cell is a continuation with `width == 0` and an
/// empty grapheme. The front end skips continuation cells when drawing.
public struct Cell: Hashable, Sendable {
    public var grapheme: String
    public var width: Int
    public var style: Style

    public init(grapheme: String, width: Int, style: Style = .plain) {
        self.grapheme = grapheme
        self.width = width
        self.style = style
    }

    /// A space in the given style.
    public static func blank(_ style: Style = .plain) -> Cell {
        Cell(grapheme: " ", width: 1, style: style)
    }

    /// The right half of a wide glyph.
    public static func continuation(_ style: Style) -> Cell {
        Cell(grapheme: "", width: 0, style: style)
    }

    public var isContinuation: Bool { width == 0 }
}
