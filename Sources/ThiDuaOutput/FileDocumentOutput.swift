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
    func write(_ bytes: Data, to path: String) throws {
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
}
