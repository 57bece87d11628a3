import Foundation
import ThiDuaDomain
import ThiDuaRender

/// Certificates to print or save, each with the layout of its blank; or the calibration page
/// of one layout, printed on plain paper of the blank's size.
public struct CertificatePrintJob: Sendable, Equatable {
    public var certificates: [CertificateText]
    public var layouts: [CertificateLayout]
    /// Set for a calibration page: the form's name it is headed with; `layouts` is its one
    /// layout and there are no certificates.
    public private(set) var calibrationFormName: String?
    /// The job's title in the print queue, and the PDF's title.
    public var title: String
    /// The PDF's file name (also when there is no printer and it is saved instead).
    public var fileName: String
    public var copies: Int
    public var queue: String?
    /// The settings' printer offsets: the one of the printer the job goes to moves every field.
    public var printerOffsets: [PrinterOffset]

    /// `layouts[i]` is the blank of `certificates[i]`.
    public init(certificates: [CertificateText], layouts: [CertificateLayout], title: String, fileName: String,
                copies: Int = 1, queue: String? = nil, printerOffsets: [PrinterOffset] = []) {
        self.certificates = certificates
        self.layouts = layouts
        self.title = title
        self.fileName = fileName
        self.copies = copies
        self.queue = queue
        self.printerOffsets = printerOffsets
    }

    /// A decision's certificates (as `CertificateRegister.printing` gave them), each on its
    /// nomination's blank: titled «Giấy khen xã 215/QĐ-UBND», saved as `giay-khen-215-qd-ubnd.pdf`.
    public init(decision: String, form: AwardForm, certificates: [CertificateText], in data: Dataset,
                copies: Int = 1, queue: String? = nil) {
        let folded = VietnameseText.searchFold(decision).replacingOccurrences(of: "/", with: "-")
            .replacingOccurrences(of: " ", with: "-")
        self.init(certificates: certificates, layouts: certificates.map(data.certificateLayout(of:)),
                  title: "\(form.shortName) \(decision)", fileName: "giay-khen-\(folded).pdf", copies: copies, queue: queue,
                  printerOffsets: data.settings.printerOffsets)
    }

    /// The calibration page of `form`'s layout for `kind`: «Trang căn chỉnh Giấy khen xã»,
    /// saved as `trang-can-chinh-giay-khen-xa.pdf`.
    public static func calibration(of form: AwardForm, kind: SubjectKind, copies: Int = 1, queue: String? = nil,
                                   printerOffsets: [PrinterOffset] = []) -> CertificatePrintJob {
        var job = CertificatePrintJob(certificates: [], layouts: [form.certificateLayout(for: kind)],
                                      title: "Trang căn chỉnh \(form.shortName)", fileName: "trang-can-chinh-\(form.id).pdf",
                                      copies: copies, queue: queue, printerOffsets: printerOffsets)
        job.calibrationFormName = form.name
        return job
    }

    /// Pages the job prints (one a certificate).
    public var pageCount: Int { calibrationFormName == nil ? certificates.count : 1 }

    /// One paper for the whole job: the blank's, when every certificate is on blanks of one
    /// size; else A4 (and the printer fits each page as it can).
    public var media: PrintMedia {
        guard let first = layouts.first,
              layouts.allSatisfy({ $0.pageWidth == first.pageWidth && $0.pageHeight == first.pageHeight }) else { return .a4 }
        return .blank(width: first.pageWidth, height: first.pageHeight)
    }
}

extension FileDocumentOutput {
    /// The certificates as one PDF, with this output's fonts, for `queue` (its offset moves
    /// every field; nil: the offset for every printer without one of its own).
    public func certificatesPDF(_ job: CertificatePrintJob, queue: String? = nil) -> Result<Data, DocumentOutputError> {
        let offset = PrinterOffset.applying(to: queue ?? job.queue, in: job.printerOffsets)
        let shift = (x: offset?.x ?? 0, y: offset?.y ?? 0)
        do {
            let fonts = try encoder.fonts.fonts()
            if let formName = job.calibrationFormName, let layout = job.layouts.first {
                return .success(try CertificateCalibration(layout: layout, offset: shift).pdf(fonts: fonts, formName: formName))
            }
            return .success(try CertificatePDF(fonts: fonts).data(Array(zip(job.certificates, job.layouts)), title: job.title,
                                                                  offset: shift))
        } catch let overflow as CertificateOverflow {
            return .failure(.failed("Chưa in: \(overflow.description)"))
        } catch {
            return .failure(.failed("Chưa in: \(Self.describe(error))"))
        }
    }

    /// Prints the certificates on their blanks' paper, moved by the offset of the printer they
    /// go to (or keeps the PDF when there is no printer).
    public func printCertificates(_ job: CertificatePrintJob) -> Result<PrintOutcome, DocumentOutputError> {
        let printJob = DocumentPrintJob(document: Document(), title: job.title, fileName: job.fileName, copies: job.copies,
                                        queue: job.queue)
        return print(job: printJob, media: job.media) { queue in
            certificatesPDF(job, queue: queue).map { EncodedDocument(bytes: $0, format: .pdf, pageCount: job.pageCount) }
        }
    }
}
