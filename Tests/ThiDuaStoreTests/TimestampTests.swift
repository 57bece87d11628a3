import Foundation
import Testing
@testable import ThiDuaStore

@Suite("Journal timestamps") struct TimestampTests {
    @Test("written as ISO8601DateFormatter would, in local time, and read back to the second",
          arguments: [0.0, 1_795_000_000.75, 1_780_000_000, 951_782_400.999, -86_400.5])
    func sameAsTheFoundationFormatter(seconds: Double) {
        let date = Date(timeIntervalSince1970: seconds)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone.current
        #expect(Timestamp.string(date) == formatter.string(from: date))
        #expect(Timestamp.date(Timestamp.string(date)) == Date(timeIntervalSince1970: seconds.rounded(.down)))
    }
}
