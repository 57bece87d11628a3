import ArgumentParser

struct ThiDua: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Quản lý phong trào thi đua, khen thưởng của xã (Phòng Văn hoá - Xã hội).",
        discussion: """
        Chạy «thidua» không kèm lệnh để mở chương trình trên màn hình terminal.
        Thư mục dữ liệu mặc định: $THIDUA_DATA, hoặc $XDG_DATA_HOME/thidua, hoặc ~/.local/share/thidua.
        Mã thoát: 0 thành công, 1 thất bại, 2 sai cú pháp lệnh.
        """,
        version: ProgramVersion.text,
        subcommands: [Open.self, Init.self, Check.self, PrintDocument.self, Certificates.self, Export.self, Import.self, Apply.self, Log.self, Backup.self, Restore.self],
        defaultSubcommand: Open.self
    )
}

/// An error already phrased for the office (Vietnamese, naming the file): exit code 1.
struct CommandFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
