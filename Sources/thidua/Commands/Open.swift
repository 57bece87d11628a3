import ArgumentParser
import ThiDuaStore

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Mở chương trình trên màn hình terminal (mặc định khi không ghi lệnh).")

    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.open(.init(createIfMissing: true, allowReadOnly: true))
        try TerminalLauncher.run(store: store)
    }
}
