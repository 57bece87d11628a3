/// Where one unit's year report stands against the unit deadline.
public enum UnitReportStanding: Equatable, Sendable {
    case missing
    case onTime(ReportSubmission)
    /// Received after the deadline, `days` late (0: on the deadline day where that counts as late).
    case late(ReportSubmission, days: Int)
}

/// A deadline on the home screen: still open (days left, negative when past), or met, with
/// the line to show instead of a countdown.
public enum DeadlineProgress: Equatable, Sendable {
    case open(daysLeft: Int)
    case done(String)
}

extension Dataset {
    /// Every active unit with the standing of its report for `year`, in Vietnamese name order:
    /// the one rule behind the home screen, the report status document and the reminder.
    public func unitReports(year: Int) -> [(unit: OrgUnit, standing: UnitReportStanding)] {
        let due = settings.unitReportDue(in: year)
        return units.values.filter { !$0.archived }
            .sorted { vietnameseNameOrder(.unit($0.id), .unit($1.id)) }
            .map { unit in
                guard let report = reports[ReportKey(year: year, unitID: unit.id)] else { return (unit, .missing) }
                if settings.timeliness(of: report) == .late {
                    return (unit, .late(report, days: due.days(until: report.receivedDate)))
                }
                return (unit, .onTime(report))
            }
    }

    /// The units' deadline (25/11): done once every active unit's report is in.
    public func unitReportDeadline(year: Int, today: CalendarDate) -> DeadlineProgress {
        let standings = unitReports(year: year)
        let missing = standings.filter { $0.standing == .missing }.count
        if missing == 0 && !standings.isEmpty {
            return .done("Đã nhận đủ báo cáo của \(standings.count)/\(standings.count) đơn vị (hạn \(settings.unitReportDue(in: year).display))")
        }
        return .open(daysLeft: today.days(until: settings.unitReportDue(in: year)))
    }

    /// The commune's deadline (30/11): done once its report is recorded as sent.
    public func communeReportDeadline(year: Int, today: CalendarDate) -> DeadlineProgress {
        if let sent = communeReports[year]?.sent {
            return .done("Đã báo cáo tỉnh ngày \(sent.date.display) (số \(sent.number)\(sent.channel.isEmpty ? "" : ", \(sent.channel)"))")
        }
        return .open(daysLeft: today.days(until: settings.communeReportDue(in: year)))
    }
}
