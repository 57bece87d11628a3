import Testing
import ThiDuaDomain


@Suite struct VietnameseDateTests {
    @Test func zeroPadsSmallDaysAndTheFirstTwoMonths() throws {
        #expect(VietnameseDate.long(day: 5, month: 1, year: 2026, place: "Phong Quang")
                == "Phong Quang, ngày 05 tháng 01 năm 2026")
        #expect(VietnameseDate.long(day: 2, month: 2, year: 2026) == "ngày 02 tháng 02 năm 2026")
        #expect(VietnameseDate.long(day: 15, month: 3, year: 2026) == "ngày 15 tháng 3 năm 2026")
        #expect(VietnameseDate.long(day: 9, month: 9, year: 2026) == "ngày 09 tháng 9 năm 2026")
        #expect(VietnameseDate.long(day: 25, month: 11, year: 2026, place: "") == "ngày 25 tháng 11 năm 2026")
        let date = try CalendarDate(year: 2025, month: 12, day: 1)
        #expect(VietnameseDate.long(date, place: "Phong Quang") == "Phong Quang, ngày 01 tháng 12 năm 2025")
    }
}
