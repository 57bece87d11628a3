import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// `thidua certificates --decision N`: the certificates (Giấy khen) of a decision, printed on
/// the office's blanks or saved as a PDF, one page per certificate at the blank's size. Their
/// numbers go into the register when they are printed; printing again keeps them, as reprints.
struct Certificates: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certificates",
        abstract: "In giấy khen (giấy chứng nhận) của một quyết định lên phôi, ghi số vào sổ cấp phát.",
        discussion: """
        Mỗi giấy một trang, đúng khổ phôi của mẫu (Giấy khen xã: A4 ngang; Bằng khen tỉnh: A3 ngang). Lần in đầu \
        cấp số vào sổ theo hình thức và năm của quyết định (như 12/GK-2025), theo thứ tự danh sách của quyết định; \
        in lại giữ nguyên số và ghi là in lại.
        Không có -o: gửi in bằng lp với -o media=… -o print-scaling=none (máy không có máy in thì lưu PDF vào \
        thư mục documents/). Có -o TỆP.pdf: lưu PDF. --calibration: in trang căn chỉnh của mẫu trên giấy trắng.
        Ví dụ: thidua certificates --decision 215/QĐ-UBND
               thidua certificates --decision 215 --only DN00003,DN00005 -o giay-khen.pdf
               thidua certificates --form giay-khen-xa --calibration
        """)

    @OptionGroup var data: DataOptions

    @Option(help: "Số quyết định khen, như 215/QĐ-UBND (gõ «215» cũng được).")
    var decision: String?

    @Option(help: "Hình thức khen thưởng; mặc định giay-khen-xa.")
    var form: String = "giay-khen-xa"

    @Option(help: "Chỉ in các đề nghị này (mã, cách nhau dấu phẩy), ví dụ DN00003,DN00005.")
    var only: String?

    @Flag(help: "In trang căn chỉnh của mẫu (lưới milimét và các ô) thay cho giấy khen.")
    var calibration = false

    @Option(help: "Đối tượng của trang căn chỉnh: ca-nhan hoặc tap-the.")
    var kind: String = "ca-nhan"

    @Option(name: [.customShort("o"), .customLong("output")], help: "Lưu PDF vào tệp thay vì in.")
    var output: String?

    @Option(help: "Hàng đợi máy in (CUPS); mặc định máy in mặc định của hệ thống.")
    var printer: String?

    @Option(help: "Số bản in, 1–99.")
    var copies: Int = 1

    func validate() throws {
        guard (1...99).contains(copies) else { throw ValidationError("Số bản in phải từ 1 đến 99.") }
        if calibration {
            guard ["ca-nhan", "tap-the"].contains(kind) else { throw ValidationError("--kind là ca-nhan hoặc tap-the.") }
        } else if decision == nil {
            throw ValidationError("Thiếu --decision: số quyết định khen, như 215/QĐ-UBND (hoặc --calibration).")
        }
    }

    func run() throws {
        let store = try data.open(.init(createIfMissing: false, readOnly: calibration))
        defer { try? store.close() }
        guard let awardForm = store.dataset.catalog.form(form) else {
            throw ValidationError("Không có hình thức «\(form)».")
        }
        if calibration {
            try printCalibration(awardForm, settings: store.dataset.settings)
            return
        }
        try printDecision(store, form: awardForm)
    }

    /// The decision's certificates: recorded in the register, then printed or saved. If they
    /// cannot be printed, the record is taken back, so the register never lists a printing
    /// that did not happen.
    private func printDecision(_ store: DataStore, form: AwardForm) throws {
        let number: String
        do {
            number = try DocumentNumber.parse(decision ?? "", code: form.decisionNumberCode, strict: false,
                                              field: "Số quyết định").full
        } catch {
            throw ValidationError(error.message)
        }
        let chosen = only.map { Set($0.split(separator: ",").map { NominationID(String($0).trimmingCharacters(in: .whitespaces).uppercased()) }) }
        let data = store.dataset
        let printed: (change: Change, certificates: [CertificateText])
        do {
            printed = try CertificateRegister.printing(decisionNumber: number, formID: form.id, chosen: chosen, in: data,
                                                       time: Timestamp.string(store.context.clock.now()), user: store.context.user)
        } catch {
            throw CommandFailure(error.message)
        }
        let job = CertificatePrintJob(decision: number, form: form, certificates: printed.certificates, in: data,
                                      copies: copies, queue: printer)
        // Drawn first: a text too long for its box stops here, before the register is written.
        if case .failure(let error) = service.certificatesPDF(job) { throw CommandFailure(error.message) }
        let applied: AppliedChange
        do { applied = try store.commit(printed.change) } catch { throw CommandFailure(error.message) }
        do {
            try deliver(job)
        } catch {
            // Nothing printed: the register does not keep the printing.
            _ = try? store.commit(applied.inverse)
            throw error
        }
        let issues = printed.certificates.compactMap { store.dataset.nominations[$0.nominationID]?.certificate }
        let reprints = issues.filter(\.isReprinted).count
        let numbers = issues.map(\.number)
        PrintCatalog.say("Sổ cấp phát: \(issues.count) giấy, số \(numbers.joined(separator: ", "))"
                         + (reprints > 0 ? "; \(reprints) giấy in lại (giữ số cũ)." : "."))
    }

    /// The calibration page of the form's layout on plain paper of the blank's size, its boxes
    /// moved by the offset of the printer it goes to, so that laid over a blank it shows both.
    private func printCalibration(_ form: AwardForm, settings: Settings) throws {
        let job = CertificatePrintJob.calibration(of: form, kind: kind == "tap-the" ? .collective : .individual, copies: copies,
                                                  queue: printer, printerOffsets: settings.printerOffsets)
        try deliver(job)
    }

    private var service: FileDocumentOutput {
        FileDocumentOutput(documentsFolder: DocumentFolders.default(forDataFolder: data.folder))
    }

    /// Saves the job's PDF where `-o` says, else prints it (or keeps it in documents/ when
    /// there is no printer).
    private func deliver(_ job: CertificatePrintJob) throws {
        guard let output else {
            switch service.printCertificates(job) {
            case .success(let outcome): return PrintCatalog.say(outcome.message)
            case .failure(let error): throw CommandFailure(error.message)
            }
        }
        let pdf: Data
        switch service.certificatesPDF(job) {
        case .success(let bytes): pdf = bytes
        case .failure(let error): throw CommandFailure(error.message)
        }
        let path = URL(fileURLWithPath: output).standardizedFileURL.path
        do { try pdf.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
            throw CommandFailure("Chưa lưu được «\(path)»: \(error.localizedDescription)")
        }
        PrintCatalog.say("Đã lưu \(path) (\(job.pageCount) trang, \(job.media.label)).")
    }
}
