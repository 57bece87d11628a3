import Testing
@testable import ThiDuaDomain

/// The one rule for «this looks like a record we already have», before import and adding.
@Suite struct LikelyDuplicateTests {
    static var data: Dataset {
        var data = Fixtures.commune
        data.units["DV0003"] = OrgUnit(id: "DV0003", name: "Thôn Đồng Bẩm", categoryID: "thon", order: 1)
        data.units["DV0004"] = OrgUnit(id: "DV0004", name: "Thôn Đồng Bẩm", categoryID: "ubnd", order: 3, archived: true)
        return data
    }

    @Test func aUnitOfTheSameKhoiWithTheSameFoldedNameIsADuplicate() {
        let typed = OrgUnit(id: "DV0010", name: "  thôn  đồng bẩm ", categoryID: "thon")
        let found = Self.data.likelyDuplicate(of: typed)
        #expect(found == LikelyDuplicate(existing: .unit("DV0003"), message: "trùng với DV0003 «Thôn Đồng Bẩm» (cùng khối Thôn)"))
        #expect(Self.data.likelyDuplicate(of: OrgUnit(id: "DV0010", name: "Thon Dong Bam", categoryID: "thon"))?.existing == .unit("DV0003"),
                "accents and đ are ignored")
        #expect(Self.data.likelyDuplicate(of: OrgUnit(id: "DV0010", name: "Thôn Đồng Bẩm", categoryID: "ubnd"))?.message
                == "trùng với DV0004 «Thôn Đồng Bẩm» (cùng khối UBND, đã lưu trữ)")
        #expect(Self.data.likelyDuplicate(of: OrgUnit(id: "DV0010", name: "Thôn Đồng Bẩm 2", categoryID: "thon")) == nil)
        #expect(Self.data.likelyDuplicate(of: OrgUnit(id: "DV0003", name: "Thôn Đồng Bẩm", categoryID: "thon")) == nil,
                "a record is not its own duplicate (an update)")
    }

    @Test func aPersonWithTheSameNameBirthYearAndUnitIsADuplicate() {
        let typed = Person(id: "CN00009", fullName: "nguyen thi hoa", gender: .female, birthYear: 1985, unitID: "DV0001", kind: .congChuc)
        #expect(Self.data.likelyDuplicate(of: typed)
                == LikelyDuplicate(existing: .person("CN00001"), message: "trùng với CN00001 «Nguyễn Thị Hòa» (sinh 1985, Phòng Kinh tế)"))
        var other = typed
        other.birthYear = 1990
        #expect(Self.data.likelyDuplicate(of: other) == nil, "another birth year is another person")
        other = typed
        other.unitID = "DV0002"
        #expect(Self.data.likelyDuplicate(of: other) == nil, "another unit is another person")
    }
}
