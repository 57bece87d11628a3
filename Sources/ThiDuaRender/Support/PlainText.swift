import Foundation
import ThiDuaDomain

/// Text helpers shared by the writers. Every writer works on NFC text: input typed in Unikey's
/// "Unicode tổ hợp" mode arrives decomposed, and both glyph lookup and column widths need one
/// precomposed letter per character.
enum PlainText {
    static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// NFC without invisible characters that fonts lack and that only arrive by pasting (control
    /// characters other than line breaks and tabs, zero-width spaces and joiners, a stray BOM),
    /// so a pasted name never stops a print with a "missing glyph" error.
    static func printable(_ text: String) -> String {
        // Nearly every text already is: told from its UTF-8, without Foundation's round trip
        // (which was a third of laying out a 500-row list).
        if VietnameseText.isSurelyNFC(text) && !hasInvisibleBelow0x300(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in nfc(text).unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D, 0x09: scalars.append(scalar)
            case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200D, 0x2060, 0xFEFF: continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// Whether `text` holds a control character `printable` drops (C0 other than line breaks
    /// and tabs, DEL, C1); the other invisibles are above U+0300, where `isSurelyNFC` says no.
    private static func hasInvisibleBelow0x300(_ text: String) -> Bool {
        var afterC2 = false
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F { return true }
            if afterC2 && (0x80...0x9F).contains(byte) { return true }  // U+0080–U+009F
            afterC2 = byte == 0xC2
        }
        return false
    }

    /// Terminal/text width: grapheme clusters of the NFC text, so combining marks never count;
    /// a blank to fill in counts as the spaces it prints as.
    static func width(_ text: String) -> Int {
        withBlanksExpanded(printable(text)).count
    }

    /// Spaces a blank prints as in plain text: about 2.5 mm per character of a 13 pt serif.
    static func spaces(for blank: Document.Blank) -> Int {
        max(1, Int((blank.millimetres / 2.5).rounded()))
    }

    /// One cell of an expanded blank while wrapping: not a space, so the blank is never split
    /// off or collapsed, and turned into a space once the line is made.
    private static let blankCell = Character(Unicode.Scalar(Document.Blank.firstScalar)!)

    private static func withBlanksExpanded(_ text: String) -> String {
        Document.Blank.pieces(of: text).map { piece in
            switch piece {
            case .text(let text): return text
            case .blank(let blank): return String(repeating: blankCell, count: spaces(for: blank))
            }
        }.joined()
    }

    /// Blanks written as spaces, for writers that have nothing better (CSV).
    static func blanksAsSpaces(_ text: String) -> String {
        String(withBlanksExpanded(text).map { $0 == blankCell ? " " : $0 })
    }

    /// A document's table cell for the writers of cells of text (CSV, XLSX): NFC, a blank to
    /// fill in as spaces.
    static func cell(_ value: String) -> String {
        blanksAsSpaces(nfc(value))
    }

    /// The pieces of `text` that no writer breaks: the words between spaces, tabs and line
    /// breaks (a blank belongs to the word it touches). Column widths start from the widest.
    static func unbreakablePieces(_ text: String) -> [String] {
        printable(text).split { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" }.map(String.init)
    }

    /// Greedy word wrap (of printable NFC text) at spaces into lines of at most `width` graphemes; words longer than a line
    /// are cut. "\n" always breaks. `indent` spaces open the first line. Never returns an empty array.
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        let limit = max(1, width)
        var lines: [String] = []
        let clean = withBlanksExpanded(printable(text)).replacingOccurrences(of: "\t", with: " ")
            .replacingOccurrences(of: "\r\n", with: "\n")
        for paragraph in clean.split(separator: "\n", omittingEmptySubsequences: false) {
            var prefix = lines.isEmpty ? String(repeating: " ", count: min(max(0, indent), limit - 1)) : ""
            var line = ""
            func room() -> Int { limit - prefix.count }
            func emit() {
                lines.append(prefix + String(line.map { $0 == blankCell ? " " : $0 }))
                line = ""
                prefix = ""
            }
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                var piece = String(word)
                if !line.isEmpty {
                    if line.count + 1 + piece.count <= room() {
                        line += " " + piece
                        continue
                    }
                    emit()
                }
                while piece.count > room() {
                    let cut = piece.index(piece.startIndex, offsetBy: room())
                    line = String(piece[..<cut])
                    emit()
                    piece = String(piece[cut...])
                }
                line = piece
            }
            emit()
        }
        return lines.isEmpty ? [""] : lines
    }

    static func pad(_ text: String, to width: Int, alignment: Document.Alignment) -> String {
        let gap = max(0, width - text.count)
        switch alignment {
        case .left, .justify:
            return text + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + text
        case .center:
            let before = gap / 2
            return String(repeating: " ", count: before) + text + String(repeating: " ", count: gap - before)
        }
    }
}
