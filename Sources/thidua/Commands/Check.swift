import ArgumentParser
import ThiDuaStore

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra thư mục dữ liệu; thoát với mã khác 0 và nêu lý do nếu có hỏng hóc.")

    @OptionGroup var data: DataOptions

    @Flag(name: .customLong("backups"), help: "Đọc lại từng bản lưu trong backups/objects và kiểm tra mã băm (chậm hơn).")
    var verifyBackups = false

    func run() throws {
        let report = FolderCheck.run(folder: data.folder, clock: CommandClock.clock, verifyingBackups: verifyBackups)
        if report.isHealthy {
            print("Thư mục «\(data.folder)» không có lỗi. \(report.summary)")
            return
        }
        var lines = ["Thư mục «\(data.folder)» có \(report.problems.count) vấn đề:"]
        lines += report.problems.map { "  - \($0)" }
        throw CommandFailure(lines.joined(separator: "\n"))
    }
}
