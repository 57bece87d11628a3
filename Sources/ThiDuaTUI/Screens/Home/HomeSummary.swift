import ThiDuaDomain

/// The numbers on the home screen for one working year, computed from the data.
public struct HomeSummary: Equatable, Sendable {
    public struct CategoryCount: Equatable, Sendable {
        public var name: String
        public var units: Int
    }

    public var categories: [CategoryCount]
    public var activeUnits: Int
    public var activePeople: Int
    /// Score sheets of the year per state, and how many active units/people have none.
    public var sheetsByState: [SheetState: Int]
    public var subjectsWithoutSheet: Int
    public var reportsReceived: Int
    public var reportsLate: Int
    public var reportsMissing: Int
    /// Nominations of the year's periods (the year itself, plus sơ kết / tổng kết when
    /// they fall in this year), per status.
    public var nominationsByStatus: [NominationStatus: Int]
    /// The same nominations per award form, most senior form first; forms without any are left out.
    public var nominationsByForm: [FormCount]
    public var unitDeadline: DeadlineProgress
    public var communeDeadline: DeadlineProgress

    public init(data: Dataset, year: Int, today: CalendarDate) {
        // Counted in one pass over each table, without copying records or gathering the
        // scored subjects in a set: at province scale this is counted again after every change
        // and must fit in a frame. A subject has at most one sheet a year (the sheets' key).
        var unitsPerCategory: [String: Int] = [:]
        var activeUnits = 0, activePeople = 0, activeScored = 0
        var sheetsByState: [SheetState: Int] = [:]
        for sheet in data.sheets.values where sheet.year == year {
            sheetsByState[sheet.state, default: 0] += 1
            switch sheet.subject {
            case .unit(let id): if data.units[id]?.archived == false { activeScored += 1 }
            case .person(let id): if data.people[id]?.archived == false { activeScored += 1 }
            }
        }
        for unit in data.units.values where !unit.archived {
            activeUnits += 1
            unitsPerCategory[unit.categoryID, default: 0] += 1
        }
        for person in data.people.values where !person.archived { activePeople += 1 }
        categories = data.categories.sorted { ($0.order, $0.id) < ($1.order, $1.id) }.map { category in
            CategoryCount(name: category.shortName, units: unitsPerCategory[category.id] ?? 0)
        }
        self.activeUnits = activeUnits
        self.activePeople = activePeople
        self.sheetsByState = sheetsByState
        subjectsWithoutSheet = activeUnits + activePeople - activeScored

        let reportCounts = data.unitReportCounts(year: year)
        reportsMissing = reportCounts.missing
        reportsReceived = reportCounts.units - reportCounts.missing
        reportsLate = reportCounts.late

        var periods: Set<Period> = [.year(year)]
        if data.settings.midTermYear == year { periods.insert(.midTerm) }
        if data.settings.phaseEndYear == year { periods.insert(.endOfPhase) }
        let nominations = data.nominations.values.filter { periods.contains($0.period) }
        nominationsByStatus = Dictionary(grouping: nominations, by: \.status).mapValues(\.count)
        let perForm = Dictionary(grouping: nominations, by: \.formID).mapValues(\.count)
        nominationsByForm = data.catalog.forms.sorted { $0.rank > $1.rank }.compactMap { form in
            perForm[form.id].map { FormCount(form: form.shortName, count: $0) }
        }

        unitDeadline = data.unitReportDeadline(year: year, today: today)
        communeDeadline = data.communeReportDeadline(year: year, today: today)
    }

    public var sheetCount: Int { sheetsByState.values.reduce(0, +) }

    /// "còn 3 ngày", "hôm nay là hạn cuối", "đã quá hạn 2 ngày".
    public static func countdown(_ days: Int) -> String {
        if days > 0 { return "còn \(days) ngày" }
        if days == 0 { return "hôm nay là hạn cuối" }
        return "đã quá hạn \(-days) ngày"
    }

    /// A deadline this close (or past) is drawn as urgent.
    public static func isUrgent(_ days: Int) -> Bool { days <= 7 }
}

/// Nominations of one award form, by its short name.
public struct FormCount: Equatable, Sendable {
    public var form: String
    public var count: Int
}
