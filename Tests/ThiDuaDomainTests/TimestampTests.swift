import Foundation
import Testing
@testable import ThiDuaDomain

@Suite("Stored timestamps") struct TimestampTests {
    static let moments: [Double] = [0.0, 1_795_000_000.75, 1_780_000_000, 951_782_400.999, -86_400.5]

    static func foundation(_ zone: TimeZone) -> ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = zone
        return formatter
    }

    @Test("written as ISO8601DateFormatter would, in local time, and read back to the second", arguments: moments)
    func sameAsTheFoundationFormatter(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        #expect(Timestamp.string(date) == Self.foundation(TimeZone.current).string(from: date))
        #expect(Timestamp.date(Timestamp.string(date)) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }

    @Test("the same in Vietnam, in UTC and at a half-hour offset west of it",
          arguments: ["Asia/Ho_Chi_Minh", "UTC", "America/St_Johns"])
    func sameAsTheFoundationFormatterInThreeZones(zone: String) throws {
        let zone = try #require(TimeZone(identifier: zone))
        let formatter = Self.foundation(zone)
        for seconds in Self.moments {
            let date = Date(timeIntervalSince1970: seconds)
            let text = Timestamp.string(date, offsetSeconds: zone.secondsFromGMT(for: date))
            #expect(text == formatter.string(from: date))
            #expect(Timestamp.date(text) == formatter.date(from: text))
        }
    }

    @Test func theFieldsAreTheWallClockWhereTheTimeWasStamped() throws {
        let fields = try #require(Timestamp.fields("2026-11-24T09:05:02+07:00"))
        #expect(fields.day == (try CalendarDate(year: 2026, month: 11, day: 24)))
        #expect(fields.clock == "09:05")
        #expect(fields.second == 2)
        #expect(fields.offsetMinutes == 420)
        #expect(Timestamp.fields("2026-11-24T09:05:02-03:30")?.offsetMinutes == -210)
        #expect(Timestamp.fields("2026-11-24T09:05:02Z")?.offsetMinutes == 0)
    }

    @Test(arguments: ["", "2026-11-24", "2026-11-24T09:05", "2026-02-30T09:05:02Z", "2026-11-24T24:00:00Z",
                      "2026-11-24 09:05:02+07:00", "2026-11-24T09:05:02+0700", "2026-11-24T09:05:02.5Z", "năm-11-24T09:05:02Z"])
    func anythingElseIsNotATimestamp(text: String) {
        #expect(Timestamp.fields(text) == nil)
        #expect(Timestamp.date(text) == nil)
    }

    @Test func aStoredTimeReadsOnTheLocalClock() throws {
        let time = try #require(Timestamp.localFields("2026-12-02T11:43:35Z", offsetSeconds: 7 * 3600))
        #expect(time.clock == "18:43" && time.day.display == "02/12/2026")
        let written = Timestamp.string(Date(timeIntervalSince1970: 1_795_000_000))
        #expect(Timestamp.localFields(written) == Timestamp.fields(written), "a local stamp reads back as written")
        #expect(Timestamp.localDisplay("không phải giờ") == "không phải giờ")
    }
}
