import Foundation

/// Runs a helper program with an argument array (never through a shell: paths and titles hold
/// Vietnamese and spaces).
enum ProcessRunner {
    struct Result: Sendable {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Starts every command at once and then collects them, so several short lookups cost about
    /// one process launch of wall time instead of one each.
    static func runAll(_ commands: [(executable: String, arguments: [String])]) throws -> [Result] {
        var running: [(Process, Pipe, Pipe)] = []
        for command in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command.executable)
            process.arguments = command.arguments
            let out = Pipe()
            let err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            do { try process.run() } catch {
                throw RenderError.programNotStarted(path: command.executable, reason: launchFailure(command.executable, error))
            }
            running.append((process, out, err))
        }
        return running.map { process, out, err in
            // Read both pipes to the end before waiting: a child blocked on a full pipe never exits.
            // Reading them one after the other is enough for the few bytes fc-match prints.
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(status: process.terminationStatus, stdout: stdout, stderr: stderr)
        }
    }

    /// Foundation reports every failed start as one generic error; the file itself says more.
    private static func launchFailure(_ path: String, _ error: Error) -> String {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return "không có tệp này" }
        if isFolder.boolValue { return "đây là thư mục, không phải chương trình" }
        guard FileManager.default.isExecutableFile(atPath: path) else { return "tệp không có quyền chạy" }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return "hệ điều hành từ chối (\(underlying?.localizedDescription ?? error.localizedDescription))"
    }

    /// Finds a program on PATH the way a shell would.
    static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
