import Foundation
import Testing
import ThiDuaDomain

/// `isSurelyNFC` and `cleanedInput` read a string's UTF-8 directly. On random text mixing
/// every kind of scalar they meet (ASCII, precomposed and decomposed Vietnamese, spaces and
/// controls, other scripts, symbols beyond the first plane) they must answer as the scalars say.
@Suite struct TextScalarScanTests {
    static let pool: [Unicode.Scalar] = Array("aAđĐ ơƯ ễỆ \t\n".unicodeScalars) + [
        "\u{0301}", "\u{0323}", "\u{00A0}", "\u{0000}", "\u{001B}", "\u{007F}", "\u{2013}", "\u{00AB}",
        "\u{20AB}", "\u{4E2D}", "\u{0E01}", "\u{1F600}", "\u{10348}", "\u{FB01}", "\u{212B}", "\u{0340}",
    ]

    static func randomText(_ random: inout SplitMix64) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int(random.next() % 12) { scalars.append(pool[Int(random.next() % UInt64(pool.count))]) }
        return String(scalars)
    }

    @Test func surelyNFCIsNeverWrongAndAgreesWithTheScalars() {
        var random = SplitMix64(seed: 21)
        for _ in 0..<4_000 {
            let text = Self.randomText(&random)
            let sure = VietnameseText.isSurelyNFC(text)
            if sure { #expect(Array(text.unicodeScalars) == Array(text.precomposedStringWithCanonicalMapping.unicodeScalars), "\(text.debugDescription)") }
            if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { #expect(sure) }
            if text.unicodeScalars.contains(where: { $0.value > 0xFFFF || (0x300..<0x370).contains($0.value) }) { #expect(!sure) }
        }
    }

    @Test func cleanedInputIsCleanNFCAndKeepsCleanTextAsItIs() {
        var random = SplitMix64(seed: 22)
        for _ in 0..<4_000 {
            let text = Self.randomText(&random)
            let cleaned = VietnameseText.cleanedInput(text)
            #expect(VietnameseText.cleanedInput(cleaned) == cleaned)
            #expect(!cleaned.hasPrefix(" ") && !cleaned.hasSuffix(" ") && !cleaned.contains("  "))
            #expect(!cleaned.unicodeScalars.contains { $0.properties.generalCategory == .control })
            #expect(Array(cleaned.unicodeScalars) == Array(cleaned.precomposedStringWithCanonicalMapping.unicodeScalars))
        }
    }
}
