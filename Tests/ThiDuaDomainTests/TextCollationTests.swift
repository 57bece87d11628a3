import Foundation
import Testing
import ThiDuaDomain

@Suite("Vietnamese collation")
struct TextCollationTests {
    /// Written by hand from §6.3: base letters over the whole string first (so "ạ" < "an" < "ă"),
    /// then tones ngang < huyền < hỏi < ngã < sắc < nặng, then lower before upper case.
    static let expectedOrder = [
        "a", "à", "ả", "ã", "á", "ạ", "an", "án",
        "ă", "ằ", "ắ", "ăn",
        "â", "ầ", "ân",
        "b", "ba", "bà", "cá",
        "da", "Dung", "dũng", "đa", "Đào",
        "e", "ê", "ễ",
        "o", "ô", "Ổn", "ơ", "Ơn",
        "u", "ư", "ửa", "y",
    ]

    @Test func shuffledSyllablesSortToTheHandWrittenOrder() {
        var generator = SplitMix64(seed: 2024)
        for _ in 0..<5 {
            let shuffled = Self.expectedOrder.shuffled(using: &generator)
            #expect(shuffled.sortedVietnamese() == Self.expectedOrder)
        }
        #expect(Self.expectedOrder.count >= 25)
    }

    @Test func reversedInputSortsToo() {
        #expect(Self.expectedOrder.reversed().sortedVietnamese() == Self.expectedOrder)
    }

    @Test func tonesOrderOnlyWhenLettersAreEqual() {
        let tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
        #expect(tones.reversed().sortedVietnamese() == tones)
        // Letters decide before tones, anywhere in the string.
        #expect(VietnameseCollation.compare("mạ", "mai") == .orderedAscending)
        #expect(VietnameseCollation.compare("Nguyên", "Nguyễn") == .orderedAscending)
        #expect(VietnameseCollation.compare("Nguyễn", "Nguyên Anh") == .orderedAscending)
    }

    @Test func modifiedLettersAreDistinctLetters() {
        #expect(VietnameseCollation.compare("Dung", "Đào") == .orderedAscending)
        #expect(VietnameseCollation.compare("Ổn", "Ơn") == .orderedAscending)
        #expect(VietnameseCollation.compare("Uyên", "Ưng") == .orderedAscending)
        #expect(VietnameseCollation.compare("Ẩn", "Ăn") == .orderedDescending)
        #expect(VietnameseCollation.compare("Ê", "Ế") == .orderedAscending)
    }

    @Test func lowerCaseBeforeUpperCaseAfterTones() {
        #expect(["Án", "án", "An", "an"].sortedVietnamese() == ["an", "An", "án", "Án"])
        #expect(VietnameseCollation.compare("đ", "Đ") == .orderedAscending)
        #expect(VietnameseCollation.compare("Đ", "Đ") == .orderedSame)
    }

    @Test func shorterStringAndWordBoundariesSortFirst() {
        let names = ["Anh", "An Bình", "An", "Ánh", "Anh Tú"]
        // Letters over the whole string come before tones: "Ánh" is a prefix of "Anh Tú".
        #expect(names.sortedVietnamese() == ["An", "An Bình", "Anh", "Ánh", "Anh Tú"])
    }

    @Test func digitsAndPunctuationBeforeLetters() {
        let units = ["Tổ A", "Tổ 2", "Tổ 1", "Tổ-1", "Tổ"]
        #expect(units.sortedVietnamese() == ["Tổ", "Tổ 1", "Tổ 2", "Tổ A", "Tổ-1"])
        #expect(VietnameseCollation.compare("9", "a") == .orderedAscending)
    }

    @Test func foreignLettersSitInTheirLatinPlaces() {
        let words = ["zô", "Wên", "jăm", "fa", "ga", "ka", "ia", "xa", "y", "va"]
        #expect(words.sortedVietnamese() == ["fa", "ga", "ia", "jăm", "ka", "va", "Wên", "xa", "y", "zô"])
    }

    @Test func decomposedInputGivesTheSameKey() {
        let samples = ["Nguyễn Thị Hồng Nhung", "Đặng Ửng", "ựa", "Phòng Văn hoá - Xã hội", "Müller", "Ελληνικά"]
        for sample in samples {
            let nfc = sample.precomposedStringWithCanonicalMapping
            let nfd = sample.decomposedStringWithCanonicalMapping
            #expect(VietnameseCollation.key(nfd) == VietnameseCollation.key(nfc))
        }
    }

    @Test func surroundingAndRepeatedWhitespaceIsIgnored() {
        #expect(VietnameseCollation.key("  Lê   Văn\tAn ") == VietnameseCollation.key("Lê Văn An"))
    }

    @Test func otherMarksAndScriptsSortDeterministically() {
        #expect(VietnameseCollation.compare("u", "ü") == .orderedAscending)
        #expect(VietnameseCollation.compare("ü", "v") == .orderedAscending)
        #expect(VietnameseCollation.compare("zz", "Ω") == .orderedAscending)
        #expect(VietnameseCollation.compare("ü", "ü") == .orderedSame)
    }

    @Test func sortByTextProperty() {
        struct Unit { let name: String; let id: Int }
        let units = [Unit(name: "Ấp Bắc", id: 1), Unit(name: "Ao Sen", id: 2), Unit(name: "Ấp Bắc", id: 3)]
        #expect(units.sortedVietnamese(by: \.name).map(\.id) == [2, 1, 3])
    }
}

/// Deterministic shuffling, so a failure can be reproduced.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
