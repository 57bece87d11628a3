/// The four faces every writer supports. Each maps to one embedded font in PDF.
public enum FontStyle: String, Sendable, Equatable, Hashable, CaseIterable {
    case regular
    case bold
    case italic
    case boldItalic

    public var isBold: Bool { self == .bold || self == .boldItalic }
    public var isItalic: Bool { self == .italic || self == .boldItalic }
}

extension Document {
    /// A piece of text in one style. "\n" inside the text forces a line break.
    public struct TextRun: Sendable, Equatable {
        public var text: String
        public var style: FontStyle

        public init(_ text: String, style: FontStyle = .regular) {
            self.text = text
            self.style = style
        }

        public static func bold(_ text: String) -> TextRun { TextRun(text, style: .bold) }
        public static func italic(_ text: String) -> TextRun { TextRun(text, style: .italic) }
    }

    public enum Alignment: Sendable, Equatable {
        case left
        case center
        case right
        /// Stretches every line but the last of a paragraph to the full width.
        case justify
    }
}
