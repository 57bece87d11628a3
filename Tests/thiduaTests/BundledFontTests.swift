import Foundation
import Testing
import ThiDuaTestSupport

/// The real `thidua` draws its PDFs with the Liberation Serif 2 it carries: the same bytes on a
/// machine with no fonts at all, fontconfig only when THIDUA_FONT_FAMILY asks for it.
@Suite struct BundledFontTests {
    /// The sample commune in `data/`, and an empty fontconfig (no font directories) beside it.
    struct Folder {
        let root = NSTemporaryDirectory() + "thidua-fonts-\(UUID().uuidString.prefix(8))"
        var data: String { root + "/data" }
        var fontconfig: String { root + "/fontconfig" }

        /// What a freshly installed machine without any font package looks like to fontconfig.
        var noSystemFonts: [String: String] {
            ["FONTCONFIG_FILE": fontconfig + "/fonts.conf", "FONTCONFIG_PATH": fontconfig]
        }

        init() throws {
            try FileManager.default.createDirectory(atPath: fontconfig, withIntermediateDirectories: true)
            try #"<?xml version="1.0"?><fontconfig></fontconfig>"#
                .write(toFile: fontconfig + "/fonts.conf", atomically: true, encoding: .utf8)
            let (code, _, err) = try ChildProcess.run(["init", "--sample", "--data-dir", data])
            #expect(code == 0, "\(err)")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// `thidua print danh-sach … -o NAME`: exit code, stderr, and the file's path.
        func printList(_ name: String, environment: [String: String] = [:]) throws -> (Int32, String, String) {
            let pdf = root + "/" + name
            let (code, _, err) = try ChildProcess.run(
                ["print", "danh-sach", "--period", "2025", "--date", "24/11/2026", "-o", pdf, "--data-dir", data],
                environment: environment.merging(["THIDUA_TODAY": "2026-11-24"]) { mine, _ in mine })
            return (code, err, pdf)
        }

        func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }
    }

    @Test func pdfMadeWithoutSystemFontsIsIdenticalToOneMadeWithThem() throws {
        let folder = try Folder()
        defer { folder.remove() }
        // The two machines really differ: this one has fonts, the empty fontconfig has none.
        #expect(!(try SystemTool.run("fc-list", [":", "file"]).1).isEmpty, "this machine has no fonts installed")
        let (noneCode, none, _) = try SystemTool.run("fc-list", [":", "file"], environment: folder.noSystemFonts)
        #expect(noneCode == 0 && none.isEmpty, "the empty fontconfig still lists: \(none)")

        let (withCode, withErr, withFonts) = try folder.printList("with-fonts.pdf")
        #expect(withCode == 0, "\(withErr)")
        let (withoutCode, withoutErr, withoutFonts) = try folder.printList("without-fonts.pdf",
                                                                           environment: folder.noSystemFonts)
        #expect(withoutCode == 0, "\(withoutErr)")
        // No PATH: an fc-match launch would fail, so this proves the default path runs none.
        let (bareCode, bareErr, noPath) = try folder.printList("no-path.pdf", environment: ["PATH": ""])
        #expect(bareCode == 0, "\(bareErr)")

        let reference = try folder.bytes(withFonts)
        #expect(try folder.bytes(withoutFonts) == reference, "the PDF depends on the installed fonts")
        #expect(try folder.bytes(noPath) == reference, "the PDF depends on fc-match")

        let (textCode, text, textErr) = try SystemTool.run("pdftotext", ["-layout", "-enc", "UTF-8", withoutFonts, "-"])
        #expect(textCode == 0, "\(textErr)")
        #expect(text.filter { !$0.isWhitespace }.count > 40, "the document is nearly empty: «\(text)»")
        let fonts = try SystemTool.pdfFonts(withoutFonts)
        #expect(!fonts.isEmpty)
        for font in fonts {
            // A subset is named ABCDEF+Font; the face is the bundled one, embedded.
            #expect(font.name.split(separator: "+").last?.hasPrefix("LiberationSerif") == true, "\(font.name)")
            #expect(font.name.contains("+"), "\(font.name) is not a subset name")
            #expect(font.embedded && font.subset, "\(font)")
        }
    }

    @Test func fontFamilyVariableAsksFontconfigForThatFamily() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (code, err, dejaVu) = try folder.printList("dejavu.pdf", environment: ["THIDUA_FONT_FAMILY": "DejaVu Serif"])
        #expect(code == 0, "\(err)")
        let fonts = try SystemTool.pdfFonts(dejaVu)
        #expect(!fonts.isEmpty)
        for font in fonts {
            #expect(font.name.contains("+DejaVuSerif"), "\(font.name)")
            #expect(font.embedded && font.subset, "\(font)")
        }
        // Empty means unset: the bundled faces, byte for byte.
        let (_, _, bundled) = try folder.printList("bundled.pdf")
        let (blankCode, blankErr, blank) = try folder.printList("blank.pdf", environment: ["THIDUA_FONT_FAMILY": ""])
        #expect(blankCode == 0, "\(blankErr)")
        #expect(try folder.bytes(blank) == folder.bytes(bundled))
    }

    /// A family asked for where fontconfig cannot answer: a Vietnamese message naming the way back.
    @Test func namedFamilyWithoutFontconfigFailsInVietnamese() throws {
        let folder = try Folder()
        defer { folder.remove() }
        let (code, err, pdf) = try folder.printList("none.pdf", environment: ["THIDUA_FONT_FAMILY": "DejaVu Serif", "PATH": ""])
        #expect(code == 1)
        #expect(err.contains("Không tìm thấy phông chữ có dấu tiếng Việt"), "\(err)")
        #expect(err.contains("không có lệnh fc-match"), "\(err)")
        #expect(err.contains("bỏ biến này thì dùng phông đi kèm chương trình"), "\(err)")
        #expect(!FileManager.default.fileExists(atPath: pdf))
    }
}
