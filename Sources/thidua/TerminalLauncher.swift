import Foundation
import ThiDuaCurses
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

/// Runs the full-screen program over the open store and checkpoints on quit.
enum TerminalLauncher {
    /// The caller opens the store on the main actor, where the terminal runs, so the
    /// store never crosses an isolation boundary. The session joins the folder's `sessions/`
    /// for as long as it runs, so the others see who is here; a folder where that cannot be
    /// written (read-only media) just goes without.
    /// `terminal` may already show the first screen (`firstScreen`).
    @MainActor
    static func run(store: DataStore, identity: Identity, telex: Bool, terminal: CursesTerminal = CursesTerminal()) throws {
        let handle = try? SessionRegistry.join(folder: store.folder, identity: identity, screen: HomeScreen.screenTitle)
        defer { handle?.leave() }
        let presence = handle.map { Presence(handle: $0) }
        presence?.look(now: true)
        let session = Session(backend: store, today: store.context.today, telexEnabled: telex, presence: presence)
        // While the home screen is read, the people list gets ready (a second at province scale).
        session.prepareLists()
        let app = ThiDuaApp(session: session)
        do {
            try terminal.run(app: app)
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

    /// The home screen on `terminal` as soon as the files it needs are read, before the rest of
    /// a large folder; nothing is drawn if the terminal cannot start (the app says why later).
    @MainActor
    static func firstScreen(on terminal: CursesTerminal, folder: String, today: CalendarDate) -> DataStore.FirstScreen {
        FirstScreenPreview.opening(folder: folder, today: today) { screen in
            MainActor.assumeIsolated {
                guard (try? terminal.start()) != nil else { return }
                terminal.draw(screen(terminal.size))
            }
        }
    }
}
