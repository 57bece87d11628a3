@testable import ThiDuaDomain

/// A small commune built in code, so domain tests need no files.
enum Fixtures {
    static let context = ChangeContext(clock: FixedClock(year: 2026, month: 11, day: 24), user: "kiểm thử")

    static var settings: Settings {
        Settings(communeName: "Phong Quang", provinceName: "Thái Nguyên",
                 issuingBodyLines: ["ỦY BAN NHÂN DÂN", "XÃ PHONG QUANG"], issuingBodyCode: "UBND",
                 officeName: "Phòng Văn hoá - Xã hội", officeCode: "VHXH", movementName: "Phong trào",
                 planReference: "Kế hoạch", phaseStartYear: 2025, phaseEndYear: 2030, midTermYear: 2027,
                 signer: Signer(authority: "TM. ỦY BAN NHÂN DÂN", title: "CHỦ TỊCH", name: "Nguyễn Ánh Xuân"),
                 unitReportDeadline: DayOfYear(day: 25, month: 11), communeReportDeadline: DayOfYear(day: 30, month: 11),
                 deadlineDayIsOnTime: true, telexToneStyle: .old)
    }

    static var rules: Rules {
        Rules(classBands: [ClassBand(name: "Xuất sắc", minimum: 90), ClassBand(name: "Tốt", minimum: 80),
                           ClassBand(name: "Khá", minimum: 70)],
              belowBandsName: "Không đạt", tieRule: .normalThenDeductions, voteThresholds: [:],
              defaultVoteThreshold: VoteThreshold(percent: 50, strictlyMore: true), eligibility: [])
    }

    static var empty: Dataset {
        var data = Dataset(
            settings: settings,
            categories: [UnitCategory(id: "ubnd", name: "Cơ quan thuộc UBND", shortName: "UBND", order: 1, criteriaGroupID: "III.1"),
                         UnitCategory(id: "thon", name: "Các thôn", shortName: "Thôn", order: 2, criteriaGroupID: "THON")],
            criteriaGroups: [CriteriaGroup(id: "III.1", name: "Cơ quan", subjectKind: .collective, planSection: "III.1", note: nil),
                             CriteriaGroup(id: "THON", name: "Thôn", subjectKind: .collective, planSection: nil, note: "tự xây dựng"),
                             CriteriaGroup(id: "III.4", name: "Cá nhân", subjectKind: .individual, planSection: "III.4", note: nil)],
            catalog: AwardCatalog(
                forms: [AwardForm(id: "giay-khen-xa", name: "Giấy khen của Chủ tịch UBND xã", issuer: "Chủ tịch UBND xã",
                                  rank: 1, periods: [.yearly, .midTerm, .endOfPhase], decidedInCommune: true),
                        AwardForm(id: "huan-chuong", name: "Huân chương Lao động", issuer: "Chủ tịch nước", rank: 4,
                                  periods: [.endOfPhase], decidedInCommune: false, grades: ["hạng Ba"])],
                titles: [AwardTitle(id: "ldtt", name: "Lao động tiên tiến", subjectKind: .individual)]),
            rules: rules)
        data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.1")] = CriteriaSet(year: 2026, groupID: "III.1", items: [
            CriteriaItem(code: "1.1", text: "Triển khai", maximum: 60),
            CriteriaItem(code: "1.2", text: "Dữ liệu số", maximum: 40),
            CriteriaItem(code: "C", text: "Sáng kiến", maximum: 10, kind: .bonus),
            CriteriaItem(code: "T", text: "Vi phạm", maximum: 10, kind: .deduction),
        ])
        data.criteriaSets[CriteriaSetKey(year: 2026, groupID: "III.4")] = CriteriaSet(year: 2026, groupID: "III.4", items: [
            CriteriaItem(code: "4.1", text: "Sáng kiến", maximum: 50),
            CriteriaItem(code: "4.2", text: "Đóng góp", maximum: 50),
        ])
        return data
    }

    /// Two units and a person, no scores.
    static var commune: Dataset {
        var data = empty
        data.units["DV0001"] = OrgUnit(id: "DV0001", name: "Phòng Kinh tế", categoryID: "ubnd", order: 1)
        data.units["DV0002"] = OrgUnit(id: "DV0002", name: "Văn phòng HĐND và UBND", categoryID: "ubnd", order: 2)
        data.people["CN00001"] = Person(id: "CN00001", fullName: "Nguyễn Thị Hòa", gender: .female, birthYear: 1985,
                                        position: "Chuyên viên", unitID: "DV0001", kind: .congChuc)
        return data
    }

    static func apply(_ change: Change, to data: Dataset) throws -> Dataset {
        try data.apply(change, context: context).dataset
    }
}
