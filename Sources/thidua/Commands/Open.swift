import ArgumentParser
import ThiDuaStore

struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open",
        abstract: "Mở chương trình trên màn hình terminal (mặc định khi không ghi lệnh).")

    @OptionGroup var data: DataOptions

    @Flag(name: .long, help: "Bật sẵn kiểu gõ Telex trong các ô nhập (bật/tắt bằng Ctrl-T).")
    var telex = false

    func run() throws {
        try MainActor.assumeIsolated {
            let store = try data.open(.init(createIfMissing: true, allowReadOnly: true))
            try TerminalLauncher.run(store: store, telex: telex)
        }
    }
}
