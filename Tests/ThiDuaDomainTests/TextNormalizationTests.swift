import Foundation
import Testing
import ThiDuaDomain

@Suite("Text normalisation")
struct TextNormalizationTests {
    @Test func nfcComposesDecomposedText() {
        let nfd = "Nguyễn Thị Hoà".decomposedStringWithCanonicalMapping
        #expect(nfd.unicodeScalars.count > "Nguyễn Thị Hoà".unicodeScalars.count)
        let nfc = VietnameseText.nfc(nfd)
        #expect(Array(nfc.unicodeScalars) == Array("Nguy\u{1EC5}n Th\u{1ECB} Ho\u{00E0}".unicodeScalars))
        #expect(VietnameseText.nfc("ASCII only") == "ASCII only")
    }

    @Test func cleanedInputTrimsAndCollapsesWhitespace() {
        #expect(VietnameseText.cleanedInput("  Nguyễn\t\tVăn \n An  ") == "Nguyễn Văn An")
        #expect(VietnameseText.cleanedInput("A\u{00A0}\u{00A0}B") == "A B")
        #expect(VietnameseText.cleanedInput(" \t\n ") == "")
    }

    @Test func cleanedInputRemovesControlCharacters() {
        #expect(VietnameseText.cleanedInput("An\u{0}h") == "Anh")
        #expect(VietnameseText.cleanedInput("Đội\u{1B}[31m 1") == "Đội[31m 1")
        #expect(VietnameseText.cleanedInput("a \u{7F} b") == "a b")
    }

    @Test func cleanedInputIsNFC() {
        let cleaned = VietnameseText.cleanedInput(" Trần Văn Đức ".decomposedStringWithCanonicalMapping)
        #expect(Array(cleaned.unicodeScalars) == Array(VietnameseText.nfc("Trần Văn Đức").unicodeScalars))
        #expect(cleaned.unicodeScalars.count == 12)
    }

    /// The fast path of `cleanedInput` returns precomposed Latin letters untouched; that is
    /// only right if every one of them is already NFC, which this checks letter by letter.
    @Test func cleanedInputOfEveryLatinLetterIsNFC() {
        for value in Array(0x00A0..<0x0250) + Array(0x1E00..<0x1F00) {
            guard let scalar = Unicode.Scalar(value), !scalar.properties.isWhitespace else { continue }
            let text = "a\(Character(scalar))b"
            let expected = text.precomposedStringWithCanonicalMapping
            #expect(Array(VietnameseText.cleanedInput(text).unicodeScalars) == Array(expected.unicodeScalars),
                    "U+\(String(value, radix: 16))")
        }
    }
}
