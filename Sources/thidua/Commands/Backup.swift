import ArgumentParser
import ThiDuaStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sao lưu thư mục dữ liệu vào backups/ (giữ 10 bản mới nhất).")

    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.open(.init(createIfMissing: false))
        do {
            let path = try store.backupNow()
            try store.close()
            print("Đã sao lưu vào «\(path)».")
        } catch {
            throw CommandFailure(error.message)
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Khôi phục dữ liệu từ một bản sao lưu (.zip); dữ liệu hiện tại được sao lưu trước.")

    @OptionGroup var data: DataOptions

    @Argument(help: "Tệp sao lưu .zip (trong backups/ hoặc nơi khác).")
    var file: String

    func run() throws {
        let store = try data.open(.init(createIfMissing: false))
        do {
            let restored = try store.restore(from: file)
            try store.close()
            print("Đã khôi phục từ «\(file)»: \(restored.units.count) đơn vị, \(restored.people.count) cá nhân.")
        } catch {
            throw CommandFailure(error.message)
        }
    }
}
