import Foundation
import Testing
import ThiDuaDomain

/// The search index answers exactly what reading every text answers: random Vietnamese names
/// (diacritics, đ/Đ, mixed case, some decomposed, some in other scripts) and random queries
/// (substrings, prefixes, several words, diacritics or not, empty), with a seeded generator
/// so a failure reproduces.
@Suite struct SearchIndexTests {
    private static let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
                                   "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đoàn", "Đinh", "Ưng", "Ông"]
    private static let middles = ["Văn", "Thị", "Đức", "Hữu", "Ngọc", "Minh", "Thu", "Xuân", "Quốc", "Thanh", "Ái"]
    private static let givens = ["An", "Bình", "Châu", "Dũng", "Đạt", "Giang", "Hòa", "Hoà", "Khánh", "Lâm", "Mỹ",
                                 "Nhung", "Oanh", "Phúc", "Quyên", "Sơn", "Thủy", "Uyên", "Việt", "Yến", "Ỷ", "Ửng"]
    private static let places = ["Thôn Đông", "Xóm Đình", "UBND xã", "Trường THCS", "Hợp tác xã Đồng Tâm", "Tổ 12 - Khối 3",
                                 "Ελληνικά", "Müller GmbH", "Công an xã", "Đội Thanh niên"]

    private func pick<T>(_ items: [T], _ random: inout SplitMix64) -> T { items[Int(random.next() % UInt64(items.count))] }

    /// Upper or lower case per letter, sometimes decomposed (NFD), as pasted text may be.
    private func scramble(_ text: String, _ random: inout SplitMix64) -> String {
        var out = ""
        for character in text {
            let s = String(character)
            out += random.next() % 3 == 0 ? s.uppercased() : s
        }
        return random.next() % 5 == 0 ? out.decomposedStringWithCanonicalMapping : out
    }

    private func randomText(_ n: Int, _ random: inout SplitMix64) -> String {
        var words = [pick(Self.families, &random)]
        for _ in 0..<Int(random.next() % 3) { words.append(pick(Self.middles, &random)) }
        words.append(pick(Self.givens, &random))
        words.append(String(format: "CN%05d", n))
        if random.next() % 2 == 0 { words.append(pick(Self.places, &random)) }
        return scramble(words.joined(separator: " "), &random)
    }

    /// A query as someone types it: part of a text (with its diacritics or without, any case),
    /// several such parts, a stray letter, or nothing.
    private func randomQuery(_ texts: [String], _ random: inout SplitMix64) -> String {
        func part() -> String {
            let source = texts.isEmpty ? "đ" : pick(texts, &random)
            let characters = Array(source)
            let start = random.next() % 3 == 0 ? 0 : Int(random.next() % UInt64(characters.count))
            let length = 1 + Int(random.next() % UInt64(min(8, characters.count - start)))
            var text = String(characters[start..<start + length])
            if random.next() % 2 == 0 { text = VietnameseText.searchFold(text) }
            return scramble(text, &random)
        }
        switch random.next() % 8 {
        case 0: return ""
        case 1: return "  "
        case 2: return pick(["đ", "Đ", "d", "ư", "ơ", "â", "ă", "x", "q", "9", "ζ", "-"], &random)
        case 3: return part() + " " + part()
        case 4: return part() + " " + part() + "  " + part()
        default: return part()
        }
    }

    private func expectSameAsReadingEveryText(_ folded: [String], _ query: SearchQuery, _ index: SearchIndex) {
        let read = folded.indices.filter { query.matches(folded[$0]) }
        let hits = index.matches(query)
        #expect(hits.positions == read, "query «\(query.text)»")
        #expect(hits.count == read.count)
    }

    @Test(arguments: [0, 1, 7, 300, 3000])
    func findsExactlyWhatAFullScanFinds(count: Int) {
        var random = SplitMix64(seed: 0x5EA2C4 &+ UInt64(count))
        let texts = (0..<count).map { randomText($0, &random) }
        let folded = texts.map(VietnameseText.searchFold)
        let index = SearchIndex(folded: folded)
        #expect(index.count == count)
        for _ in 0..<400 {
            expectSameAsReadingEveryText(folded, SearchQuery(randomQuery(texts, &random)), index)
        }
    }

    @Test func typedLetterByLetterAndBackAgain() {
        var random = SplitMix64(seed: 21)
        let texts = (0..<2000).map { randomText($0, &random) }
        let folded = texts.map(VietnameseText.searchFold)
        let index = SearchIndex(folded: folded)
        for typed in ["Nguyễn Văn An", "đặng thị", "cn0012", "ĐỖ HỮU PHÚC", "xa ubnd", "ελλ"] {
            let characters = Array(typed)
            let prefixes = (0...characters.count).map { String(characters[0..<$0]) }
            for query in prefixes + prefixes.reversed() {
                expectSameAsReadingEveryText(folded, SearchQuery(query), index)
            }
        }
    }

    @Test func anEmptyQueryFindsEveryTextAndAnAbsentOneNone() {
        let folded = ["nguyen van an", "tran thi binh", ""].map(VietnameseText.searchFold)
        let index = SearchIndex(folded: folded)
        #expect(index.matches(SearchQuery("")).positions == [0, 1, 2])
        #expect(index.matches(SearchQuery("zz")).positions == [])
        #expect(index.matches(SearchQuery("Bình")).positions == [1])
        #expect(index.matches(SearchQuery("van an")).positions == [0], "each word on its own")
        #expect(index.matches(SearchQuery("an an")).positions == [0, 1], "«an» is in «tran» too")
    }
}
