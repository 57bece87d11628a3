import Foundation
import Testing
import ThiDuaDomain

/// The one parse-and-check of typed numbers: each rule refused with its own wording,
/// nothing rounded or clamped.
@Suite struct NumberInputTests {
    let item = CriteriaItem(code: "1.1", text: "Triển khai", maximum: 15)
    var score: NumberInput { .score(item, .selfScore) }

    func refusal(_ input: NumberInput, _ text: String) -> NumberInputError? {
        do {
            _ = try input.parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [("8", 800), ("8,5", 850), ("8.5", 850), (" 9,25 ", 925), (",5", 50), ("15", 1500), ("0", 0),
                      ("12,50", 1250)])
    func aScoreInRangeIsTaken(text: String, hundredths: Int) throws {
        #expect(try score.points(text) == Points(hundredths: hundredths))
    }

    @Test func aScoreAboveTheMaximumOrBelowZeroGivesTheRange() {
        #expect(refusal(score, "16")?.message == "Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập 16).")
        #expect(refusal(score, "-3")?.message == "Điểm tự chấm của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập -3).")
        #expect(refusal(score, "−0,5")?.rule == .outOfRange(0...15), "the typographic minus is a minus too")
        #expect(throws: DomainError(field: "Điểm thẩm định của tiêu chí 1.1",
                                    "Điểm thẩm định của tiêu chí 1.1 phải từ 0 đến 15 (đã nhập 15,5).")) {
            try NumberInput.score(item, .appraised).require(Points(hundredths: 1550))
        }
    }

    @Test func aNegativeNumberIsRefusedUnlessAllowed() throws {
        #expect(refusal(NumberInput(), "-1")?.message == "Số không được âm (đã nhập -1).")
        #expect(refusal(.points(label: "Điểm tối thiểu"), "-2,5")?.message == "Điểm tối thiểu không được âm (đã nhập -2,5).")
        #expect(try NumberInput(allowsNegative: true).parse("-1") == -1, "a deduction")
        #expect(try NumberInput(allowsNegative: true, decimals: 2).points("-0,25") == Points(hundredths: -25))
    }

    @Test func tooManyDecimalsAndFractionsOfAWholeNumberAreRefused() throws {
        #expect(refusal(score, "8,125")?.message == "Điểm tự chấm của tiêu chí 1.1: chỉ nhận tối đa hai chữ số thập phân (đã nhập 8,125).")
        #expect(refusal(NumberInput(decimals: 2), "8.125")?.message == "Chỉ nhận tối đa hai chữ số thập phân (đã nhập 8.125).")
        #expect(refusal(.whole(), "2,5")?.message == "Chỉ nhập số nguyên (đã nhập «2,5»).")
        #expect(try NumberInput.whole().whole("2,0") == 2, "a zero after the comma carries no value")
        #expect(try NumberInput(decimals: 2).parse("8,500") == Decimal(string: "8.5"))
    }

    @Test(arguments: ["abc", "8,5,1", "8..5", "1.", "--1", "8 5", "8,5 điểm", "٣", "1e5", "1 000", String(repeating: "9", count: 16)])
    func textThatIsNotANumberIsRefused(text: String) {
        #expect(refusal(NumberInput(), text)?.rule == .notANumber)
        #expect(refusal(.whole(), text)?.rule == .notWhole, "a whole-number field says what it wants")
    }

    @Test func theNotANumberWordingQuotesWhatWasTyped() {
        #expect(refusal(NumberInput(), " abc ")?.message == "«abc» không phải là số; hãy nhập dạng 8,5 hoặc 8.5.")
        #expect(refusal(score, "tám")?.message == "Điểm tự chấm của tiêu chí 1.1: «tám» không phải là số; hãy nhập dạng 8,5 hoặc 8.5.")
        let long = String(repeating: "x", count: 1000)
        #expect(refusal(.whole(label: "Năm sinh"), long)?.message
                == "Năm sinh: chỉ nhập số nguyên (đã nhập «\(String(repeating: "x", count: 60))…» (1000 ký tự)).")
    }

    @Test func nothingTypedIsRefused() {
        #expect(refusal(NumberInput(), "   ")?.message == "Chưa nhập số.")
        #expect(refusal(.points(label: "Điểm tối thiểu"), "")?.message == "Điểm tối thiểu: chưa nhập số.")
        #expect(refusal(score, "")?.rule == .empty)
    }

    @Test func aRangeIsInclusiveAndShownWithADecimalComma() throws {
        let percent = NumberInput.whole(range: 0...100)
        #expect(try percent.whole("100") == 100)
        #expect(refusal(percent, "150")?.message == "Số phải từ 0 đến 100 (đã nhập 150).")
        let band = NumberInput(label: "Mức «Khá»", range: Decimal(string: "0.5")!...Decimal(string: "99.75")!)
        #expect(refusal(band, "0,25")?.message == "Mức «Khá» phải từ 0,5 đến 99,75 (đã nhập 0,25).")
        #expect(NumberInput.display(Decimal(string: "8.5")!) == "8,5")
    }
}
