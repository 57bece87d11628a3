/// A printable document, independent of the output format. Callers (reports, lists, submissions)
/// build one of these; the text, PDF, DOCX and CSV writers each turn it into bytes.
public struct Document: Sendable, Equatable {
    public var page: PageSetup
    public var blocks: [Block]
    /// Shown by PDF readers as the document title (metadata only, never drawn).
    public var title: String?

    public init(page: PageSetup = PageSetup(), blocks: [Block] = [], title: String? = nil) {
        self.page = page
        self.blocks = blocks
        self.title = title
    }

    /// The tables in document order (what the CSV writer exports).
    public var tables: [Table] {
        blocks.compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }
}

extension Document {
    /// One element of the document flow, laid out top to bottom.
    public enum Block: Sendable, Equatable {
        case header(Header)
        case title(Title)
        case paragraph(Paragraph)
        case table(Table)
        case signature(Signature)
        /// Vertical space measured in body lines.
        case spacer(lines: Double)
        case pageBreak
    }
}
