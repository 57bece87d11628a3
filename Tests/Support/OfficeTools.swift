import Foundation

/// LibreOffice and python's openpyxl, for the tests that check our files in real readers.
/// Where they are missing those tests skip — except when `THIDUA_REQUIRE_OFFICE=1` (CI sets it
/// after installing them), where a missing tool fails the test instead.
public enum OfficeTools {
    public static var required: Bool { ProcessInfo.processInfo.environment["THIDUA_REQUIRE_OFFICE"] == "1" }

    public static var soffice: String? { executable("soffice") }

    /// A python 3 that can `import openpyxl`.
    public static var pythonWithOpenpyxl: String? {
        for python in ["/usr/bin/python3", executable("python3")].compactMap({ $0 }) {
            if (try? run(python, ["-c", "import openpyxl"])) == 0 { return python }
        }
        return nil
    }

    static func executable(_ name: String) -> String? {
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in search.split(separator: ":") + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs a tool to the end; its exit status (output discarded).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
