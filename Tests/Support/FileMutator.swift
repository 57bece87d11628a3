import Foundation
import ThiDuaStore

/// Damages or hand-edits a collection file of the store in named, replayable ways.
///
/// Edits work on the pretty-printed lines the store writes (one `"key" : value` per line),
/// so each damage knows the line a good message must name. Positions are drawn from the
/// caller's generator: the same seed gives the same mutation.
public enum FileMutator {
    /// One mutation of every kind that applies to `file`.
    public static func mutations(of bytes: [UInt8], file: String, seed: UInt64) -> [FileMutation] {
        var random = SeededGenerator(seed: seed)
        return FileMutation.Kind.allCases.compactMap { mutate(bytes, file: file, kind: $0, using: &random) }
    }

    /// A mutation of `kind`, or nil when the file has nothing it applies to (no date, an empty list).
    public static func mutate(_ bytes: [UInt8], file: String, kind: FileMutation.Kind,
                              using random: inout some RandomNumberGenerator) -> FileMutation? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        func made(_ detail: String, _ bytes: [UInt8], _ expected: FileMutation.Expected) -> FileMutation {
            FileMutation(kind: kind, file: file, detail: detail, bytes: bytes, expected: expected)
        }
        func joined(_ lines: [String]) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

        switch kind {
        case .truncated:
            // Anywhere before the closing bracket, so the result is never valid JSON.
            guard let last = bytes.lastIndex(where: { !isSpace($0) }), last > 0 else { return nil }
            let cut = Int.random(in: 0..<last, using: &random)
            let kept = Array(bytes[..<cut])
            return made("giữ \(cut)/\(bytes.count) byte", kept, .refusedAt(line: kept.count { $0 == 0x0A } + 1))

        case .invalidUTF8, .windows1258:
            guard let index = pick(lines, using: &random, where: { $0.value?.hasPrefix("\"") == true }) else { return nil }
            let member = Member(lines[index])!
            // C3 28: a lead byte without its continuation. The other: «Phòng Kinh tế» as Windows-1258 writes it.
            let damaged: [UInt8] = kind == .invalidUTF8 ? [0xC3, 0x28]
                : [0x50, 0x68, 0x6F, 0xCC, 0x6E, 0x67, 0x20, 0x4B, 0x69, 0x6E, 0x68, 0x20, 0x74, 0xEA, 0xEC]
            let before = lines[..<index].map { $0 + "\n" }.joined() + member.prefix + "\""
            let after = String(member.value!.dropFirst()) + member.comma + "\n" + lines[(index + 1)...].joined(separator: "\n")
            let edited: [UInt8] = Array(before.utf8) + damaged + Array(after.utf8)
            return made("dòng \(index + 1), «\(member.key)»", edited, .refusedAt(line: index + 1))

        case .wrongType:
            guard let index = pick(lines, using: &random, where: { $0.value.map(isScalar) == true && $0.value != "null" })
            else { return nil }
            var member = Member(lines[index])!
            let value = member.value!
            member.value = value.hasPrefix("\"") ? "12345" : (value == "true" || value == "false") ? "\"có\"" : "\"mười hai\""
            lines[index] = member.line
            return made("dòng \(index + 1), «\(member.key)»: \(value) → \(member.value!)", joined(lines), .refusedAt(line: index + 1))

        case .unknownValue:
            let keys = StoreFileKind(file).choiceKeys
            guard let index = pick(lines, using: &random, where: { keys.contains($0.key) && $0.value?.hasPrefix("\"") == true })
            else { return nil }
            var member = Member(lines[index])!
            member.value = "\"không có\""
            lines[index] = member.line
            return made("dòng \(index + 1), «\(member.key)» = \(member.value!)", joined(lines), .refusedAt(line: index + 1))

        case .impossibleDate:
            guard let index = pick(lines, using: &random, where: { $0.value.map(isDate) == true }) else { return nil }
            var member = Member(lines[index])!
            member.value = "\"\(member.value!.dropFirst().prefix(4))-02-31\""
            lines[index] = member.line
            return made("dòng \(index + 1), «\(member.key)» = \(member.value!)", joined(lines), .refusedAt(line: index + 1))

        case .missingField:
            let required = StoreFileKind(file).requiredKeys
            // Only a member followed by another, so the JSON stays well-formed without it.
            guard let index = pick(lines, using: &random, where: { required.contains($0.key) && !$0.comma.isEmpty }),
                  let owner = enclosingObjectLine(lines, index) else { return nil }
            let key = Member(lines[index])!.key
            lines.remove(at: index)
            return made("bỏ «\(key)» ở dòng \(index + 1)", joined(lines), .refusedAt(line: owner + 1))

        case .duplicateID:
            let isSettings = StoreFileKind(file) == .settings
            // The first record of the file's list (of `categories` in thidua.json) is repeated after itself.
            let indent = isSettings ? "    " : "  "
            let listStart = isSettings ? lines.firstIndex { $0.hasPrefix("  \"categories\" : [") } : 0
            guard let listStart, let first = lines[(listStart + 1)...].firstIndex(where: { $0 == indent + "{" }),
                  let end = lines[first...].firstIndex(where: { $0 == indent + "}" || $0 == indent + "}," }) else { return nil }
            var copy = Array(lines[first...end])
            copy[copy.count - 1] = indent + (lines[end].hasSuffix(",") ? "}," : "}")
            lines[end] = indent + "},"
            lines.insert(contentsOf: copy, at: end + 1)
            if isSettings {
                let id = copy.compactMap(Member.init).first { $0.key == "id" }?.value?.trimmingCharacters(in: ["\""]) ?? ""
                return made("khối «\(id)» lặp lại", joined(lines), .reported(mentioning: id))
            }
            return made("bản ghi ở dòng \(first + 1) lặp lại ở dòng \(end + 2)", joined(lines), .refusedAt(line: end + 2))

        case .danglingReference:
            let references = StoreFileKind(file).references
            guard let index = pick(lines, using: &random, where: { references[$0.key] != nil && $0.value?.hasPrefix("\"") == true })
            else { return nil }
            var member = Member(lines[index])!
            let target = references[member.key]!
            member.value = "\"\(target)\""
            lines[index] = member.line
            let id = target.split(separator: ":").last.map(String.init) ?? target
            return made("dòng \(index + 1), «\(member.key)» → \(target)", joined(lines), .reported(mentioning: id))

        case .trailingGarbage:
            return made("thêm «]» cuối tệp", bytes + Array("]\n".utf8), .refusedAt(line: bytes.count { $0 == 0x0A } + 1))

        case .byteOrderMark:
            return made("thêm BOM UTF-8", [0xEF, 0xBB, 0xBF] + bytes, .accepted)

        case .nfd:
            let decomposed = text.decomposedStringWithCanonicalMapping
            guard decomposed.utf8.count != bytes.count else { return nil }
            return made("mọi chữ ở dạng NFD", Array(decomposed.utf8), .accepted)

        case .reorderedKeys, .minified:
            guard let tree = JSONText.parse(text) else { return nil }
            let rewritten = kind == .minified ? tree.text(pretty: false) : tree.reversingKeys.text(pretty: true) + "\n"
            return made(kind == .minified ? "cả tệp trên một dòng" : "khóa theo thứ tự ngược", Array(rewritten.utf8), .accepted)

        case .crlf:
            return made("xuống dòng CRLF", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), .accepted)
        }
    }

    // MARK: Lines

    /// A `"key" : value` line of a pretty-printed file; `value` is nil when it opens an object or list.
    struct Member {
        var prefix: String
        var key: String
        var value: String?
        var comma: String
        var opener: String

        init?(_ line: String) {
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), let colon = trimmed.range(of: "\" : ") else { return nil }
            prefix = String(line[..<colon.upperBound])
            key = String(trimmed[trimmed.index(after: trimmed.startIndex)..<colon.lowerBound])
            var rest = String(trimmed[colon.upperBound...])
            comma = rest.hasSuffix(",") ? "," : ""
            if !comma.isEmpty { rest.removeLast() }
            opener = rest == "{" || rest == "[" ? rest : ""
            value = opener.isEmpty ? rest : nil
        }

        var line: String { prefix + (value ?? opener) + comma }
    }

    static func pick(_ lines: [String], using random: inout some RandomNumberGenerator,
                     where matches: (Member) -> Bool) -> Int? {
        lines.indices.filter { Member(lines[$0]).map(matches) == true }.randomElement(using: &random)
    }

    /// The line (0-based) where the object holding line `index` begins.
    static func enclosingObjectLine(_ lines: [String], _ index: Int) -> Int? {
        let indent = lines[index].prefix { $0 == " " }.count
        return lines[..<index].lastIndex { line in
            line.prefix { $0 == " " }.count == indent - 2 && line.hasSuffix("{")
        }
    }

    static func isScalar(_ value: String) -> Bool { value != "{" && value != "[" && value != "[]" && value != "{}" }

    static func isDate(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        return bytes.count == 12 && bytes[0] == 0x22 && bytes[5] == 0x2D && bytes[8] == 0x2D && bytes[11] == 0x22
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
}
