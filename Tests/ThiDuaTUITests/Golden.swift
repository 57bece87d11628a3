import Foundation
import Testing
import ThiDuaTUI

/// Golden screen files live next to this file in `__screens__/<name>.txt`.
/// They hold `Buffer.snapshot()`: the text rows and a style mask, never
/// colour or ANSI codes, so they are stable across terminals and machines.
/// Refresh on purpose with `UPDATE_GOLDENS=1 swift test`, then review the
/// diff in git.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__screens__")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" }

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name + ".txt") }

    /// A line-by-line diff, limited to the first differences.
    static func diff(expected: String, actual: String, limit: Int = 20) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? e[i] : "<no line>", al = i < a.count ? a[i] : "<no line>"
            guard el != al else { continue }
            out.append("line \(i + 1):\n  - expected: \(el)\n  + actual:   \(al)")
            if out.count >= limit { out.append("…"); break }
        }
        return out.joined(separator: "\n")
    }
}

/// Compares `buffer` with the golden file `name`; writes it instead when
/// UPDATE_GOLDENS=1.
func assertGolden(_ buffer: Buffer, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = buffer.snapshot()
    let url = Golden.url(name)
    if Golden.updating {
        do {
            try FileManager.default.createDirectory(at: Golden.directory, withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            Issue.record("cannot write golden \(url.path): \(error)", sourceLocation: sourceLocation)
        }
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("""
            golden \(name) is missing (\(url.path)); run UPDATE_GOLDENS=1 swift test to create it. Actual:
            \(actual)
            """, sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        Issue.record("""
            screen differs from golden \(name) (UPDATE_GOLDENS=1 to accept):
            \(Golden.diff(expected: expected, actual: actual))
            """, sourceLocation: sourceLocation)
    }
}
