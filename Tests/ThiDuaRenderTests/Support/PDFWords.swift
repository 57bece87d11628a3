import Foundation
import Testing

/// Words of a PDF with their boxes, as `pdftotext -bbox` reads them (points, origin top-left,
/// y down), and the same grouped into text lines by their common baseline.
struct PDFWord: Equatable {
    var text: String
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double

    var width: Double { xMax - xMin }
}

struct PDFTextLine {
    var words: [PDFWord]
    var text: String { words.map(\.text).joined(separator: " ") }
    var xMin: Double { words.map(\.xMin).min() ?? 0 }
    var xMax: Double { words.map(\.xMax).max() ?? 0 }
    var yMin: Double { words.map(\.yMin).min() ?? 0 }
    var yMax: Double { words.map(\.yMax).max() ?? 0 }
}

extension PDFReading {
    /// Every page's words in reading order of pdftotext.
    func words() throws -> [[PDFWord]] {
        let output = try Tools.run("pdftotext", ["-bbox", "-enc", "UTF-8", url.path, "-"])
        #expect(output.status == 0, "pdftotext -bbox failed: \(output.stderr)")
        var pages: [[PDFWord]] = []
        let pattern = try NSRegularExpression(
            pattern: #"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        for chunk in output.stdout.components(separatedBy: "<page ").dropFirst() {
            let range = NSRange(chunk.startIndex..., in: chunk)
            pages.append(pattern.matches(in: chunk, range: range).map { match in
                func group(_ index: Int) -> String { String(chunk[Range(match.range(at: index), in: chunk)!]) }
                return PDFWord(text: Self.unescape(group(5)), xMin: Double(group(1))!, yMin: Double(group(2))!,
                               xMax: Double(group(3))!, yMax: Double(group(4))!)
            })
        }
        return pages
    }

    /// A page's words as lines, top to bottom, each left to right: words whose baselines (their
    /// box bottoms, the same for one font size) are within a point belong to one line.
    static func lines(_ words: [PDFWord]) -> [PDFTextLine] {
        var lines: [PDFTextLine] = []
        for word in words.sorted(by: { ($0.yMax, $0.xMin) < ($1.yMax, $1.xMin) }) {
            if let last = lines.last, abs(last.words[0].yMax - word.yMax) < 1 {
                lines[lines.count - 1].words.append(word)
            } else {
                lines.append(PDFTextLine(words: [word]))
            }
        }
        return lines.map { PDFTextLine(words: $0.words.sorted { $0.xMin < $1.xMin }) }
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
