import Foundation

/// Where "now" comes from. The domain never reads the system clock itself, so tests
/// can pin a date (deadline countdowns, birth-year limits, journal times).
public protocol Clock: Sendable {
    func now() -> Date
}

public struct SystemClock: Clock {
    public init() {}
    public func now() -> Date { Date() }
}

public struct FixedClock: Clock {
    public let date: Date
    public init(_ date: Date) { self.date = date }
    /// A fixed local noon on the given day, in the process's time zone.
    public init(year: Int, month: Int, day: Int) {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = 12
        self.date = Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
    }
    public func now() -> Date { date }
}

/// Who is making a change and when: injected into every `Change` application.
public struct ChangeContext: Sendable {
    public var clock: any Clock
    public var user: String

    public init(clock: any Clock = SystemClock(), user: String) {
        self.clock = clock
        self.user = user
    }

    /// Now as ISO 8601 with the local offset, the form the journal uses ("2026-11-24T09:15:02+07:00").
    public var timestamp: String { Timestamp.string(clock.now()) }

    /// Today's date in the local calendar.
    public var today: CalendarDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: clock.now())
        return (try? CalendarDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1))
            ?? (try! CalendarDate(year: 2000, month: 1, day: 1))
    }
}
