import Testing
import ThiDuaDomain

/// A date is kept packed in one word; what it gives back and how it orders must be the
/// year, month and day it was made from, for every day a date may have.
@Suite struct CalendarDateTests {
    @Test func everyDayFrom1900To2100KeepsItsPartsAndItsOrder() throws {
        var previous: CalendarDate?
        var next: CalendarDate? = try CalendarDate(year: 1900, month: 1, day: 1)
        var days = 0
        while let current = next {
            let again = try CalendarDate(year: current.year, month: current.month, day: current.day)
            #expect(again == current)
            #expect(try CalendarDate(parsing: current.iso) == current)
            if let previous {
                #expect(previous < current && !(current < previous))
                #expect(previous.days(until: current) == 1)
            }
            previous = current
            days += 1
            next = current.adding(days: 1)
        }
        #expect(days == 73_414)
        #expect(previous == (try CalendarDate(year: 2100, month: 12, day: 31)))
    }

    @Test func refusesWhatNoCalendarHas() {
        #expect(throws: DomainError.self) { try CalendarDate(year: 2026, month: 2, day: 29) }
        #expect(throws: DomainError.self) { try CalendarDate(year: 2026, month: 13, day: 1) }
        #expect(throws: DomainError.self) { try CalendarDate(year: 2101, month: 1, day: 1) }
        #expect((try? CalendarDate(year: 2024, month: 2, day: 29))?.day == 29)
    }
}
