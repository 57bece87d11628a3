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
                FileHandle.standardError.write(Data("dòng \(lineNumber): không phải thay đổi hợp lệ: \(Self.explain(error, in: line))\n".utf8))
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

    /// Why a line is not a change: the same Vietnamese explanation as for the data files
    /// (never Foundation's English), and for a line whose kind of change is unknown, that kind.
    static func explain(_ error: Error, in line: String) -> String {
        let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let shape = "mỗi dòng là một đối tượng như các dòng của journal.jsonl, có khóa «op» nêu loại thay đổi (như «score.set», «unit.add»); dạng cũ có đúng một khóa như «setScore» cũng được đọc."
        switch error as? DecodingError {
        case .typeMismatch(_, let context)? where context.codingPath.isEmpty:
            let keys = (object?.keys.sorted() ?? []).map { "«\($0)»" }.joined(separator: ", ")
            return "không có loại thay đổi \(keys.isEmpty ? "nào (đối tượng rỗng)" : keys); \(shape)"
        case .dataCorrupted(let context)? where context.codingPath.map(\.stringValue) == ["op"]:
            return "không có loại thay đổi «\(object?["op"] as? String ?? "")»; \(shape)"
        default:
            return StoreError.decoding(error, file: "", data: Data(line.utf8)).reason
        }
    }
}
