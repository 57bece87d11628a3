import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaOutput
import ThiDuaStore

extension CSVImport.DuplicateChoice: ExpressibleByArgument {}

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

    @Option(name: .customLong("duplicates"),
            help: "Với dòng trùng tên một đơn vị cùng khối (hoặc một người cùng năm sinh, cùng đơn vị) đã có: add (vẫn thêm mới), skip (bỏ qua) hoặc update (cập nhật bản đã có). Không ghi thì dòng trùng làm cả tệp bị từ chối.")
    var duplicates: CSVImport.DuplicateChoice?

    @Flag(name: .customLong("dry-run"), help: "Chỉ kiểm tra và xem trước, không ghi gì.")
    var dryRun = false

    func run() throws {
        // Read before the data folder is opened, so a mistyped file name creates nothing.
        let csv = try ImportFile.read(file).mapError { CommandFailure($0.message) }.get()
        let store = try data.open(.init(createIfMissing: true, readOnly: dryRun))
        let plan = try csv.plan(table == .units ? .units : .people, sheet: sheet,
                                duplicates: CSVImport.DuplicateChoices(all: duplicates), into: store.dataset, context: store.context)
            .mapError { CommandFailure($0.message) }.get()
        if let note = plan.ignoredColumnsNote { print(note) }
        for line in plan.preview { print(line) }
        if let undecided = plan.undecidedMessage(file: csv.name) {
            throw CommandFailure((undecided + [Self.duplicatesHelp]).joined(separator: "\n"))
        }
        if dryRun {
            print("Kiểm tra xong: \(plan.summary). Chưa ghi gì (--dry-run).")
            return
        }
        guard let change = plan.change, plan.added + plan.updated > 0 else {
            print("Không có dòng nào để ghi: \(plan.summary).")
            return
        }
        do {
            try store.commit(change)
            try store.close()
        } catch let error as CommitError {
            throw CommandFailure(error.message)
        } catch let error as StoreFailure {
            throw CommandFailure(error.message)
        }
        print("Đã lưu: \(plan.summary).")
    }

    static let duplicatesHelp = "Hãy chọn cách xử lý dòng trùng: --duplicates add (vẫn thêm mới), --duplicates skip (bỏ qua) hoặc --duplicates update (cập nhật bản đã có)."

}
