/// Text widths for the DOCX writer, in points. With the fonts (Liberation Serif has Times New
/// Roman's metrics) it measures and wraps exactly as the PDF layout does, so rules and column
/// widths match the PDF's; without them it estimates half an em per character.
struct DOCXMetrics {
    let fonts: FontSet?

    /// Times New Roman and Liberation Serif draw U+00A0 a quarter of an em wide, in every style.
    static let nonBreakingSpaceEm = 0.25

    /// The widths of the lines `text` wraps into at `width` (one line when it fits).
    func lineWidths(_ text: String, style: FontStyle, size: Double, width: Double = .greatestFiniteMagnitude) -> [Double] {
        if let fonts,
           let lines = try? LineBreaker(fonts: fonts, size: size).lines([Document.TextRun(text, style: style)],
                                                                      width: width, alignment: .left) {
            return lines.map(\.width)
        }
        return [min(width, estimate(text, style: style, size: size))]
    }

    /// The width of `text` on one line.
    func width(_ text: String, style: FontStyle, size: Double) -> Double {
        lineWidths(text, style: style, size: size).max() ?? 0
    }

    /// The width of one unbreakable piece, as ColumnWidths needs it.
    func unbreakableWidth(_ text: String, style: FontStyle, size: Double) -> Double {
        if let fonts, let width = try? LineBreaker(fonts: fonts, size: size).unbreakableWidth(text, style: style) {
            return width
        }
        return estimate(text, style: style, size: size)
    }

    private func estimate(_ text: String, style: FontStyle, size: Double) -> Double {
        var blanks = 0.0
        var characters = 0
        for piece in Document.Blank.pieces(of: PlainText.printable(text)) {
            switch piece {
            case .text(let text): characters += text.count
            case .blank(let blank): blanks += Units.points(blank.millimetres)
            }
        }
        return Double(characters) * size * (style.isBold ? 0.55 : 0.5) + blanks
    }
}
