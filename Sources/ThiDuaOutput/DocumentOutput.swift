import Foundation
import ThiDuaRender

/// Where finished documents go: files and the printer. The app performs the screens'
/// `.saveDocument`/`.printDocument` through it, and `thidua print` uses the same one, so
/// both behave alike; tests put a fake in its place.
public protocol DocumentOutput: AnyObject {
    /// The folder documents are saved in by default (`documents/` inside the data folder).
    var documentsFolder: String { get }
    func save(_ job: DocumentSaveJob) -> Result<SavedDocument, DocumentOutputError>
    func print(_ job: DocumentPrintJob) -> Result<PrintOutcome, DocumentOutputError>
    /// Certificates on their blanks' paper, one page each.
    func printCertificates(_ job: CertificatePrintJob) -> Result<PrintOutcome, DocumentOutputError>
}

/// Save `document` as `format` at `path`.
public struct DocumentSaveJob: Sendable, Equatable {
    public var document: Document
    public var format: DocumentFormat
    /// As typed: `~/` is the home folder, a relative path is inside the documents folder.
    public var path: String
    /// False: an existing file is not touched and `.fileExists` comes back, so the screen can ask.
    public var overwrite: Bool

    public init(document: Document, format: DocumentFormat, path: String, overwrite: Bool = false) {
        self.document = document
        self.format = format
        self.path = path
        self.overwrite = overwrite
    }
}

/// Print `document` as a PDF.
public struct DocumentPrintJob: Sendable, Equatable {
    public var document: Document
    /// The job's title in the print queue (`lp -t`).
    public var title: String
    /// The PDF's file name, also used when there is no printer and the PDF is saved instead.
    public var fileName: String
    public var copies: Int
    public var duplex: Bool
    /// A CUPS queue; nil: the system's default.
    public var queue: String?

    public init(document: Document, title: String, fileName: String, copies: Int = 1, duplex: Bool = false,
                queue: String? = nil) {
        self.document = document
        self.title = title
        self.fileName = fileName
        self.copies = copies
        self.duplex = duplex
        self.queue = queue
    }
}

/// A document written to disk.
public struct SavedDocument: Sendable, Equatable {
    /// The absolute path written.
    public var path: String
    public var format: DocumentFormat
    /// Pages of a PDF.
    public var pageCount: Int?

    public init(path: String, format: DocumentFormat, pageCount: Int? = nil) {
        self.path = path
        self.format = format
        self.pageCount = pageCount
    }

    /// «Đã lưu PDF: /đường/dẫn.pdf (3 trang).»
    public var message: String {
        "Đã lưu \(format.label): \(path)" + (pageCount.map { " (\($0) trang)" } ?? "") + "."
    }
}

/// What became of a print request.
public enum PrintOutcome: Sendable, Equatable {
    /// Handed to the print system. `queue` nil: the system's default queue.
    case printed(queue: String?, jobID: String?, pageCount: Int, copies: Int, duplex: Bool, media: PrintMedia = .a4)
    /// No printer: the PDF was saved at `path` instead; `reason` says why, `advice` what to do.
    case savedInstead(path: String, pageCount: Int, reason: String)

    public var message: String {
        switch self {
        case let .printed(queue, jobID, pages, copies, duplex, media):
            let target = queue.map { "máy in \($0)" } ?? "máy in mặc định"
            let sides = duplex ? ", in hai mặt" : ""
            let job = jobID.map { " (lệnh in \($0))" } ?? ""
            return "Đã gửi in tới \(target): \(copies) bản × \(pages) trang, \(media.label)\(sides)\(job)."
        case let .savedInstead(path, pages, reason):
            return "Không có máy in; đã lưu PDF tại \(path) (\(pages) trang). Lý do: \(reason). "
                + "Thêm máy in: lpadmin -p TÊN -E -v URI -m everywhere, hoặc trang http://localhost:631."
        }
    }
}

/// Why a document was not saved or printed.
public enum DocumentOutputError: Error, Sendable, Equatable {
    /// The file is there and the job did not allow overwriting it.
    case fileExists(path: String)
    /// Anything else, already phrased for the office (Vietnamese, naming the file).
    case failed(String)

    public var message: String {
        switch self {
        case .fileExists(let path): return "Tệp «\(path)» đã có."
        case .failed(let message): return message
        }
    }
}
