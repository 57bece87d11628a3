import Foundation

/// Writes a Document as a .docx package (WordprocessingML in a zip) that Word and LibreOffice
/// open: A4 section, Times New Roman, repeated table header rows, page numbers from page 2.
public struct DOCXWriter: Sendable {
    /// Every zip entry gets this date, so the same document gives the same bytes.
    public var modificationDate: Date
    /// Real text widths for the rules and the column widths (Liberation Serif has Times New
    /// Roman's metrics), so they match the PDF's; without fonts they are estimated.
    public var fonts: FontSet?

    /// 1980-01-01 00:00 UTC, the earliest date a zip entry can hold.
    public static let fixedDate = OfficePackage.fixedDate

    public init(modificationDate: Date = DOCXWriter.fixedDate, fonts: FontSet? = nil) {
        self.modificationDate = modificationDate
        self.fonts = fonts
    }

    /// The package's parts in the order they are zipped ([Content_Types].xml first, as Word expects).
    func parts(for document: Document) -> [(path: String, xml: String)] {
        return [
            ("[Content_Types].xml", DOCXParts.contentTypes),
            ("_rels/.rels", DOCXParts.packageRelationships),
            ("word/document.xml", DOCXBody(document: document, metrics: DOCXMetrics(fonts: fonts)).xml()),
            ("word/_rels/document.xml.rels", DOCXParts.documentRelationships),
            ("word/styles.xml", DOCXParts.styles(fontSize: document.page.fontSize)),
            ("word/settings.xml", DOCXParts.settings),
            ("word/header1.xml", DOCXParts.pageNumberHeader),
            ("word/header2.xml", DOCXParts.emptyHeader),
        ]
    }

    public func data(for document: Document) throws -> Data {
        try OfficePackage.data(parts(for: document), modificationDate: modificationDate, format: "DOCX")
    }

    public func write(_ document: Document, to url: URL) throws {
        let bytes = try data(for: document)
        do {
            try bytes.write(to: url, options: .atomic)
        } catch {
            throw RenderError.writeFailed(detail: "\(url.path): \(error.localizedDescription)")
        }
    }
}
