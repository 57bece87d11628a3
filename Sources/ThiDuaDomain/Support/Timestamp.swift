import Foundation

/// The times the program stores: ISO 8601 with the local offset, as in the journal, the lock
/// file, backups and a nomination's status history ("2026-11-24T09:15:02+07:00", or "…Z" in
/// UTC). The one writer and the one reader of those strings.
public enum Timestamp {
    /// "2026-11-24T09:30:05+07:00", local time, what ISO8601DateFormatter writes with
    /// `.withInternetDateTime`. By hand because every saved edit stamps one, and building that
    /// formatter cost more than the rest of the edit apart from its fsync.
    public static func string(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return string(parts, offsetMinutes: Int(parts.tm_gmtoff / 60))
    }

    /// The same at a fixed offset from UTC, so that the tests can compare zones other than the
    /// machine's without changing the process's time zone under the other tests.
    static func string(_ date: Date, offsetSeconds: Int) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)) + time_t(offsetSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return string(parts, offsetMinutes: offsetSeconds / 60)
    }

    private static func string(_ parts: tm, offsetMinutes offset: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        func two(_ value: Int32) -> String { two(Int(value)) }
        let zone = offset == 0 ? "Z" : (offset < 0 ? "-" : "+") + two(abs(offset) / 60) + ":" + two(abs(offset) % 60)
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))\(zone)"
    }

    /// The fields of a stored time as written: the wall clock where it was stamped, and its offset.
    public struct Fields: Sendable, Equatable {
        public var day: CalendarDate
        public var hour: Int
        public var minute: Int
        public var second: Int
        /// Minutes east of UTC.
        public var offsetMinutes: Int

        /// "09:15".
        public var clock: String {
            (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
        }
    }

    /// Reads "yyyy-mm-ddThh:mm:ss" followed by "Z" or "±hh:mm"; nil for anything else.
    public static func fields(_ text: String) -> Fields? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 || bytes.count == 25 else { return nil }
        func number(_ start: Int, _ count: Int) -> Int? {
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        func at(_ index: Int, _ character: Character) -> Bool { bytes[index] == character.asciiValue }
        guard at(4, "-"), at(7, "-"), at(10, "T"), at(13, ":"), at(16, ":"),
              let year = number(0, 4), let month = number(5, 2), let dayOfMonth = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              hour < 24, minute < 60, second < 60,
              let day = try? CalendarDate(year: year, month: month, day: dayOfMonth) else { return nil }
        let offset: Int
        if bytes.count == 20 {
            guard at(19, "Z") else { return nil }
            offset = 0
        } else {
            guard at(19, "+") || at(19, "-"), at(22, ":"), let hours = number(20, 2), let minutes = number(23, 2),
                  minutes < 60 else { return nil }
            offset = (at(19, "-") ? -1 : 1) * (hours * 60 + minutes)
        }
        return Fields(day: day, hour: hour, minute: minute, second: second, offsetMinutes: offset)
    }

    /// A stored time on this machine's wall clock, whatever offset it was written with (a lock
    /// taken by a program running in UTC reads as local time here).
    public static func localFields(_ text: String) -> Fields? {
        guard let moment = date(text) else { return nil }
        var seconds = time_t(moment.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        localtime_r(&seconds, &parts)
        return fields(parts, offsetMinutes: Int(parts.tm_gmtoff / 60))
    }

    /// The same at a fixed offset from UTC, for tests independent of the machine's zone.
    public static func localFields(_ text: String, offsetSeconds: Int) -> Fields? {
        guard let moment = date(text) else { return nil }
        var seconds = time_t(moment.timeIntervalSince1970.rounded(.down)) + time_t(offsetSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return fields(parts, offsetMinutes: offsetSeconds / 60)
    }

    private static func fields(_ parts: tm, offsetMinutes: Int) -> Fields? {
        guard let day = try? CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1,
                                          day: Int(parts.tm_mday)) else { return nil }
        return Fields(day: day, hour: Int(parts.tm_hour), minute: Int(parts.tm_min), second: Int(parts.tm_sec),
                      offsetMinutes: offsetMinutes)
    }

    /// "02/12/2026 18:52" on this machine's clock, for people reading a log; the stored text
    /// itself when it is not a time this program wrote.
    public static func localDisplay(_ text: String) -> String {
        guard let time = localFields(text) else { return text }
        return "\(time.day.display) \(time.clock)"
    }

    /// The moment a stored time names, to the second.
    public static func date(_ text: String) -> Date? {
        guard let fields = fields(text) else { return nil }
        var parts = tm()
        parts.tm_year = Int32(fields.day.year - 1900)
        parts.tm_mon = Int32(fields.day.month - 1)
        parts.tm_mday = Int32(fields.day.day)
        parts.tm_hour = Int32(fields.hour)
        parts.tm_min = Int32(fields.minute)
        parts.tm_sec = Int32(fields.second)
        let utc = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(Int(utc) - fields.offsetMinutes * 60))
    }
}
