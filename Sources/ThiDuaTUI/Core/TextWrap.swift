/// Greedy word wrapping by display width, for dialogs and messages.
public enum TextWrap {
    /// Splits `text` into lines no wider than `width`; existing newlines are
    /// kept, and a word wider than the line is cut by `DisplayWidth.prefix`.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            // The line's width is kept as words are added, each word measured once: a space
            // never joins the grapheme before it, and what follows it adds its own width.
            // (Measuring the whole line again for every word made the footer of the score
            // grid, wrapped on every key, cost more than the grid's rows.)
            var lineWidth = 0
            for wordSub in paragraph.split(separator: " ") {
                var word = String(wordSub)
                var wordWidth = word.displayWidth
                let candidateWidth = line.isEmpty ? wordWidth : lineWidth + 1 + wordWidth
                if candidateWidth <= width {
                    line = line.isEmpty ? word : line + " " + word
                    lineWidth = candidateWidth
                    continue
                }
                if !line.isEmpty { lines.append(line); line = "" }
                while wordWidth > width {
                    let head = DisplayWidth.prefix(word, width: width)
                    guard !head.isEmpty else { word = ""; wordWidth = 0; break }
                    lines.append(head)
                    word.removeFirst(head.count)
                    wordWidth = word.displayWidth
                }
                line = word
                lineWidth = wordWidth
            }
            lines.append(line)
        }
        return lines
    }
}
