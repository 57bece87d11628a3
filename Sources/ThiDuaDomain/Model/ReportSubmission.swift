/// A unit's yearly report on the movement, due by 25/11 (plan VI.4, VI.5).
public struct ReportSubmission: Codable, Equatable, Sendable {
    public var year: Int
    public var unitID: UnitID
    public var receivedDate: CalendarDate
    public var documentNumber: String
    public var note: String

    public init(year: Int, unitID: UnitID, receivedDate: CalendarDate, documentNumber: String = "", note: String = "") {
        self.year = year
        self.unitID = unitID
        self.receivedDate = receivedDate
        self.documentNumber = documentNumber
        self.note = note
    }

    public var key: ReportKey { ReportKey(year: year, unitID: unitID) }
}

public struct ReportKey: Hashable, Codable, Sendable {
    public var year: Int
    public var unitID: UnitID

    public init(year: Int, unitID: UnitID) {
        self.year = year
        self.unitID = unitID
    }
}

public enum ReportTimeliness: String, Sendable, Equatable {
    case onTime
    case late

    public var label: String { self == .onTime ? "Đúng hạn" : "Muộn" }
}

extension Settings {
    /// On time or late against the unit deadline of the report's year.
    public func timeliness(of report: ReportSubmission) -> ReportTimeliness {
        let due = unitReportDue(in: report.year)
        if report.receivedDate < due { return .onTime }
        if report.receivedDate == due { return deadlineDayIsOnTime ? .onTime : .late }
        return .late
    }
}
