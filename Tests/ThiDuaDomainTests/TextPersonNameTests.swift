import Foundation
import Testing
import ThiDuaDomain

@Suite("Person names")
struct TextPersonNameTests {
    @Test func defaultSplitTakesTheLastWord() {
        let split = PersonName.splitDefault("  Nguyễn  Thị Hồng Nhung ")
        #expect(split.familyAndMiddle == "Nguyễn Thị Hồng")
        #expect(split.given == "Nhung")
        #expect(PersonName.splitDefault("An") == (familyAndMiddle: "", given: "An"))
        #expect(PersonName.splitDefault("  ") == (familyAndMiddle: "", given: ""))
    }

    @Test func resolvedNamesWithoutUserChoice() {
        let name = PersonName(fullName: "Lê Văn Bình")
        #expect(name.givenName == nil)
        #expect(name.givenNameResolved == "Bình")
        #expect(name.familyAndMiddle == "Lê Văn")
    }

    @Test func compoundGivenNameChosenByUser() {
        let name = PersonName(fullName: "Phạm Bình Minh", givenName: "Bình Minh")
        #expect(name.givenNameResolved == "Bình Minh")
        #expect(name.familyAndMiddle == "Phạm")
        let whole = PersonName(fullName: "Minh", givenName: "Minh")
        #expect(whole.familyAndMiddle == "")
    }

    @Test func givenNameThatIsNotTheEndKeepsTheWholeName() {
        let name = PersonName(fullName: "Nguyễn Văn Tèo", givenName: "Tí")
        #expect(name.givenNameResolved == "Tí")
        #expect(name.familyAndMiddle == "Nguyễn Văn Tèo")
    }

    @Test func inputIsCleanedAndEmptyGivenNameIsNil() {
        let name = PersonName(fullName: " Trần   Văn An ".decomposedStringWithCanonicalMapping, givenName: "  ")
        #expect(name.fullName == "Trần Văn An")
        #expect(name.givenName == nil)
        let nfd = PersonName(fullName: "Phạm Bình Minh", givenName: "Bình Minh".decomposedStringWithCanonicalMapping)
        #expect(nfd.familyAndMiddle == "Phạm")
    }

    @Test func codableRoundTrip() throws {
        let names = [PersonName(fullName: "Phạm Bình Minh", givenName: "Bình Minh"), PersonName(fullName: "Lê Văn Bình")]
        let data = try JSONEncoder().encode(names)
        #expect(try JSONDecoder().decode([PersonName].self, from: data) == names)
        let json = Data(#"{"fullName":"  Đỗ  Thị Bích ","givenName":""}"#.utf8)
        #expect(try JSONDecoder().decode(PersonName.self, from: json) == PersonName(fullName: "Đỗ Thị Bích"))
    }

    @Test func peopleSortByGivenNameThenFamilyAndMiddle() {
        // Same given name: by family and middle name, so Lê Thị < Lê Văn < Nguyễn Thị.
        let expected = [
            "Hoàng An", "Trần Văn An", "Bùi Thị Ánh", "Đỗ Thị Bích",
            "Lê Thị Bình", "Lê Văn Bình", "Nguyễn Thị Bình", "Phạm Bình Minh",
            "Nguyễn Văn Dũng", "Vũ Đức", "Ngô Minh",
        ]
        let people = expected.map { full in
            PersonName(fullName: full, givenName: full == "Phạm Bình Minh" ? "Bình Minh" : nil)
        }
        var generator = SplitMix64(seed: 7)
        for _ in 0..<5 {
            let sorted = people.shuffled(using: &generator).sorted { $0.sortKey < $1.sortKey }
            #expect(sorted.map(\.fullName) == expected)
        }
    }

    @Test func fullNameBreaksTies() {
        let plain = PersonName(fullName: "Lê Văn An")
        let chosen = PersonName(fullName: "Lê Văn An", givenName: "An")
        #expect(plain.sortKey == chosen.sortKey)
        let lower = PersonName(fullName: "lê văn an")
        #expect(lower.sortKey < plain.sortKey)
    }
}
