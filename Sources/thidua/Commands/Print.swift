import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaRender
import ThiDuaStore

/// `thidua print DOC …`: the same documents as the Documents screen, printed with `lp` or
/// saved with `-o`, through the same output service (THIDUA_LP honoured).
struct PrintDocument: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "In khổ A4 hoặc lưu một văn bản (danh sách, tờ trình, quyết định, biên bản, bảng điểm, báo cáo …).",
        discussion: """
        Không có -o: gửi in bằng lệnh lp (máy in mặc định hoặc --printer); máy không có máy in thì lưu PDF \
        vào thư mục documents/ trong thư mục dữ liệu và báo đường dẫn.
        Có -o TỆP: lưu thành tệp (định dạng theo đuôi tệp hoặc --format); -o - ghi TXT, CSV ra màn hình.
        Ví dụ: thidua print danh-sach --period 2025 --form giay-khen-xa --copies 2 --duplex
               thidua print phieu-cham --year 2025 --subject DV0001 -o phieu-cham.pdf
               thidua print tong-hop-diem --year 2025 -o tong-hop-diem.xlsx
               thidua print --list
        Biến môi trường THIDUA_LP: chương trình chạy thay cho lp (để thử).
        """)

    @OptionGroup var data: DataOptions

    @Argument(help: "Tên văn bản, ví dụ danh-sach, to-trinh, bien-ban (xem --list).")
    var document: String?

    @Flag(help: "Liệt kê mọi văn bản: tên dùng ở dòng lệnh, tên văn bản, tham số.")
    var list = false

    @Option(help: "Năm (trong giai đoạn); mặc định năm nay.")
    var year: Int?

    @Option(help: "Đợt khen thưởng: năm (như 2025), so-ket hoặc tong-ket.")
    var period: String?

    @Option(help: "Hình thức khen thưởng, ví dụ giay-khen-xa; bỏ trống: mọi hình thức của đợt.")
    var form: String?

    @Option(help: "Mã đơn vị hoặc cá nhân, ví dụ DV0001 hoặc CN00001.")
    var subject: String?

    @Option(help: "Mã khối; bỏ trống: mọi khối.")
    var category: String?

    @Option(help: "Tờ trình gửi tới đâu: xa (Chủ tịch UBND xã) hoặc tinh (Chủ tịch UBND tỉnh); cần khi đợt có đề nghị trình hai nơi.")
    var to: String?

    @Option(help: "Số văn bản, ví dụ 12 hoặc 12/TTr-VHXH (thành «Số: 12/TTr-VHXH»); bỏ trống để điền tay.")
    var number: String?

    @Option(help: "Ngày ghi trên văn bản, dd/mm/yyyy; mặc định hôm nay.")
    var date: String?

    @Option(help: "Định dạng khi lưu: pdf, docx, csv, xlsx hoặc txt (mặc định theo đuôi tệp -o, hoặc pdf).")
    var format: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Lưu vào tệp thay vì in; «-» để ghi ra màn hình (txt, csv).")
    var output: String?

    @Option(help: "Hàng đợi máy in (CUPS); mặc định máy in mặc định của hệ thống.")
    var printer: String?

    @Option(help: "Số bản in, 1–99.")
    var copies: Int?

    @Flag(help: "In hai mặt (lật theo cạnh dài).")
    var duplex = false

    func validate() throws {
        if list { return }
        _ = try plan()
    }

    func run() throws {
        if list {
            Swift.print(PrintCatalog.listing(data: try? data.open(.init(createIfMissing: false, readOnly: true)).dataset))
            return
        }
        let plan = try plan()
        let store = try data.open(.init(createIfMissing: false, readOnly: true))
        let dataset = store.dataset
        let request = plan.request(data: dataset, today: store.context.today)
        let built: Document
        do {
            built = try DocumentBuilder.build(request, data: dataset)
        } catch {
            // The parameters name something the records do not have: a usage error (exit 2).
            throw ArgumentParser.ValidationError(error.message)
        }
        // One encoder for files, the terminal and the printer, with the fonts the office chose.
        let encoder = DocumentEncoder(fonts: .configured())
        let service = FileDocumentOutput(documentsFolder: DocumentFolders.default(forDataFolder: data.folder),
                                         encoder: encoder)
        switch plan.destination {
        case .standardOutput(let format):
            let encoded: EncodedDocument
            do { encoded = try encoder.encode(built, as: format) } catch let error as DocumentError {
                throw CommandFailure(error.message)
            }
            FileHandle.standardOutput.write(encoded.bytes)
        case .file(let path, let format):
            switch service.save(DocumentSaveJob(document: built, format: format, path: path, overwrite: true)) {
            case .success(let saved): PrintCatalog.say(saved.message)
            case .failure(let error): throw CommandFailure(error.message)
            }
        case .printer(let queue, let copies, let duplex):
            let job = DocumentPrintJob(document: built, title: built.title ?? request.kind.title,
                                       fileName: request.fileName(extension: DocumentFormat.pdf.fileExtension),
                                       copies: copies, duplex: duplex, queue: queue)
            switch service.print(job) {
            case .success(let outcome): PrintCatalog.say(outcome.message)
            case .failure(let error): throw CommandFailure(error.message)
            }
        }
    }

    /// Checks the options against the document (exit 2 with a Vietnamese reason) before any
    /// data is read.
    func plan() throws -> PrintPlan {
        guard let name = document else {
            throw ArgumentParser.ValidationError("Thiếu tên văn bản, ví dụ «thidua print danh-sach»; xem «thidua print --list».")
        }
        guard let kind = DocumentKind(rawValue: name.lowercased()) else {
            let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ArgumentParser.ValidationError("Không có văn bản «\(name)»; có: \(known).")
        }
        var plan = PrintPlan(kind: kind)
        let uses = Set(kind.parameters)
        func refuse(_ option: String) -> ArgumentParser.ValidationError {
            ArgumentParser.ValidationError("«\(kind.rawValue)» không dùng \(option); xem «thidua print --list».")
        }
        if year != nil, period != nil { throw ArgumentParser.ValidationError("Chỉ dùng một trong --year và --period.") }
        if let year {
            guard uses.contains(.year) || uses.contains(.period) else { throw refuse("--year") }
            plan.year = year
        }
        if let period {
            guard let parsed = Period(token: period) else {
                throw ArgumentParser.ValidationError("«\(period)» không phải đợt khen thưởng: dùng năm (như 2025), so-ket hoặc tong-ket.")
            }
            if uses.contains(.period) {
                plan.period = parsed
            } else if uses.contains(.year), case .year(let y) = parsed {
                plan.year = y
            } else {
                throw refuse("--period \(period)")
            }
        }
        if let form {
            guard uses.contains(.form) else { throw refuse("--form") }
            plan.formID = form
        }
        if let category {
            guard uses.contains(.category) else { throw refuse("--category") }
            plan.categoryID = category
        }
        if let to {
            guard uses.contains(.target) else { throw refuse("--to") }
            guard let target = SubmissionTarget(token: to) else {
                throw ArgumentParser.ValidationError("--to «\(to)»: dùng xa (Chủ tịch UBND xã) hoặc tinh (Chủ tịch UBND tỉnh).")
            }
            plan.target = target
        }
        if let number {
            guard uses.contains(.number) else { throw refuse("--number") }
            plan.number = number
        }
        if let subject {
            guard uses.contains(.subject) else { throw refuse("--subject") }
            guard let parsed = PrintCatalog.subject(subject) else {
                throw ArgumentParser.ValidationError("«\(subject)» không phải mã đơn vị (DV0001) hoặc cá nhân (CN00001).")
            }
            plan.subject = parsed
        } else if uses.contains(.subject) {
            throw ArgumentParser.ValidationError("«\(kind.rawValue)» cần --subject MÃ (mã đơn vị như DV0001 hoặc cá nhân như CN00001).")
        }
        if let date {
            do { plan.date = try CalendarDate(parsing: date) } catch {
                throw ArgumentParser.ValidationError("--date «\(date)»: \(error.message)")
            }
        }
        plan.destination = try destination()
        return plan
    }

    private func destination() throws -> PrintPlan.Destination {
        let chosen: DocumentFormat?
        if let format {
            guard let parsed = DocumentFormat(rawValue: format.lowercased()) else {
                throw ArgumentParser.ValidationError("«\(format)» không phải định dạng: dùng pdf, docx, csv, xlsx hoặc txt.")
            }
            chosen = parsed
        } else {
            chosen = nil
        }
        guard let output else {
            if chosen != nil { throw ArgumentParser.ValidationError("--format chỉ dùng khi lưu với -o TỆP; không có -o thì văn bản được in.") }
            let count = copies ?? 1
            guard (1...99).contains(count) else { throw ArgumentParser.ValidationError("--copies phải từ 1 đến 99 (đã cho \(count)).") }
            return .printer(queue: printer, copies: count, duplex: duplex)
        }
        if printer != nil || copies != nil || duplex {
            throw ArgumentParser.ValidationError("--printer, --copies và --duplex chỉ dùng khi in, không dùng cùng -o.")
        }
        if output == "-" {
            let format = chosen ?? .txt
            guard format.isText else {
                throw ArgumentParser.ValidationError(format.notForTerminal)
            }
            return .standardOutput(format)
        }
        // A path on the command line is relative to where the command runs, as in every shell tool.
        let path = URL(fileURLWithPath: output).standardizedFileURL.path
        return .file(path, chosen ?? DocumentFormat(path: output) ?? .pdf)
    }
}
