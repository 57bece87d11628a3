import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaRender

/// «Công văn đôn đốc»: from the office to exactly the units whose 2026 report is not in,
/// with the day to send it by, signed by the office head; refused when nobody is missing.
@Suite struct ReportReminderDocumentTests {
    static let context = ChangeContext(clock: FixedClock(year: 2026, month: 11, day: 27), user: "kiểm thử")
    static let day = try! CalendarDate(year: 2026, month: 11, day: 27)

    static func sample() throws -> Dataset {
        try SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load())
    }

    static func text(_ data: Dataset, number: String = "") throws -> String {
        let request = DocumentRequest(kind: .reportReminder, year: 2026, number: number, date: day)
        return TextWriter(width: 200).render(try DocumentBuilder.build(request, data: data))
    }

    @Test func itNamesExactlyTheUnitsWithoutAReport() throws {
        let data = try Self.sample()
        let missing = data.unitReports(year: 2026).filter { $0.standing == .missing }.map(\.unit.name)
        let received = data.unitReports(year: 2026).filter { $0.standing != .missing }.map(\.unit.name)
        #expect(!missing.isEmpty && !received.isEmpty)
        let text = try Self.text(data, number: "52")
        #expect(text.contains("Số: 52/VHXH"))
        #expect(text.contains("V/v đôn đốc gửi báo cáo kết quả phong trào thi đua năm 2026"))
        #expect(text.contains("Kính gửi: Các cơ quan, đơn vị có tên trong danh sách dưới đây."))
        #expect(text.contains("chưa nhận được báo cáo của \(missing.count) cơ quan, đơn vị sau:"))
        for name in missing { #expect(text.contains(name), "\(name) is missing and listed") }
        for name in received { #expect(!text.contains(name), "\(name) has reported and is not listed") }
        #expect(text.contains("Quá hạn 2 ngày"))
        // Three days on would pass the commune's 30/11: the day before it instead.
        #expect(text.contains("chậm nhất ngày 29/11/2026 để kịp tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 30/11/2026./."))
        #expect(text.contains("TRƯỞNG PHÒNG"))
        #expect(text.contains("- Chủ tịch UBND xã (để báo cáo);") && text.contains("- Lưu: VT, VHXH."))
    }

    @Test func oneUnitLeftIsAddressedByName() throws {
        var data = try Self.sample()
        let missing = data.unitReports(year: 2026).filter { $0.standing == .missing }.map(\.unit)
        data = try data.apply(.batch(label: "Nhận", changes: missing.dropFirst().map {
            .recordReport(report: ReportSubmission(year: 2026, unitID: $0.id, receivedDate: Self.day))
        }), context: Self.context).dataset
        let text = try Self.text(data)
        #expect(text.contains("Kính gửi: \(missing[0].name)."))
        #expect(text.contains("Đề nghị đơn vị khẩn trương"))
    }

    @Test func nobodyMissingIsRefused() throws {
        var data = try Self.sample()
        let missing = data.unitReports(year: 2026).filter { $0.standing == .missing }.map(\.unit)
        data = try data.apply(.batch(label: "Nhận", changes: missing.map {
            .recordReport(report: ReportSubmission(year: 2026, unitID: $0.id, receivedDate: Self.day))
        }), context: Self.context).dataset
        #expect(throws: DocumentError("Mọi đơn vị đã nộp báo cáo năm 2026; không có ai để đôn đốc.")) { try Self.text(data) }
    }

    @Test func theReplyDayIsThreeDaysOnButBeforeTheCommunesDeadline() throws {
        let due = try CalendarDate(year: 2026, month: 11, day: 30)
        func on(_ day: Int, _ month: Int = 11) throws -> CalendarDate { try CalendarDate(year: 2026, month: month, day: day) }
        #expect(ReportReminderDocument.replyBy(date: try on(20), communeDue: due) == (try on(23)))
        #expect(ReportReminderDocument.replyBy(date: try on(27), communeDue: due) == (try on(29)))
        #expect(ReportReminderDocument.replyBy(date: try on(30), communeDue: due) == (try on(1, 12)))
        #expect(try on(28, 2).adding(days: 1) == (try CalendarDate(year: 2026, month: 3, day: 1)))
        #expect(try on(31, 12).adding(days: 1) == (try CalendarDate(year: 2027, month: 1, day: 1)))
        #expect(try CalendarDate(year: 2100, month: 12, day: 31).adding(days: 1) == nil, "past the calendar's range: nil, never a crash")
    }
}
