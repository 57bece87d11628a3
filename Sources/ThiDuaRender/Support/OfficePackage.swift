import Foundation
import ZIPFoundation

/// What the Office files we write (DOCX, XLSX) share: the zip container, its content types and
/// relationships. Parts are deflated in the order given and every entry gets the same date, so
/// the same document gives the same bytes.
enum OfficePackage {
    /// 1980-01-01 00:00 UTC, the earliest date a zip entry can hold.
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800)

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// The `r:` namespace of relationship ids, and the start of every relationship type.
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `[Content_Types].xml`: relationships and plain XML by extension, then the type of each
    /// part named (its path inside the package, e.g. "/word/document.xml").
    static func contentTypes(_ parts: [(path: String, type: String)]) -> String {
        declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + parts.map { "<Override PartName=\"\($0.path)\" ContentType=\"\($0.type)\"/>" }.joined()
            + "</Types>"
    }

    /// A relationships part: rId1, rId2 … in order, each a type (the last word of its URI,
    /// "officeDocument", "styles") and a target.
    static func relationships(_ targets: [(type: String, target: String)]) -> String {
        declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + targets.enumerated().map { index, relation in
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/\(relation.type)\" Target=\"\(relation.target)\"/>"
            }.joined()
            + "</Relationships>"
    }

    /// The package's bytes; `format` names the file in the message of a failure ("DOCX", "XLSX").
    static func data(_ parts: [(path: String, xml: String)], modificationDate: Date = fixedDate,
                     format: String) throws -> Data {
        do {
            let archive = try Archive(accessMode: .create)
            for part in parts {
                let bytes = Data(part.xml.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: modificationDate, compressionMethod: .deflate,
                                     provider: { position, size in
                                         let start = Int(position)
                                         return bytes.subdata(in: start..<min(start + size, bytes.count))
                                     })
            }
            guard let data = archive.data else { throw RenderError.writeFailed(detail: "tệp nén \(format) rỗng") }
            return data
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError.writeFailed(detail: "không tạo được tệp \(format) (\(error))")
        }
    }
}
