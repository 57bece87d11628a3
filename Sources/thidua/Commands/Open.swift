import ArgumentParser
import ThiDuaCurses
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
            let terminal = CursesTerminal()
            let today = ChangeContext(clock: CommandClock.clock, user: person.user).today
            let store: DataStore
            do {
                store = try data.open(.init(createIfMissing: true, allowReadOnly: true), as: person,
                                      firstScreen: TerminalLauncher.firstScreen(on: terminal, folder: data.folder, today: today))
            } catch {
                // The first screen may be up: the message goes to the ordinary terminal.
                terminal.shutdown()
                throw error
            }
            try TerminalLauncher.run(store: store, identity: person, telex: telex, terminal: terminal)
        }
    }
}
