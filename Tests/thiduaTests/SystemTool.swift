import Foundation
import Testing
import ThiDuaTestSupport

/// Runs a reader the office would use on a file (pdftotext, pdffonts, fc-list), found on PATH.
/// A missing tool fails the test with the package to install: CI installs them.
enum SystemTool {
    static func run(_ tool: String, _ arguments: [String],
                    environment: [String: String] = [:]) throws -> (Int32, String, String) {
        let search = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard let path = search.split(separator: ":").map({ "\($0)/\(tool)" })
            .first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("\(tool) is not installed (apt-get install poppler-utils fontconfig)")
            return (127, "", "")
        }
        return try ChildProcess.run(executable: path, arguments, environment: environment)
    }

    /// pdffonts' rows as (name, embedded, subset), after its two heading lines.
    static func pdfFonts(_ pdf: String) throws -> [(name: String, embedded: Bool, subset: Bool)] {
        let (code, out, err) = try run("pdffonts", [pdf])
        #expect(code == 0, "pdffonts: \(err)")
        return out.split(separator: "\n").dropFirst(2).compactMap { row in
            // The type column may hold a space ("CID TrueType"), so count from the end:
            // … emb sub uni object-number generation.
            let fields = row.split(separator: " ")
            guard fields.count >= 6 else { return nil }
            return (String(fields[0]), fields[fields.count - 5] == "yes", fields[fields.count - 4] == "yes")
        }
    }
}
