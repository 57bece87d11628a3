import ArgumentParser
import ThiDuaStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sao lưu thư mục dữ liệu vào backups/ (giữ 10 bản mới nhất; chỉ chép các tệp đã đổi), hoặc --full TỆP.zip: một tệp zip đầy đủ để mang đi.")

    @OptionGroup var data: DataOptions

    @Option(name: .customLong("full"), help: "Ghi toàn bộ dữ liệu vào một tệp .zip riêng (không ghi đè tệp đã có).")
    var fullZip: String?

    func run() throws {
        let store = try data.open(.init(createIfMissing: false))
        do {
            if let fullZip {
                try store.fullBackup(to: fullZip)
                try store.close()
                print("Đã ghi bản sao lưu đầy đủ vào «\(fullZip)».")
            } else {
                let path = try store.backupNow()
                try store.close()
                print("Đã sao lưu vào «\(path)».")
            }
        } catch {
            throw CommandFailure(error.message)
        }
    }
}

struct Restore: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Khôi phục dữ liệu từ một bản sao lưu (.manifest.json trong backups/, hoặc tệp .zip); dữ liệu hiện tại được sao lưu trước.")

    @OptionGroup var data: DataOptions

    @Argument(help: "Bản sao lưu: tên hoặc đường dẫn của tệp .manifest.json trong backups/, hoặc một tệp .zip ở bất cứ đâu.")
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
