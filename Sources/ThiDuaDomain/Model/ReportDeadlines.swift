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
        // Each name key built once: built inside the comparison, the keys of a province's
        // 15,000 units took most of the time of the first home screen.
        return units.values.filter { !$0.archived }
            .map { (nameKey(of: .unit($0.id)), $0) }
            .sorted { $0.0 < $1.0 }
            .map { _, unit in (unit, standing(of: unit.id, year: year, due: due)) }
    }

    /// How many active units there are and how many of their reports for `year` are missing
    /// or late: what the home screen counts, without putting the units in name order.
    public func unitReportCounts(year: Int) -> (units: Int, missing: Int, late: Int) {
        let due = settings.unitReportDue(in: year)
        var counts = (units: 0, missing: 0, late: 0)
        for unit in units.values where !unit.archived {
            counts.units += 1
            switch standing(of: unit.id, year: year, due: due) {
            case .missing: counts.missing += 1
            case .late: counts.late += 1
            case .onTime: break
            }
        }
        return counts
    }

    private func standing(of unitID: UnitID, year: Int, due: CalendarDate) -> UnitReportStanding {
        guard let report = reports[ReportKey(year: year, unitID: unitID)] else { return .missing }
        if settings.timeliness(of: report) == .late {
            return .late(report, days: due.days(until: report.receivedDate))
        }
        return .onTime(report)
    }

    /// The units' deadline (25/11): done once every active unit's report is in.
    public func unitReportDeadline(year: Int, today: CalendarDate) -> DeadlineProgress {
        let counts = unitReportCounts(year: year)
        if counts.missing == 0 && counts.units > 0 {
            return .done("Đã nhận đủ báo cáo của \(counts.units)/\(counts.units) đơn vị (hạn \(settings.unitReportDue(in: year).display))")
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
