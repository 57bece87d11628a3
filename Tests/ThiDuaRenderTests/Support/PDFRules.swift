import Foundation
import Testing

/// The straight lines a PDF strokes, read back from its page content streams: a line is not
/// text, so pdftotext cannot see it. qpdf writes the file uncompressed in QDF form (each page's
/// content marked by a comment), and this reads the `x1 y1 m x2 y2 l` pairs our writer emits.
struct PDFRule: Equatable {
    /// In pdftotext's space: points from the top-left corner, y down.
    var x1: Double
    var x2: Double
    var y: Double

    var length: Double { abs(x2 - x1) }
    var centre: Double { (x1 + x2) / 2 }
}

extension PDFReading {
    /// The horizontal lines of every page.
    func horizontalRules(pageHeight: Double) throws -> [[PDFRule]] {
        let qdf = TempFiles.url(url.lastPathComponent + ".qdf")
        defer { try? FileManager.default.removeItem(at: qdf) }
        let output = try Tools.run("qpdf", ["--qdf", "--object-streams=disable", url.path, qdf.path])
        #expect(output.status == 0, "qpdf --qdf failed: \(output.stderr)")
        let text = String(decoding: try Data(contentsOf: qdf), as: UTF8.self)
        let segment = try NSRegularExpression(pattern: #"^(-?[0-9.]+) (-?[0-9.]+) m (-?[0-9.]+) (-?[0-9.]+) l$"#,
                                              options: [.anchorsMatchLines])
        // QDF opens each page's content stream with «%% Contents for page N».
        return text.components(separatedBy: "%% Contents for page ").dropFirst().map { chunk in
            let stream = chunk.components(separatedBy: "endstream").first ?? ""
            let range = NSRange(stream.startIndex..., in: stream)
            return segment.matches(in: stream, range: range).compactMap { match -> PDFRule? in
                func value(_ index: Int) -> Double { Double(stream[Range(match.range(at: index), in: stream)!])! }
                guard abs(value(2) - value(4)) < 0.01 else { return nil }
                return PDFRule(x1: min(value(1), value(3)), x2: max(value(1), value(3)), y: pageHeight - value(2))
            }
        }
    }
}
