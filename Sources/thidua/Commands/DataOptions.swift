import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaStore

/// `--data-dir` and `--user`, shared by every command.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Thư mục dữ liệu (mặc định: $THIDUA_DATA, $XDG_DATA_HOME/thidua hoặc ~/.local/share/thidua).")
    var dataDir: String?

    @Option(name: .customLong("user"), help: "Tên người đang dùng, ghi vào nhật ký và hiện cho người cùng làm (mặc định: $THIDUA_USER, nếu không thì tài khoản máy).")
    var user: String?

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

    /// Who is working: `--user`, else `$THIDUA_USER`, else the operating-system user
    /// (`Identity.resolve`).
    func identity() throws(UserNameError) -> Identity {
        try Identity.resolve(user: user)
    }

    /// A bad name stops every command before it starts, with the reason (exit code 2).
    func validate() throws {
        do {
            _ = try identity()
        } catch {
            throw ValidationError(error.message)
        }
    }

    /// Opens the folder as `identity()`, turning failures into a message for the office.
    func open(_ options: DataStore.OpenOptions) throws -> DataStore {
        let person: Identity
        do {
            person = try identity()
        } catch {
            throw CommandFailure(error.message)
        }
        return try open(options, as: person)
    }

    /// Opens the folder as `person`.
    func open(_ options: DataStore.OpenOptions, as person: Identity,
              firstScreen: DataStore.FirstScreen? = nil) throws -> DataStore {
        do {
            return try DataStore.open(folder: folder, options: options, clock: CommandClock.clock, identity: person,
                                      firstScreen: firstScreen)
        } catch {
            throw CommandFailure(error.message)
        }
    }

    /// True when the person was named (`--user` or `THIDUA_USER`), not taken from the account.
    var namesTheUser: Bool {
        user != nil || !(ProcessInfo.processInfo.environment[Identity.userVariable] ?? "").isEmpty
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
