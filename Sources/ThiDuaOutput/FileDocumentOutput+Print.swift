import Foundation
import ThiDuaRender

/// Printing: the one path from a finished document to `lp`, for the Documents screen and
/// `thidua print` alike. Without a printer the PDF is kept in the documents folder instead,
/// so a request never ends with nothing to show for it.
extension FileDocumentOutput {
    public func print(_ job: DocumentPrintJob) -> Result<PrintOutcome, DocumentOutputError> {
        let encoded: EncodedDocument
        do {
            encoded = try encoder.encode(job.document, as: .pdf)
        } catch {
            return .failure(.failed("Chưa in được: \(Self.describe(error))"))
        }
        return print(job: job, media: .a4) { _ in .success(encoded) }
    }

    /// Finds the printer, has `make` draw the PDF for it (the queue asked for, or nil, when
    /// there is no printer and it is saved instead), and sends it: the one path of every print.
    func print(job: DocumentPrintJob, media: PrintMedia,
               make: (_ queue: String?) -> Result<EncodedDocument, DocumentOutputError>) -> Result<PrintOutcome, DocumentOutputError> {
        guard printer.lp != nil else {
            return make(job.queue).flatMap { saveInstead($0, job: job, reason: "chưa cài lệnh lp (gói cups-client)") }
        }
        let queue: String?
        switch printer.destination(requested: job.queue) {
        case .none(let reason): return make(nil).flatMap { saveInstead($0, job: job, reason: reason) }
        case .queue(let name): queue = name
        case .lpDefault: queue = nil
        }
        let encoded: EncodedDocument
        switch make(queue) {
        case .success(let made): encoded = made
        case .failure(let error): return .failure(error)
        }
        let pages = encoded.pageCount ?? 0

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
                                                                  title: job.title, file: file, media: media))
        } catch {
            return .failure(.failed("Chưa in được. \(Self.describe(error))"))
        }
        if submission.status == 0 {
            return .success(.printed(queue: queue, jobID: submission.jobID, pageCount: pages, copies: job.copies,
                                     duplex: job.duplex, media: media))
        }
        if queue == nil, submission.lacksDestination {
            // lp has no default printer after all: the PDF as drawn for no printer is kept.
            return make(nil).flatMap { saveInstead($0, job: job, reason: "chưa chọn máy in mặc định") }
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
