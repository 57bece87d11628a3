import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaStore

/// `--data-dir`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Thư mục dữ liệu (mặc định: $THIDUA_DATA, $XDG_DATA_HOME/thidua hoặc ~/.local/share/thidua).")
    var dataDir: String?

    /// The folder to use: the option, else the environment, else the XDG default.
    var folder: String {
        if let dataDir, !dataDir.isEmpty { return absolute(dataDir) }
        let environment = ProcessInfo.processInfo.environment
        if let data = environment["THIDUA_DATA"], !data.isEmpty { return absolute(data) }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return absolute(xdg) + "/thidua" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/share/thidua"
    }

    private func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// Opens the folder, turning failures into a message for the office.
    func open(_ options: DataStore.OpenOptions) throws -> DataStore {
        do {
            return try DataStore.open(folder: folder, options: options, clock: CommandClock.clock)
        } catch {
            throw CommandFailure(error.message)
        }
    }
}

/// The clock of the command line: the system's, or a fixed day from THIDUA_TODAY
/// (yyyy-mm-dd) so scripted checks and tests see the same "today".
enum CommandClock {
    static var clock: any Clock {
        if let text = ProcessInfo.processInfo.environment["THIDUA_TODAY"],
           let date = try? CalendarDate(parsing: text) {
            return FixedClock(year: date.year, month: date.month, day: date.day)
        }
        return SystemClock()
    }
}
