import Foundation
import Testing
@testable import ThiDuaRender

/// `PlainText.printable` returns text as it is when it is already printable NFC (told from
/// its bytes); on random text mixing controls, C1, zero-width marks and decomposed letters it
/// must still equal its definition: the NFC text without those invisibles.
@Suite struct PrintableTextTests {
    static let pool: [Unicode.Scalar] = Array("aĐơ ễ\t\n\r".unicodeScalars) + [
        "\u{0000}", "\u{001B}", "\u{007F}", "\u{0085}", "\u{009F}", "\u{00A0}", "\u{00C2}", "\u{0080}",
        "\u{0301}", "\u{0323}", "\u{200B}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{2013}", "\u{4E2D}", "\u{1F600}",
    ]

    static func dropped(_ value: UInt32) -> Bool {
        switch value {
        case 0x0A, 0x0D, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200D, 0x2060, 0xFEFF: true
        default: false
        }
    }

    @Test func printableIsNFCWithoutInvisiblesAndKeepsPrintableText() {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0..<10, using: &random) { scalars.append(Self.pool.randomElement(using: &random)!) }
            let text = String(scalars)
            let expected = String(String.UnicodeScalarView(
                text.precomposedStringWithCanonicalMapping.unicodeScalars.filter { !Self.dropped($0.value) }))
            let printable = PlainText.printable(text)
            #expect(Array(printable.unicodeScalars) == Array(expected.unicodeScalars), "\(text.debugDescription)")
        }
    }
}
