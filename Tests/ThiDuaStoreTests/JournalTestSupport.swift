import Foundation
@testable import ThiDuaStore

func makeJournal(in folder: ScratchFolder, fileSystem: any FileSystem = PosixFileSystem()) -> JournalFile<TestChange> {
    JournalFile<TestChange>(path: folder.file("journal.jsonl"), fileSystem: fileSystem)
}

/// Appends `count` entries numbered from the journal's current tip.
@discardableResult
func appendSamples(_ journal: JournalFile<TestChange>, count: Int) throws -> [JournalEntry<TestChange>] {
    try (0..<count).map { index in
        try journal.append(
            payload: TestChange(kind: "đặt điểm", value: 90 + index, note: "Thôn Đông — tiêu chí 1/2"),
            time: "2026-11-24T09:15:\(10 + index % 50)+07:00", user: "lan", host: "vhxh-pc"
        )
    }
}

/// The file's lines, each with its "\n" (the last one may lack it).
func lines(of path: String) throws -> [String] {
    let content = text(try PosixFileSystem().readFile(path))
    var result: [String] = []
    var current = ""
    for character in content {
        current.append(character)
        if character == "\n" { result.append(current); current = "" }
    }
    if !current.isEmpty { result.append(current) }
    return result
}

/// Rewrites the file with `transform` applied to its line list.
func editLines(of path: String, _ transform: (inout [String]) -> Void) throws {
    var all = try lines(of: path)
    transform(&all)
    try PosixFileSystem().atomicWrite(bytes(all.joined()), to: path)
}
