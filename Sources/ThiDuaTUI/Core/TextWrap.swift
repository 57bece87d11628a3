/// Greedy word wrapping by display width, for dialogs and messages.
public enum TextWrap {
    /// Splits `text` into lines no wider than `width`; existing newlines are
    /// kept, and a word wider than the line is cut by `DisplayWidth.prefix`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for wordSub in paragraph.split(separator: " ") {
                var word = String(wordSub)
                let candidate = line.isEmpty ? word : line + " " + word
                if candidate.displayWidth <= width { line = candidate; continue }
                if !line.isEmpty { lines.append(line); line = "" }
                while word.displayWidth > width {
                    let head = DisplayWidth.prefix(word, width: width)
                    guard !head.isEmpty else { word = ""; break }
                    lines.append(head)
                    word.removeFirst(head.count)
                }
                line = word
            }
            lines.append(line)
        }
        return lines
    }
}
