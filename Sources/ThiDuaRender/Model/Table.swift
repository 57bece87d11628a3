extension Document {
    public struct Column: Sendable, Equatable {
        public var header: String
        /// Relative to the other columns; the table fills the text width.
        public var width: Double
        /// `.justify` is honoured in PDF and DOCX; the plain-text writer aligns it left.
        public var alignment: Alignment

        public init(_ header: String, width: Double, alignment: Alignment = .left) {
            self.header = header
            self.width = width
            self.alignment = alignment
        }
    }

    public enum Row: Sendable, Equatable {
        /// A bold row spanning every column, e.g. "I. TẬP THỂ (3)".
        case group(String)
        /// One cell per column (missing cells are empty; extra cells are ignored). Cells wrap.
        case data([String])
    }

    /// A ruled table whose header row repeats on every page and whose rows are never split
    /// across pages (except a row taller than a page).
    public struct Table: Sendable, Equatable {
        public var columns: [Column]
        public var rows: [Row]
        /// nil means the page's body size; long lists often use 12 pt.
        public var fontSize: Double?

        public init(columns: [Column], rows: [Row], fontSize: Double? = nil) {
            self.columns = columns
            self.rows = rows
            self.fontSize = fontSize
        }
    }
}
