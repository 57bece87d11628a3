import Foundation
import ThiDuaCurses
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

/// Runs the full-screen program over the open store and checkpoints on quit.
enum TerminalLauncher {
    /// The caller opens the store on the main actor, where the terminal runs, so the
    /// store never crosses an isolation boundary.
    @MainActor
    static func run(store: DataStore, telex: Bool) throws {
        let session = Session(backend: store, today: store.context.today, telexEnabled: telex)
        let app = ThiDuaApp(session: session)
        do {
            try CursesTerminal().run(app: app)
        } catch {
            throw CommandFailure("Không mở được màn hình: \(error)")
        }
        guard !store.isReadOnly else { return }
        do throws(StoreFailure) {
            try store.close()
        } catch {
            throw CommandFailure(error.message)
        }
    }
}
