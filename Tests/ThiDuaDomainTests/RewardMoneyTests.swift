import Foundation
import Testing
@testable import ThiDuaDomain

/// Reward money: coefficient × the base salary in force on the decision's day, rounded to ten
/// thousand đồng as the settings say, in integers.
@Suite struct RewardMoneyTests {
    static let money = RewardMoneySettings.defaults
    static func day(_ d: Int, _ m: Int, _ y: Int) -> CalendarDate { try! CalendarDate(year: y, month: m, day: d) }

    func amount(_ coefficient: String, base: Int, _ rounding: RewardRounding) throws -> Int {
        RewardMoneySettings.rounded(base: base, try Coefficient(parsing: coefficient), rounding)
    }

    @Test func coefficientsAreExactAndWrittenAsTheOfficeWritesThem() throws {
        #expect(try Coefficient(parsing: "0,3").thousandths == 300)
        #expect(try Coefficient(parsing: "1.5").thousandths == 1500)
        #expect(try Coefficient(parsing: "15").thousandths == 15000)
        #expect(try Coefficient(parsing: "0.125").display == "0,125")
        #expect(try Coefficient(parsing: "3.0").display == "3")
        for bad in ["0.3333", "-1", "abc", "", "1,2,3", "1."] {
            #expect(throws: DomainError.self, "\(bad)") { try Coefficient(parsing: bad, field: "Hệ số") }
        }
        let json = try JSONEncoder().encode([try Coefficient(parsing: "0,3")])
        #expect(String(decoding: json, as: UTF8.self) == "[\"0.3\"]")
        #expect(try JSONDecoder().decode([Coefficient].self, from: json) == [try Coefficient(parsing: "0.3")])
    }

    @Test func roundingAtItsEdges() throws {
        #expect(try amount("0.3", base: 2_340_000, .upToTenThousand) == 710_000)      // 702.000
        #expect(try amount("0.3", base: 2_340_000, .nearestTenThousand) == 700_000)
        #expect(try amount("0.6", base: 2_340_000, .upToTenThousand) == 1_410_000)    // 1.404.000
        #expect(try amount("1.5", base: 2_340_000, .upToTenThousand) == 3_510_000, "an exact amount is not rounded up")
        #expect(try amount("0.3", base: 2_350_000, .nearestTenThousand) == 710_000, "705.000: a half goes up")
        #expect(try amount("0.001", base: 10_001_000, .upToTenThousand) == 20_000, "one đồng over goes up")
        #expect(try amount("0.001", base: 10_001_000, .nearestTenThousand) == 10_000)
        #expect(try amount("0.3", base: 2_530_000, .upToTenThousand) == 760_000)      // 759.000
        #expect(try amount("18", base: 2_530_000, .upToTenThousand) == 45_540_000)
    }

    @Test func theBaseSalaryIsTheOneInForceOnTheDecisionsDay() {
        let money = Self.money
        #expect(money.baseSalary(on: Self.day(30, 6, 2026))?.amount == 2_340_000)
        #expect(money.baseSalary(on: Self.day(1, 7, 2026))?.amount == 2_530_000)
        #expect(money.baseSalary(on: Self.day(30, 6, 2024)) == nil)
        let gk = Recognition.form(id: "giay-khen-xa", grade: nil)
        #expect(try! money.amount(for: gk, kind: .individual, on: Self.day(22, 12, 2025), name: "Giấy khen").get().amount == 710_000)
        #expect(try! money.amount(for: gk, kind: .collective, on: Self.day(1, 7, 2026), name: "Giấy khen").get().amount == 1_520_000)
        #expect(money.amount(for: gk, kind: .individual, on: Self.day(1, 1, 2024), name: "Giấy khen")
                == .failure(.noBaseSalary(on: Self.day(1, 1, 2024))))
        let third = Recognition.form(id: "huan-chuong-lao-dong", grade: "hạng Ba")
        #expect(try! money.amount(for: third, kind: .collective, on: Self.day(1, 1, 2030), name: "HCLĐ").get().amount == 22_770_000)
    }

    @Test func aRoundsMoneyIsCountedPerAwardeeAndInTotal() throws {
        var data = NominationFixtures.commune
        func nomination(_ id: String, _ subject: Subject) -> Nomination {
            Nomination(id: NominationID(id), period: .year(2026), formID: "giay-khen-xa", nominee: subject)
        }
        let list = [nomination("DN1", .unit("DV0001")), nomination("DN2", .unit("DV0002")), nomination("DN3", .person("CN00001"))]
        let tally = data.rewardTally(list, on: Self.day(24, 11, 2026))
        #expect(tally.isComplete)
        #expect(list.map { tally.amounts[$0.id]!.amount } == [1_520_000, 1_520_000, 760_000])
        #expect(tally.total == 3_800_000)
        // A coefficient the office has not confirmed: no amount, the setting named.
        var settings = data.settings
        let index = settings.rewardMoney.coefficients.firstIndex {
            $0.recognition == .form(id: "giay-khen-xa", grade: nil) && $0.subjectKind == .individual
        }!
        settings.rewardMoney.coefficients[index].coefficient = nil
        data.settings = settings
        let partial = data.rewardTally(list, on: Self.day(24, 11, 2026))
        #expect(!partial.isComplete)
        #expect(partial.gaps.map(\.message)
                == ["Chưa đặt hệ số tiền thưởng của Giấy khen của Chủ tịch UBND xã cho cá nhân (Cài đặt, tiền thưởng)."])
    }

    @Test func moneyIsWrittenWithDotsBetweenThousands() {
        #expect(VietnameseMoney.display(0) == "0")
        #expect(VietnameseMoney.display(760_000) == "760.000")
        #expect(VietnameseMoney.display(45_540_000) == "45.540.000")
        #expect(VietnameseMoney.display(1_000) == "1.000")
        #expect(VietnameseMoney.display(999) == "999")
    }
}
