import Foundation
import ThiDuaCurses
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

/// Runs the full-screen program over the open store and checkpoints on quit.
enum TerminalLauncher {
    static func run(store: DataStore) throws {
        let banner: String?
        if case .readOnly(let holder) = store.access { banner = holder } else { banner = nil }
        let today = ChangeContext(clock: store.clock, user: store.identity.user).today
        let app = HomeApp(data: store.dataset, today: today, readOnlyBanner: banner)
        do {
            try MainActor.assumeIsolated {
                let terminal = CursesTerminal()
                try terminal.run(app: app)
            }
        } catch {
            throw CommandFailure("Không mở được màn hình: \(error)")
        }
        if !store.isReadOnly {
            do {
                try store.close()
            } catch {
                throw CommandFailure(error.message)
            }
        }
    }
}
