import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập đơn vị hoặc cá nhân từ tệp CSV (dòng tiêu đề tiếng Việt hoặc tiếng Anh). Chỉ ghi khi mọi dòng đều hợp lệ.")

    enum Table: String, ExpressibleByArgument, CaseIterable {
        case units, people
    }

    @OptionGroup var data: DataOptions

    @Argument(help: "Bảng cần nhập: units (đơn vị) hoặc people (cá nhân).")
    var table: Table

    @Argument(help: "Tệp CSV (UTF-8, có hoặc không có BOM).")
    var file: String

    @Flag(name: .customLong("dry-run"), help: "Chỉ kiểm tra và xem trước, không ghi gì.")
    var dryRun = false

    func run() throws {
        guard let bytes = FileManager.default.contents(atPath: file) else {
            throw CommandFailure("Không đọc được tệp «\(file)».")
        }
        let store = try data.open(.init(createIfMissing: true, readOnly: dryRun))
        let plan: CSVImport.Plan
        do {
            plan = try CSVImport.plan(table == .units ? .units : .people, data: bytes, file: file,
                                      into: store.dataset, context: store.context)
        } catch let failure as CSVImport.Failure {
            throw CommandFailure(failure.message)
        } catch let error as StoreError {
            throw CommandFailure(error.message)
        }
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
