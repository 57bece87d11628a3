import Foundation
import Testing
import ThiDuaDomain
import ThiDuaTUI

@Suite struct FormTests {
    func makeForm() -> Form {
        Form([
            FormItem(id: "name", label: "Họ và tên", field: .text(TextField("", visibleWidth: 30))),
            FormItem(id: "score", label: "Điểm", field: .number(NumberField("", range: 0...10))),
            FormItem(id: "rank", label: "Xếp loại", field: .choice(ChoiceField(["Xuất sắc", "Tốt", "Khá"]))),
            FormItem(id: "date", label: "Ngày", field: .date(DateField())),
        ])
    }

    func run(_ script: String, on form: inout Form) throws -> [Form.Event] {
        try Key.script(script).map { form.handle($0) }
    }

    @Test func fillsAndSubmits() throws {
        var form = makeForm()
        let events = try run(#""Nguyễn Văn A" Tab "8,5" Enter Right Enter "25/11/2026" Enter"#, on: &form)
        #expect(events.last == .submitted)
        #expect(form.text("name") == "Nguyễn Văn A")
        #expect(form.number("score") == Decimal(string: "8.5", locale: Locale(identifier: "en_US_POSIX")))
        #expect(form.choiceIndex("rank") == 1)
        #expect(form.date("date")?.display == "25/11/2026")
    }

    @Test func fieldErrorsAreShownAndBlockSubmit() throws {
        var form = makeForm()
        _ = try run(#""An" Tab "abc" Enter"#, on: &form)
        #expect(form.focus == 1)
        #expect(form.item("score")?.error?.contains("không phải là số") == true)
        _ = try run(#"Tab Tab "31/02/2026""#, on: &form)
        #expect(form.item("score")?.error != nil)
        #expect(try run("Enter", on: &form) == [.handled])
        #expect(form.item("date")?.error?.contains("chỉ có 28 ngày") == true)
        #expect(form.submit() == false)
        #expect(form.focus == 1)
        #expect(form.message == "Còn 2 ô chưa hợp lệ.")
    }

    @Test func shiftTabWrapsAndEscCancelsInTwoSteps() throws {
        var form = makeForm()
        #expect(try run("BTab", on: &form) == [.handled])
        #expect(form.focus == 3)
        _ = try run("Tab", on: &form)
        #expect(form.focus == 0)
        #expect(try run(#""x" Esc Esc"#, on: &form) == [.handled, .handled, .cancelled])
        #expect(form.text("name") == "")
    }

    @Test func commandKeysPassThrough() throws {
        var form = makeForm()
        #expect(try run("F2 C-s", on: &form) == [.ignored, .ignored])
    }

    @Test func renderAt80x24() throws {
        var form = makeForm()
        _ = try run(#""Nguyễn Văn A" Tab "abc" Enter"#, on: &form)
        form.message = "Nhập xong bấm F2 để lưu."
        var buffer = Buffer(size: Size(width: 80, height: 24))
        form.render(into: &buffer, rect: Rect(x: 0, y: 1, width: 80, height: 22), focused: true)
        assertGolden(buffer, "form-80x24")
    }
}
