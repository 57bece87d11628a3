extension Document {
    public struct Paragraph: Sendable, Equatable {
        public var runs: [TextRun]
        public var alignment: Alignment
        /// In millimetres; the decree's body text is indented 1–1.27 cm.
        public var firstLineIndent: Double

        public init(_ runs: [TextRun], alignment: Alignment = .justify, firstLineIndent: Double = 10) {
            self.runs = runs
            self.alignment = alignment
            self.firstLineIndent = firstLineIndent
        }

        public init(_ text: String, style: FontStyle = .regular, alignment: Alignment = .justify,
                    firstLineIndent: Double = 10) {
            self.init([TextRun(text, style: style)], alignment: alignment, firstLineIndent: firstLineIndent)
        }
    }
}
