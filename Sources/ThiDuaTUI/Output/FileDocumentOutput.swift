import Foundation
import ThiDuaRender
import ThiDuaStore

/// The real `DocumentOutput`: writes files atomically through the store's file system (so a
/// full disk never leaves half a PDF where the old one was) and prints with `lp`.
public final class FileDocumentOutput: DocumentOutput {
    public let documentsFolder: String
    public let printer: LinePrinter
    let encoder: DocumentEncoder
    let fileSystem: any FileSystem

    /// `printer` and the encoder's fonts are read from the environment once, here (`THIDUA_LP`
    /// for tests, `THIDUA_FONT_FAMILY` for a fontconfig family instead of the bundled fonts).
    public init(documentsFolder: String, printer: LinePrinter = .fromEnvironment(),
                encoder: DocumentEncoder = DocumentEncoder(fonts: .configured()),
                fileSystem: any FileSystem = PosixFileSystem()) {
        self.documentsFolder = documentsFolder
        self.printer = printer
        self.encoder = encoder
        self.fileSystem = fileSystem
    }

    // MARK: Saving

    public func save(_ job: DocumentSaveJob) -> Result<SavedDocument, DocumentOutputError> {
        let path = resolve(job.path)
        let label = job.format.label
        guard !path.isEmpty else { return .failure(.failed("Chưa nhập đường dẫn tệp.")) }
        if fileSystem.isDirectory(path) {
            return .failure(.failed("«\(path)» là thư mục; hãy thêm tên tệp, ví dụ \(path)/van-ban.\(job.format.fileExtension)."))
        }
        if !job.overwrite, fileSystem.exists(path) { return .failure(.fileExists(path: path)) }
        let encoded: EncodedDocument
        do {
            encoded = try encoder.encode(job.document, as: job.format)
        } catch {
            return .failure(.failed("Chưa lưu được \(label) vào «\(path)»: \(Self.describe(error))"))
        }
        do {
            try write(encoded.bytes, to: path)
        } catch {
            // The file system's messages already name the file.
            return .failure(.failed("Chưa lưu được \(label): \(Self.describe(error))"))
        }
        return .success(SavedDocument(path: path, format: job.format, pageCount: encoded.pageCount))
    }

    /// `~/…` in the home folder; a bare name or relative path inside the documents folder
    /// (the program's working folder means nothing to someone who started it from a menu).
    func resolve(_ typed: String) -> String {
        var path = typed.trimmingCharacters(in: .whitespaces)
        guard !path.isEmpty else { return "" }
        if path == "~" || path.hasPrefix("~/") {
            let home = ProcessInfo.processInfo.environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            path = home + path.dropFirst()
        } else if !path.hasPrefix("/") {
            path = (documentsFolder as NSString).appendingPathComponent(path)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Creates the documents folder on first use; any other folder must already exist (a
    /// typing mistake should not leave new folders behind).
    private func write(_ bytes: Data, to path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        if !fileSystem.isDirectory(parent) {
            guard parent == documentsFolder else {
                throw DocumentOutputError.failed("không có thư mục «\(parent)».")
            }
            let above = (parent as NSString).deletingLastPathComponent
            try fileSystem.createDirectory(parent, permissions: StorePermissions.directoryPermissions(inside: above,
                                                                                                     fileSystem: fileSystem),
                                           intermediate: true)
        }
        try fileSystem.atomicWrite(bytes, to: path)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as FileSystemError: return error.message
        case let error as RenderError: return error.description
        case let error as DocumentError: return error.message
        case let error as DocumentOutputError: return error.message
        default: return error.localizedDescription
        }
    }

    // MARK: Printing

    public func print(_ job: DocumentPrintJob) -> Result<PrintOutcome, DocumentOutputError> {
        let encoded: EncodedDocument
        do {
            encoded = try encoder.encode(job.document, as: .pdf)
        } catch {
            return .failure(.failed("Chưa in được: \(Self.describe(error))"))
        }
        let pages = encoded.pageCount ?? 0
        guard printer.lp != nil else {
            return saveInstead(encoded, job: job, reason: "chưa cài lệnh lp (gói cups-client)")
        }
        let queue: String?
        switch printer.destination(requested: job.queue) {
        case .none(let reason): return saveInstead(encoded, job: job, reason: reason)
        case .queue(let name): queue = name
        case .lpDefault: queue = nil
        }

        // lp copies the file to the scheduler before it exits, so a private temporary copy
        // can go as soon as it returns.
        let folder = NSTemporaryDirectory() + "thidua-in-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = (folder as NSString).appendingPathComponent(job.fileName)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
            try encoded.bytes.write(to: URL(fileURLWithPath: file))
        } catch {
            return .failure(.failed("Chưa in được: không ghi được tệp tạm «\(file)»: \(error.localizedDescription)"))
        }
        let submission: LinePrinter.Submission
        do {
            submission = try printer.submit(LinePrinter.arguments(queue: queue, copies: job.copies, duplex: job.duplex,
                                                                  title: job.title, file: file))
        } catch {
            return .failure(.failed("Chưa in được. \(Self.describe(error))"))
        }
        if submission.status == 0 {
            return .success(.printed(queue: queue, jobID: submission.jobID, pageCount: pages, copies: job.copies,
                                     duplex: job.duplex))
        }
        if queue == nil, submission.lacksDestination {
            return saveInstead(encoded, job: job, reason: "chưa chọn máy in mặc định")
        }
        let detail = submission.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return .failure(.failed("Lệnh in báo lỗi (mã \(submission.status)): "
            + (detail.isEmpty ? "không có thông báo lỗi." : detail)))
    }

    /// Keeps the PDF where the office finds it, under a name that never replaces an earlier file.
    private func saveInstead(_ encoded: EncodedDocument, job: DocumentPrintJob,
                             reason: String) -> Result<PrintOutcome, DocumentOutputError> {
        let path = freePath(for: job.fileName)
        do {
            try write(encoded.bytes, to: path)
        } catch {
            return .failure(.failed("Không có máy in (\(reason)), và cũng chưa lưu được PDF: \(Self.describe(error))"))
        }
        return .success(.savedInstead(path: path, pageCount: encoded.pageCount ?? 0, reason: reason))
    }

    /// `name.pdf`, else `name-2.pdf`, `name-3.pdf` … in the documents folder.
    func freePath(for fileName: String) -> String {
        let base = (fileName as NSString).deletingPathExtension
        let ext = (fileName as NSString).pathExtension
        var candidate = (documentsFolder as NSString).appendingPathComponent(fileName)
        var n = 2
        while fileSystem.exists(candidate), n < 10_000 {
            candidate = (documentsFolder as NSString).appendingPathComponent("\(base)-\(n).\(ext)")
            n += 1
        }
        return candidate
    }
}
