import Foundation
import Testing

/// The program's own words use one spelling style: the tone mark on the first vowel of an
/// open «oa», «oe», «uy» («xóa», «hủy», «khóa», «Ủy ban», as in «CỘNG HÒA»). The plan's own
/// wording (the office's name «Phòng Văn hoá - Xã hội», «Đảng uỷ») and whatever users type are
/// kept as written, and the Telex code names both styles on purpose.
@Suite struct SpellingStyleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A tone on the second vowel of an open «oa», «oe», «uy» at the end of a word; «quý» is
    /// «qu» + «ý», the same in both styles.
    static let newStyle = try! NSRegularExpression(
        pattern: "(?<![qQ])([oO][áàảãạ]|[oO][éèẻẽẹ]|[uU][ýỳỷỹỵ])(?![\\p{L}])")

    /// Words of the plan, kept as the plan writes them.
    static let planWords = ["Văn hoá", "Đảng uỷ", "VĂN HOÁ"]

    @Test func theProgramsOwnWordsUseOneStyle() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" && !$0.lastPathComponent.hasPrefix("Telex") }
            .sorted { $0.path < $1.path }
        #expect(files.count > 100)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for (number, line) in text.components(separatedBy: "\n").enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                // Comments may quote either style when they explain the two; tone-style labels show both.
                if code.hasPrefix("//") || line.contains("toneStyles") { continue }
                var checked = line
                for word in Self.planWords { checked = checked.replacingOccurrences(of: word, with: "") }
                let range = NSRange(checked.startIndex..., in: checked)
                if Self.newStyle.firstMatch(in: checked, range: range) != nil {
                    found.append("\(file.lastPathComponent):\(number + 1): \(code)")
                }
            }
        }
        #expect(found.isEmpty, "new-style spellings in the program's words:\n\(found.joined(separator: "\n"))")
    }
}
