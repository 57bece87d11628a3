import ArgumentParser
import ThiDuaDomain
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
            var person: Identity
            do throws(UserNameError) {
                person = try data.identity()
            } catch {
                throw CommandFailure(error.message)
            }
            if !data.namesTheUser { person = WhoIsWorking.ask(folder: data.folder, identity: person) }
            let store = try data.open(.init(createIfMissing: true, allowReadOnly: true), as: person)
            try TerminalLauncher.run(store: store, identity: person, telex: telex)
        }
    }
}
