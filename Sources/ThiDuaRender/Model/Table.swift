import ThiDuaDomain

extension Document {
    public struct Column: Sendable, Equatable {
        public var header: String
        /// Relative to the other columns; the table fills the text width.
        public var width: Double
        /// `.justify` is honoured in PDF and DOCX; the plain-text writer aligns it left.
        public var alignment: Alignment
        /// What the cells hold, as written in the document («95,5», «1.490.000», «25/11/2026»):
        /// a workbook stores them as numbers and dates; the other writers print the text.
        public var kind: SpreadsheetColumn.Kind

        public init(_ header: String, width: Double, alignment: Alignment = .left, kind: SpreadsheetColumn.Kind = .text) {
            self.header = header
            self.width = width
            self.alignment = alignment
            self.kind = kind
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
        /// A short name (a workbook's sheet, at most 31 characters); never printed. nil: «Bảng n».
        public var name: String?

        public init(columns: [Column], rows: [Row], fontSize: Double? = nil, name: String? = nil) {
            self.columns = columns
            self.rows = rows
            self.fontSize = fontSize
            self.name = name
        }

        /// A data row's cells, one per column: missing cells empty, extra cells left out.
        func cells(_ values: [String]) -> [String] {
            (0..<columns.count).map { $0 < values.count ? values[$0] : "" }
        }
    }
}
