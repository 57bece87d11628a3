import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaRender
import ThiDuaStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất danh sách đơn vị, cá nhân, điểm, đề nghị khen thưởng hoặc khen thưởng ra CSV, bảng tính Excel (XLSX) hoặc JSON.",
        discussion: """
        CSV và JSON ghi số thập phân bằng dấu chấm («12.5») để chương trình khác đọc đúng. XLSX là bảng tính: \
        số là số, ngày là ngày (dd/mm/yyyy), dòng tiêu đề in đậm và cố định; cần -o TỆP.xlsx.
        Không có --format thì định dạng theo đuôi tệp -o (.csv, .json, .xlsx), mặc định CSV.
        Ví dụ: thidua export scores --year 2025 -o diem-2025.xlsx
               thidua export nominations --period 2025 --format json
        """)

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case units, people, scores, nominations, awards
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json, xlsx
    }

    @OptionGroup var data: DataOptions

    @Argument(help: "Bảng cần xuất: units (đơn vị), people (cá nhân), scores (điểm), nominations (đề nghị khen thưởng), awards (khen thưởng đã nhận).")
    var table: Table

    @Option(help: "Định dạng: csv, json hoặc xlsx (bảng tính Excel, cần -o TỆP); mặc định theo đuôi tệp -o, hoặc csv.")
    var format: Format?

    @Option(help: "Năm (với scores; với nominations là đợt năm đó, như --period); bỏ trống để xuất mọi năm.")
    var year: Int?

    @Option(help: "Đợt (chỉ với nominations): năm như 2026, so-ket hoặc tong-ket; bỏ trống để xuất mọi đợt.")
    var period: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Tệp kết quả; bỏ trống để in ra màn hình (CSV, JSON).")
    var output: String?

    /// `--format`, else the extension of `-o` when it names one, else CSV.
    var chosenFormat: Format {
        format ?? output.flatMap { Format(rawValue: ($0 as NSString).pathExtension.lowercased()) } ?? .csv
    }

    /// The period of a nominations export: `--period`, or `--year Y` meaning the year Y.
    var periodToken: String? {
        period ?? (table == .nominations ? year.map(String.init) : nil)
    }

    func validate() throws {
        if chosenFormat == .xlsx && output == nil {
            throw ValidationError(DocumentFormat.xlsx.notForTerminal)
        }
        if year != nil && table != .scores && table != .nominations {
            throw ValidationError("--year chỉ dùng với bảng scores hoặc nominations.")
        }
        if table == .nominations, let year, let period, period != String(year) {
            throw ValidationError("--year \(year) và --period \(period) chỉ hai đợt khác nhau; chọn một.")
        }
        if let period = periodToken {
            guard table == .nominations else { throw ValidationError("--period chỉ dùng với bảng nominations.") }
            guard Period(token: period) != nil else {
                throw ValidationError("«\(period)» không phải đợt khen thưởng: dùng năm (như 2026), so-ket hoặc tong-ket.")
            }
        }
    }

    func run() throws {
        let store = try data.open(.init(createIfMissing: false, readOnly: true))
        let dataset = store.dataset
        let exported: ExportTables.Table
        switch table {
        case .units: exported = ExportTables.units(dataset)
        case .people: exported = ExportTables.people(dataset)
        case .scores: exported = ExportTables.scores(dataset, year: year)
        case .nominations: exported = ExportTables.nominations(dataset, period: periodToken.flatMap(Period.init(token:)))
        case .awards: exported = ExportTables.awards(dataset)
        }
        let bytes: Data
        switch chosenFormat {
        case .csv: bytes = ExportTables.csv(exported)
        case .json: bytes = try ExportTables.json(exported)
        case .xlsx:
            // One sheet named after the table; the cells typed by their columns («.» decimals, as in CSV).
            let sheet = XLSXWriter.Sheet(name: exported.title, header: exported.header, kinds: exported.kinds,
                                         textRows: exported.rows, decimalSeparator: ".")
            bytes = try XLSXWriter().data(for: XLSXWriter.Workbook(sheets: [sheet]))
        }
        if let output {
            do {
                try PosixFileSystem().atomicWrite(bytes, to: output, permissions: 0o644)
            } catch {
                throw CommandFailure("Không ghi được tệp «\(output)»: \(userMessage(for: error))")
            }
            FileHandle.standardError.write(Data("Đã xuất \(exported.rows.count) dòng vào «\(output)».\n".utf8))
        } else {
            FileHandle.standardOutput.write(bytes)
        }
    }
}
