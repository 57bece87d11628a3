import Foundation
import Testing
import ThiDuaDomain
import ThiDuaTUI

@Suite struct NumberFieldTests {
    @Test(arguments: [("8,5", "8.5"), ("8.5", "8.5"), (" 10 ", "10"), ("0,25", "0.25"), (",5", "0.5"), ("-3", "-3")])
    func parsesCommaAndDot(_ text: String, _ expected: String) throws {
        let d = try NumberInput(allowsNegative: true).parse(text)
        #expect(d == Decimal(string: expected, locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test(arguments: ["abc", "8,5,1", "8..5", "1.", "--1", "8 5", "", "٣"])
    func refusesNonNumbersWithVietnameseMessage(_ text: String) {
        #expect {
            _ = try NumberInput(allowsNegative: true).parse(text)
        } throws: { error in
            (error as? NumberInputError)?.message.contains("số") == true
        }
    }

    @Test func abcMessage() {
        var f = NumberField("abc")
        #expect(f.handle(.enter) == .invalid("«abc» không phải là số; hãy nhập dạng 8,5 hoặc 8.5."))
        #expect(f.value == nil)
    }

    @Test func typedValueIsParsedNotClamped() throws {
        var f = NumberField("", range: 0...10)
        for k in try Key.script(#""8,5" Enter"#) { _ = f.handle(k) }
        #expect(f.value == Decimal(string: "8.5", locale: Locale(identifier: "en_US_POSIX")))
        var g = NumberField("12", range: 0...10)
        #expect(g.handle(.enter) == .invalid("Số phải từ 0 đến 10 (đã nhập 12)."))
        #expect(g.text == "12")
        var h = NumberField("-1")
        #expect(h.handle(.enter) == .invalid("Số không được âm (đã nhập -1)."))
    }

    @Test func optionalBlankIsValid() {
        let f = NumberField("", isRequired: false)
        #expect(f.validate() == nil)
        #expect(NumberField("").validate() == "Chưa nhập số.")
    }

    @Test func formatsWithDecimalComma() {
        #expect(NumberInput.display(Decimal(string: "8.5", locale: Locale(identifier: "en_US_POSIX"))!) == "8,5")
        #expect(NumberField(value: 9).text == "9")
    }
}

@Suite struct DateFieldTests {
    @Test func refusesImpossibleDates() {
        var f = DateField("31/02/2026")
        #expect(f.handle(.enter) == .invalid("Ngày: tháng 2/2026 chỉ có 28 ngày (đã nhập ngày 31)."))
        #expect(DateField("29/02/2026").validate() != nil)
        #expect(DateField("29/02/2024").validate() == nil)
        #expect(DateField("31/04/2026").validate()?.contains("chỉ có 30 ngày") == true)
        #expect(DateField("10/13/2026").validate() == "Ngày: tháng phải từ 1 đến 12 (đã nhập 13).")
        #expect(DateField("2026-11-25").validate() == nil)
        #expect(DateField("ab/cd/efgh").validate() == "Ngày: «ab/cd/efgh» không phải ngày hợp lệ; hãy nhập theo dạng ngày/tháng/năm, ví dụ 25/11/2026.")
    }

    @Test func acceptsAndNormalises() {
        var f = DateField("5/1/2026")
        #expect(f.handle(.enter) == .committed)
        #expect(f.text == "05/01/2026")
        #expect(f.date?.display == "05/01/2026")
        #expect(DateField("25-11-2026").date?.description == "25/11/2026")
        #expect(DateField("", isRequired: false).validate() == nil)
    }
}

@Suite struct ChoiceFieldTests {
    let options = ["Xuất sắc", "Tốt", "Khá", "Đạt", "Không đạt"]

    @Test func cyclesWithArrowsAndSpace() {
        var c = ChoiceField(options)
        #expect(c.handle(.right) == .changed)
        #expect(c.selected == "Tốt")
        _ = c.handle(.left)
        _ = c.handle(.left)
        #expect(c.selected == "Không đạt")
        _ = c.handle(.char(" "))
        #expect(c.selected == "Xuất sắc")
    }

    @Test func typeToSelectIgnoresAccents() {
        var c = ChoiceField(options)
        _ = c.handle(.char("d"))
        #expect(c.selected == "Đạt")
        _ = c.handle(.char("k"))
        #expect(c.selected == "Không đạt")
        _ = c.handle(.char("k"))
        #expect(c.selected == "Khá")
        #expect(c.handle(.char("z")) == .handled)
        #expect(c.selected == "Khá")
    }

    @Test func escapeRestores() {
        var c = ChoiceField(options, selected: 1)
        c.beginEditing()
        _ = c.handle(.right)
        #expect(c.handle(.escape) == .cancelled)
        #expect(c.selectedIndex == 1)
        #expect(c.handle(.escape) == .ignored)
    }
}
