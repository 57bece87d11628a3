import Foundation
import Testing
import ThiDuaDomain

@Suite("Search folding and queries")
struct TextSearchTests {
    @Test(arguments: [
        ("Nguyễn Thị Hồng Nhung", "nguyen thi hong nhung"),
        ("ĐỨC", "duc"),
        ("đội Thanh niên", "doi thanh nien"),
        ("Hòa", "hoa"),
        ("Hoà", "hoa"),
        ("ƯỚC ƠN ĂN ÂN", "uoc on an an"),
        ("Thủy Thủy", "thuy thuy"),
        ("Tổ 12 - Khối 3", "to 12 - khoi 3"),
        ("Müller Ñoño", "muller nono"),
        ("A\u{00A0}B", "a b"),
        ("", ""),
    ])
    func folds(_ input: String, _ expected: String) {
        #expect(VietnameseText.searchFold(input) == expected)
    }

    @Test func nfdFoldsLikeNFC() {
        let names = ["Nguyễn Thị Hồng Nhung", "Đặng Văn Ửng", "Phạm Bình Minh", "Ngô Thị Ỷ", "Ελληνικά ά"]
        for name in names {
            let nfd = name.decomposedStringWithCanonicalMapping
            let nfc = name.precomposedStringWithCanonicalMapping
            #expect(VietnameseText.searchFold(nfd) == VietnameseText.searchFold(nfc))
        }
    }

    @Test func queryTokensMustAllOccur() {
        let haystack = VietnameseText.searchFold("Nguyễn Văn An")
        #expect(SearchQuery("nguyen van").matches(haystack))
        #expect(SearchQuery("van nguyen").matches(haystack))
        #expect(SearchQuery("  NGUYỄN   an ").matches(haystack))
        #expect(!SearchQuery("nguyen thi").matches(haystack))
        #expect(SearchQuery("nguyen thi").tokens == ["nguyen", "thi"])
    }

    @Test func queryIgnoresDiacriticsBothWays() {
        #expect(SearchQuery("duc").matches(unfolded: "Trần Văn Đức"))
        #expect(SearchQuery("Đức").matches(unfolded: "Tran Van Duc"))
        #expect(SearchQuery("hoa").matches(unfolded: "Hòa"))
        #expect(SearchQuery("hoa").matches(unfolded: "Hoà"))
        #expect(SearchQuery("thuy").matches(unfolded: "Nguyễn Thị Thủy"))
        #expect(SearchQuery("thuy").matches(unfolded: "Nguyễn Thị Thủy"))
    }

    @Test func decomposedHaystackMatches() {
        let nfd = "Nguyễn Văn Đức".decomposedStringWithCanonicalMapping
        #expect(SearchQuery("nguyen van").matches(VietnameseText.searchFold(nfd)))
        #expect(SearchQuery("duc").matches(unfolded: nfd))
    }

    @Test func emptyQueryMatchesEverything() {
        #expect(SearchQuery("").isEmpty)
        #expect(SearchQuery(" \t ").isEmpty)
        #expect(SearchQuery("").matches(""))
        #expect(SearchQuery("   ").matches(VietnameseText.searchFold("Lê Văn Bình")))
    }

    @Test func tokenLongerThanHaystackDoesNotMatch() {
        #expect(!SearchQuery("nguyenvanan").matches("an"))
        #expect(SearchQuery("an").matches("an"))
    }
}
