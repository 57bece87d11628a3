import Foundation

/// A stand-in for `lp` in a folder of its own: it writes its arguments one per line to
/// `lp-args.txt` and copies the file it was given to `lp-copy.pdf` (so a test knows the file
/// existed while lp ran), then answers as CUPS does.
public struct FakeLinePrinter {
    public let folder: String
    public var path: String { folder + "/lp" }
    public var copy: String { folder + "/lp-copy.pdf" }

    /// Writes the script into `folder` (which must exist); `exitCode` and `stderr` are its answer.
    public init(in folder: String, exitCode: Int = 0, stderr: String = "") throws {
        self.folder = folder
        try ExecutableScript.write("""
        #!/bin/sh
        printf '%s\\n' "$@" > "\(folder)/lp-args.txt"
        for last in "$@"; do :; done
        [ -f "$last" ] && cp "$last" "\(folder)/lp-copy.pdf"
        echo "request id is VHXH-A4-3 (1 file(s))"
        printf '%s\\n' '\(stderr)' >&2
        exit \(exitCode)
        """, to: folder + "/lp")
    }

    /// The arguments of its last run; empty when it has not run.
    public var arguments: [String] { Self.arguments(in: folder) }

    /// The arguments of the last run of the stand-in written in `folder`.
    public static func arguments(in folder: String) -> [String] {
        ((try? String(contentsOfFile: folder + "/lp-args.txt", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
