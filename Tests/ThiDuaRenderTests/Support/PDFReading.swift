import Foundation
import Testing
@testable import ThiDuaRender

/// What the poppler tools say about a PDF written to a temporary file.
/// The file is removed when the reading goes away (set THIDUA_KEEP_TEST_FILES=1 to keep it).
final class PDFReading {
    let url: URL

    init(_ data: Data, name: String) throws {
        url = TempFiles.url(name)
        try data.write(to: url)
    }

    deinit {
        if ProcessInfo.processInfo.environment["THIDUA_KEEP_TEST_FILES"] == nil {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// pdftotext -layout, one string per page (pages end with a form feed).
    func pages() throws -> [String] {
        let output = try Tools.run("pdftotext", ["-layout", "-enc", "UTF-8", url.path, "-"])
        #expect(output.status == 0, "pdftotext failed: \(output.stderr)")
        var pages = output.stdout.components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    func info() throws -> String {
        let output = try Tools.run("pdfinfo", [url.path])
        #expect(output.status == 0, "pdfinfo failed: \(output.stderr)")
        return output.stdout
    }

    /// The font rows of pdffonts (after its two heading lines).
    func fonts() throws -> [String] {
        let output = try Tools.run("pdffonts", [url.path])
        #expect(output.status == 0, "pdffonts failed: \(output.stderr)")
        return Array(output.stdout.split(separator: "\n").dropFirst(2).map(String.init))
    }

    func qpdfCheck() throws -> Tools.Output {
        try Tools.run("qpdf", ["--check", url.path])
    }

    /// Index of the first page containing `text`.
    static func page(of text: String, in pages: [String]) -> Int? {
        pages.firstIndex { $0.contains(text) }
    }

    static func occurrences(of text: String, in haystack: String) -> Int {
        haystack.components(separatedBy: text).count - 1
    }
}
