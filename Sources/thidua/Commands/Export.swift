import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất danh sách đơn vị, cá nhân, điểm, đề nghị khen thưởng hoặc khen thưởng ra CSV (mở được bằng Excel) hoặc JSON.")

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case units, people, scores, nominations, awards
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @OptionGroup var data: DataOptions

    @Argument(help: "Bảng cần xuất: units (đơn vị), people (cá nhân), scores (điểm), nominations (đề nghị khen thưởng), awards (khen thưởng đã nhận).")
    var table: Table

    @Option(help: "Định dạng: csv hoặc json.")
    var format: Format = .csv

    @Option(help: "Năm (với scores; với nominations là đợt năm đó, như --period); bỏ trống để xuất mọi năm.")
    var year: Int?

    @Option(help: "Đợt (chỉ với nominations): năm như 2026, so-ket hoặc tong-ket; bỏ trống để xuất mọi đợt.")
    var period: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "Tệp kết quả; bỏ trống để in ra màn hình.")
    var output: String?

    /// The period of a nominations export: `--period`, or `--year Y` meaning the year Y.
    var periodToken: String? {
        period ?? (table == .nominations ? year.map(String.init) : nil)
    }

    func validate() throws {
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
        let bytes = format == .csv ? ExportTables.csv(exported) : try ExportTables.json(exported)
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
