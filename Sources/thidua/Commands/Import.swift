import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập đơn vị hoặc cá nhân từ tệp CSV hoặc Excel .xlsx (dòng tiêu đề tiếng Việt hoặc tiếng Anh). Chỉ ghi khi mọi dòng đều hợp lệ.")

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case units, people
    }

    @OptionGroup var data: DataOptions

    @Argument(help: "Bảng cần nhập: units (đơn vị) hoặc people (cá nhân).")
    var table: Table

    @Argument(help: "Tệp CSV (UTF-8, có hoặc không có BOM) hoặc tệp Excel .xlsx.")
    var file: String

    @Option(name: .customLong("sheet"), help: "Tên trang của tệp .xlsx cần đọc (mặc định: trang đầu tiên).")
    var sheet: String?

    @Flag(name: .customLong("dry-run"), help: "Chỉ kiểm tra và xem trước, không ghi gì.")
    var dryRun = false

    func run() throws {
        // Read before the data folder is opened, so a mistyped file name creates nothing.
        let csv = try ImportFile.read(file).mapError { CommandFailure($0.message) }.get()
        let store = try data.open(.init(createIfMissing: true, readOnly: dryRun))
        let plan = try csv.plan(table == .units ? .units : .people, sheet: sheet, into: store.dataset, context: store.context)
            .mapError { CommandFailure($0.message) }.get()
        for line in plan.preview { print(line) }
        if dryRun {
            print("Kiểm tra xong: \(plan.added) dòng thêm mới, \(plan.updated) dòng cập nhật. Chưa ghi gì (--dry-run).")
            return
        }
        do {
            try store.commit(plan.change)
            try store.close()
        } catch let error as CommitError {
            throw CommandFailure(error.message)
        } catch let error as StoreFailure {
            throw CommandFailure(error.message)
        }
        print("Đã lưu: \(plan.added) dòng thêm mới, \(plan.updated) dòng cập nhật.")
    }
}
