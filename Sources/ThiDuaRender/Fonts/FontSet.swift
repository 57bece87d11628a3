/// The four faces a document is drawn with.
public struct FontSet: Sendable {
    public let regular: TrueTypeFont
    public let bold: TrueTypeFont
    public let italic: TrueTypeFont
    public let boldItalic: TrueTypeFont

    public init(regular: TrueTypeFont, bold: TrueTypeFont, italic: TrueTypeFont, boldItalic: TrueTypeFont) {
        self.regular = regular
        self.bold = bold
        self.italic = italic
        self.boldItalic = boldItalic
    }

    public func font(_ style: FontStyle) -> TrueTypeFont {
        switch style {
        case .regular: return regular
        case .bold: return bold
        case .italic: return italic
        case .boldItalic: return boldItalic
        }
    }

    /// The first character of `text` (NFC) that `style` cannot draw, with the font file.
    func checkCoverage(_ text: String, style: FontStyle) throws {
        let font = font(style)
        for scalar in text.unicodeScalars where font.glyphID(for: scalar) == nil {
            throw RenderError.missingGlyph(scalar: scalar.value, fontPath: font.path)
        }
    }
}
