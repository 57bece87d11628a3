import ThiDuaDomain

/// Which document, about what, dated when. Parameters a kind does not use are ignored.
public struct DocumentRequest: Sendable, Equatable {
    public var kind: DocumentKind
    public var year: Int
    public var period: Period
    /// nil: every form the period allows.
    public var formID: String?
    public var subject: Subject?
    /// nil: every khối and the individuals.
    public var categoryID: String?
    /// For a tờ trình: the authority it goes to; nil: the one of the form, or the only one
    /// the period's nominations go to.
    public var target: SubmissionTarget?
    /// The number typed by the office («215» or «215/QĐ-UBND»); empty leaves the usual blank
    /// to fill in by hand.
    public var number: String
    /// The date printed in the place-and-date line.
    public var date: CalendarDate

    public init(kind: DocumentKind, year: Int, period: Period? = nil, formID: String? = nil, subject: Subject? = nil,
                categoryID: String? = nil, target: SubmissionTarget? = nil, number: String = "", date: CalendarDate) {
        self.kind = kind
        self.year = year
        self.period = period ?? .year(year)
        self.formID = formID
        self.subject = subject
        self.categoryID = categoryID
        self.target = target
        self.number = number
        self.date = date
    }

    /// An ASCII file name such as `danh-sach-giay-khen-xa-2026.pdf`.
    public func fileName(extension ext: String) -> String {
        var parts = [kind.rawValue]
        switch kind {
        case .nominationList, .submission, .decision, .rewardList, .minutes:
            if let formID { parts.append(formID) } else if let target { parts.append(target.token) }
            parts.append(period.token)
        case .scoreSummary:
            if let categoryID { parts.append(categoryID) }
            parts.append(String(year))
        case .scoreSheet:
            if let subject { parts.append(subject.token) }
            parts.append(String(year))
        case .reportStatus, .yearReport, .reportReminder:
            parts.append(String(year))
        case .certificateRegister:
            if let formID { parts.append(formID) }
            parts.append(String(year))
        case .awardHistory:
            if let subject { parts.append(subject.token) }
        }
        let name = parts.joined(separator: "-")
        let ascii = VietnameseText.searchFold(name).map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || c == "-") ? c : "-"
        }
        return String(ascii) + "." + ext
    }
}
