import Foundation

/// The file formats a document can be saved in.
public enum DocumentFormat: String, CaseIterable, Sendable {
    case pdf, docx, csv, xlsx, txt

    public var fileExtension: String { rawValue }

    /// "PDF", "DOCX" … as shown in menus and messages.
    public var label: String { rawValue.uppercased() }

    /// The format a file name asks for by its extension, if it names one.
    public init?(path: String) {
        let ext = (path as NSString).pathExtension.lowercased()
        self.init(rawValue: ext)
    }

    /// Text and CSV can go to a terminal or a pipe; PDF, DOCX and XLSX are binary.
    public var isText: Bool { self == .csv || self == .txt }

    /// Why the command line does not write a binary format to the terminal.
    public var notForTerminal: String {
        "\(label) là tệp nhị phân, không ghi ra màn hình được; dùng -o TỆP.\(fileExtension)."
    }
}

/// A document turned into the bytes of one format.
public struct EncodedDocument: Sendable {
    public var bytes: Data
    public var format: DocumentFormat
    /// Pages of a PDF; nil for the other formats (their reader lays the pages out).
    public var pageCount: Int?

    public init(bytes: Data, format: DocumentFormat, pageCount: Int? = nil) {
        self.bytes = bytes
        self.format = format
        self.pageCount = pageCount
    }
}

/// Picks the writer for a format, so the screens and the command line save a document the
/// same way.
public struct DocumentEncoder: Sendable {
    public var fonts: FontLocator

    /// The default draws with the bundled fonts; the program's edges pass `.configured()`.
    public init(fonts: FontLocator = FontLocator()) {
        self.fonts = fonts
    }

    /// Plain-text files are as wide as the printed page allows: a landscape list needs the
    /// room, a portrait letter reads best at the usual 80 columns.
    public static func textWidth(for document: Document) -> Int {
        document.page.orientation == .landscape ? 120 : 80
    }

    /// Throws `RenderError` (fonts, glyphs) or `DocumentError` (no table to export as CSV or XLSX).
    public func encode(_ document: Document, as format: DocumentFormat) throws -> EncodedDocument {
        switch format {
        case .pdf:
            let (bytes, pages) = try PDFWriter(locator: fonts).dataAndPageCount(for: document)
            return EncodedDocument(bytes: bytes, format: .pdf, pageCount: pages)
        case .docx:
            // The fonts make the rules and column widths those of the PDF; without them they are estimated.
            let writer = DOCXWriter(fonts: try? fonts.fonts())
            return EncodedDocument(bytes: try writer.data(for: document), format: .docx)
        case .csv, .xlsx:
            guard !document.tables.isEmpty else {
                throw DocumentError("Văn bản này không có bảng nào để xuất \(format.label); hãy chọn PDF, DOCX hoặc TXT.")
            }
            let bytes = format == .csv ? CSVExporter.data(for: document) : try XLSXExporter.data(for: document)
            return EncodedDocument(bytes: bytes, format: format)
        case .txt:
            let text = TextWriter(width: Self.textWidth(for: document)).render(document)
            return EncodedDocument(bytes: Data(text.utf8), format: .txt)
        }
    }
}
