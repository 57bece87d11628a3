import Foundation
import Testing
import ThiDuaDomain

/// `Points.decimal` is built without dividing, and must be the very value (and representation)
/// that `Decimal(hundredths) / 100` gives: range checks, messages and exports read it.
@Suite struct PointsDecimalTests {
    private func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    private func agrees(_ hundredths: Int) -> Bool {
        bytes(Points(hundredths: hundredths).decimal) == bytes(Decimal(hundredths) / 100)
    }

    @Test func everySmallScoreEqualsTheDivision() {
        let wrong = (-200_000...200_000).filter { !agrees($0) }
        #expect(wrong.isEmpty, "first differing: \(wrong.prefix(5))")
    }

    @Test func largeAndRandomValuesEqualTheDivision() {
        var generator = SystemRandomNumberGenerator()
        var values = [Int.max, Int.min + 1, Int.max / 100, 999_999_999_999, -999_999_999_999, 1_000_000_000_000,
                      100, -100, 1, -1, 10, 1_500, 123_456_789_012]
        values += (0..<20_000).map { _ in Int.random(in: Int.min / 2...Int.max / 2, using: &generator) }
        values += (0..<20_000).map { _ in Int.random(in: -10_000_000...10_000_000, using: &generator) * 100 }
        let wrong = values.filter { !agrees($0) }
        #expect(wrong.isEmpty, "first differing: \(wrong.prefix(5))")
    }

    @Test func displayAndComparisonAreUnchanged() {
        #expect(NumberInput.display(Points(hundredths: 850).decimal) == "8,5")
        #expect(NumberInput.display(Points(hundredths: 1_500).decimal) == "15")
        #expect(NumberInput.display(Points(hundredths: -25).decimal) == "-0,25")
        #expect(Points(hundredths: 0).decimal == 0)
        #expect(Points(hundredths: 1).decimal < Points(hundredths: 10).decimal)
    }
}
