import Foundation
import ThiDuaDomain
import ThiDuaRender

/// Certificates to print or save: each with the layout of its blank.
public struct CertificatePrintJob: Sendable, Equatable {
    public var certificates: [CertificateText]
    public var layouts: [CertificateLayout]
    /// The job's title in the print queue, and the PDF's title.
    public var title: String
    /// The PDF's file name (also when there is no printer and it is saved instead).
    public var fileName: String
    public var copies: Int
    public var queue: String?

    /// `layouts[i]` is the blank of `certificates[i]`.
    public init(certificates: [CertificateText], layouts: [CertificateLayout], title: String, fileName: String,
                copies: Int = 1, queue: String? = nil) {
        self.certificates = certificates
        self.layouts = layouts
        self.title = title
        self.fileName = fileName
        self.copies = copies
        self.queue = queue
    }

    /// A decision's certificates (as `CertificateRegister.printing` gave them), each on its
    /// nomination's blank: titled «Giấy khen xã 215/QĐ-UBND», saved as `giay-khen-215-qd-ubnd.pdf`.
    public init(decision: String, form: AwardForm, certificates: [CertificateText], in data: Dataset,
                copies: Int = 1, queue: String? = nil) {
        let folded = VietnameseText.searchFold(decision).replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: " ", with: "-")
        self.init(certificates: certificates, layouts: certificates.map(data.certificateLayout(of:)),
                  title: "\(form.shortName) \(decision)", fileName: "giay-khen-\(folded).pdf", copies: copies, queue: queue)
    }

    /// One paper for the whole job: the blank's, when every certificate is on blanks of one
    /// size; else A4 (and the printer fits each page as it can).
    public var media: PrintMedia {
        guard let first = layouts.first,
              layouts.allSatisfy({ $0.pageWidth == first.pageWidth && $0.pageHeight == first.pageHeight }) else { return .a4 }
        return .blank(width: first.pageWidth, height: first.pageHeight)
    }
}

extension FileDocumentOutput {
    /// The certificates as one PDF, with this output's fonts.
    public func certificatesPDF(_ job: CertificatePrintJob) -> Result<Data, DocumentOutputError> {
        do {
            let fonts = try encoder.fonts.fonts()
            return .success(try CertificatePDF(fonts: fonts).data(Array(zip(job.certificates, job.layouts)), title: job.title))
        } catch let overflow as CertificateOverflow {
            return .failure(.failed("Chưa in: \(overflow.description)"))
        } catch {
            return .failure(.failed("Chưa in: \(Self.describe(error))"))
        }
    }

    /// Prints the certificates on their blanks' paper (or keeps the PDF when there is no printer).
    public func printCertificates(_ job: CertificatePrintJob) -> Result<PrintOutcome, DocumentOutputError> {
        certificatesPDF(job).flatMap { pdf in
            print(pdf: pdf, pageCount: job.certificates.count,
                  job: DocumentPrintJob(document: Document(), title: job.title, fileName: job.fileName, copies: job.copies,
                                        queue: job.queue),
                  media: job.media)
        }
    }
}
