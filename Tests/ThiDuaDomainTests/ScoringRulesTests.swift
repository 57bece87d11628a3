import Testing
@testable import ThiDuaDomain

/// The scoring rules the office relies on: totals, the self-score fallback, class bands at
/// their edges, ranking ties, and the 25/11 deadline.
@Suite struct ScoringRulesTests {
    /// Scores one unit's sheet with (self, appraised) per item code.
    private func scored(_ unit: UnitID, _ scores: [String: (Points?, Points?)], in data: Dataset) throws -> Dataset {
        var data = data
        for (code, pair) in scores {
            if let value = pair.0 {
                data = try Fixtures.apply(.setScore(year: 2026, subject: .unit(unit), item: code, field: .selfScore,
                                                    value: value), to: data)
            }
            if let value = pair.1 {
                data = try Fixtures.apply(.setScore(year: 2026, subject: .unit(unit), item: code, field: .appraised,
                                                    value: value), to: data)
            }
        }
        return data
    }

    private func totals(_ unit: UnitID, in data: Dataset) throws -> SheetTotals {
        let sheet = try #require(data.sheets[SheetKey(year: 2026, subject: .unit(unit))])
        return try #require(data.totals(of: sheet))
    }

    @Test func totalIsAppraisedPlusBonusMinusDeductions() throws {
        let data = try scored("DV0001", ["1.1": (55, 50), "1.2": (40, 35), "C": (10, 6), "T": (2, 4)], in: Fixtures.commune)
        let t = try totals("DV0001", in: data)
        #expect(t.normal == 85)
        #expect(t.bonus == 6)
        #expect(t.deductions == 4)
        #expect(t.total == 87)
        #expect(t.selfTotal == 103, "55 + 40 + 10 − 2")
        #expect(!t.usesSelfFallback)
    }

    @Test func appraisedFallsBackToSelfAndSaysSo() throws {
        let data = try scored("DV0001", ["1.1": ((try NumberInput.points().points("58,5")), nil), "1.2": (30, 32)], in: Fixtures.commune)
        let t = try totals("DV0001", in: data)
        #expect(t.normal == (try NumberInput.points().points("90,5")))
        #expect(t.fallbackItems == ["1.1"])
        #expect(t.usesSelfFallback)
        #expect(t.missingItems == ["C", "T"])
    }

    @Test(arguments: [("90", "Xuất sắc"), ("89,99", "Tốt"), ("80", "Tốt"), ("79,99", "Khá"), ("70", "Khá"),
                      ("69,99", "Không đạt"), ("0", "Không đạt"), ("110", "Xuất sắc")])
    func classBandsAtTheirEdges(total: String, expected: String) throws {
        #expect(Fixtures.rules.className(for: try NumberInput.points().points(total)) == expected)
    }

    @Test func scoresAboveTheMaximumOrBelowZeroAreRefusedNotClamped() throws {
        for value in [try NumberInput.points().points("60,01"), Points.zero - 1] {
            #expect(throws: DomainError.self) {
                try Fixtures.apply(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore,
                                             value: value), to: Fixtures.commune)
            }
        }
        do {
            _ = try Fixtures.apply(.setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore,
                                             value: 61), to: Fixtures.commune)
        } catch let error as DomainError {
            #expect(error.message.contains("phải từ 0 đến 60 (đã nhập 61)"))
        }
    }

    @Test func tiesBreakOnNormalPointsThenFewerDeductionsThenShareARank() throws {
        var data = Fixtures.commune
        data.units["DV0003"] = OrgUnit(id: "DV0003", name: "Công an xã", categoryID: "ubnd", order: 3)
        data.units["DV0004"] = OrgUnit(id: "DV0004", name: "Ban Chỉ huy Quân sự", categoryID: "ubnd", order: 4)
        // DV0001 and DV0002 both total 90: DV0002 has more normal points (90 vs 85), so it ranks first.
        data = try scored("DV0001", ["1.1": (nil, 50), "1.2": (nil, 35), "C": (nil, 5)], in: data)
        data = try scored("DV0002", ["1.1": (nil, 55), "1.2": (nil, 35)], in: data)
        // DV0003 and DV0004 tie on everything: same rank, listed by name.
        data = try scored("DV0003", ["1.1": (nil, 40), "1.2": (nil, 30)], in: data)
        data = try scored("DV0004", ["1.1": (nil, 40), "1.2": (nil, 30)], in: data)
        let nameOrder: (Subject, Subject) -> Bool = {
            VietnameseCollation.key(data.name(of: $0)) < VietnameseCollation.key(data.name(of: $1))
        }
        let ranking = data.ranking(year: 2026, categoryID: "ubnd", nameOrder: nameOrder)
        #expect(ranking.map(\.subject) == [.unit("DV0002"), .unit("DV0001"), .unit("DV0004"), .unit("DV0003")])
        #expect(ranking.map(\.rank) == [1, 2, 3, 3])
        #expect(ranking.map(\.className) == ["Xuất sắc", "Xuất sắc", "Khá", "Khá"])

        var shared = data
        shared.rules.tieRule = .sharedRank
        let sharedRanking = shared.ranking(year: 2026, categoryID: "ubnd", nameOrder: nameOrder)
        #expect(sharedRanking.map(\.rank) == [1, 1, 3, 3])
    }

    @Test func reportOnTheDeadlineDayIsOnTimeUnlessTheSettingSaysOtherwise() throws {
        var settings = Fixtures.settings
        func report(_ day: Int) throws -> ReportSubmission {
            ReportSubmission(year: 2026, unitID: "DV0001", receivedDate: try CalendarDate(year: 2026, month: 11, day: day),
                             documentNumber: "15/BC-UBND")
        }
        #expect(settings.timeliness(of: try report(24)) == .onTime)
        #expect(settings.timeliness(of: try report(25)) == .onTime)
        #expect(settings.timeliness(of: try report(26)) == .late)
        settings.deadlineDayIsOnTime = false
        #expect(settings.timeliness(of: try report(25)) == .late)
        #expect(settings.timeliness(of: try report(24)) == .onTime)
    }
}
