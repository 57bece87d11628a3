import ArgumentParser
import Foundation
import ThiDuaDomain
import ThiDuaStore

/// Scripted edits: one change per input line, in the journal's JSON form. Each line is
/// acknowledged with "OK <n>" only after it is durable, so a script (or the crash tests)
/// knows exactly which edits survive a power cut.
struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Áp dụng các thay đổi đọc từ đầu vào chuẩn (mỗi dòng một thay đổi dạng JSON như trong journal.jsonl).")

    @OptionGroup var data: DataOptions

    func run() throws {
        let store = try data.open(.init(createIfMissing: false))
        var lineNumber = 0
        var failures = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let change: Change
            do {
                change = try JSONDecoder().decode(Change.self, from: Data(line.utf8))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("dòng \(lineNumber): không phải thay đổi hợp lệ (\(error)).\n".utf8))
                continue
            }
            do {
                try store.commit(change)
                FileHandle.standardOutput.write(Data("OK \(lineNumber)\n".utf8))
            } catch {
                failures += 1
                FileHandle.standardError.write(Data("dòng \(lineNumber): \(error.message)\n".utf8))
            }
        }
        do {
            try store.close()
        } catch {
            throw CommandFailure(error.message)
        }
        if failures > 0 { throw CommandFailure("\(failures) dòng không áp dụng được.") }
    }
}
