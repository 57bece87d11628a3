/// The commune's own settings: names printed on documents, signer, phase and deadlines.
public struct Settings: Codable, Equatable, Sendable {
    public var communeName: String
    public var provinceName: String
    /// Issuing body as printed top-left, one line each ("ỦY BAN NHÂN DÂN", "XÃ PHONG QUANG").
    public var issuingBodyLines: [String]
    /// Short name of the issuing body in document numbers ("UBND" in "Số: 12/TTr-UBND").
    public var issuingBodyCode: String
    public var officeName: String
    /// Office code used in "Lưu: VT, VHXH.".
    public var officeCode: String
    public var movementName: String
    /// The plan this program serves ("Kế hoạch số …/KH-UBND ngày …").
    public var planReference: String
    public var phaseStartYear: Int
    public var phaseEndYear: Int
    /// Year of the mid-term review (sơ kết).
    public var midTermYear: Int
    public var signer: Signer
    public var unitReportDeadline: DayOfYear
    public var communeReportDeadline: DayOfYear
    /// Whether a report received on the deadline day itself is on time ("by 25/11").
    public var deadlineDayIsOnTime: Bool
    /// Tone placement of the built-in Telex typing (hòa vs hoà).
    public var telexToneStyle: ToneStyleSetting
    /// Which keys make the marks when the program types Vietnamese itself (Ctrl-T).
    public var typingMethod: TelexComposer.Method
    /// Head of the office, who signs its tờ trình to the commune chairman; empty: by hand.
    public var officeHeadName: String
    /// Whether a deputy signs the chairman's decisions («KT. CHỦ TỊCH»).
    public var decisionSigning: DecisionSigning
    /// The «Căn cứ» lines of award documents, each with the days it is in force.
    public var legalBases: [LegalBasis]
    /// How nominees are ordered inside the collectives and the individuals of every list.
    public var nomineeOrder: NomineeOrder
    /// Coefficients, base salary by date and rounding of the money that comes with an award.
    public var rewardMoney: RewardMoneySettings
    /// The emulation council: chair, secretary, members (empty: the minutes leave blanks).
    public var councilRoster: CouncilRoster
    /// The council's meetings as their minutes record them, one per period at most.
    public var councilMeetings: [CouncilMeeting]
    /// Where each printer puts certificates off their layout, by printer name, one each.
    public var printerOffsets: [PrinterOffset]

    public init(communeName: String, provinceName: String, issuingBodyLines: [String], issuingBodyCode: String,
                officeName: String, officeCode: String, movementName: String, planReference: String,
                phaseStartYear: Int, phaseEndYear: Int, midTermYear: Int, signer: Signer,
                unitReportDeadline: DayOfYear, communeReportDeadline: DayOfYear,
                deadlineDayIsOnTime: Bool, telexToneStyle: ToneStyleSetting, officeHeadName: String = "",
                decisionSigning: DecisionSigning = DecisionSigning(), legalBases: [LegalBasis] = LegalBasis.defaults,
                nomineeOrder: NomineeOrder = .name, rewardMoney: RewardMoneySettings = .defaults,
                councilRoster: CouncilRoster = CouncilRoster(), councilMeetings: [CouncilMeeting] = [],
                typingMethod: TelexComposer.Method = .telex, printerOffsets: [PrinterOffset] = []) {
        self.communeName = communeName
        self.provinceName = provinceName
        self.issuingBodyLines = issuingBodyLines
        self.issuingBodyCode = issuingBodyCode
        self.officeName = officeName
        self.officeCode = officeCode
        self.movementName = movementName
        self.planReference = planReference
        self.phaseStartYear = phaseStartYear
        self.phaseEndYear = phaseEndYear
        self.midTermYear = midTermYear
        self.signer = signer
        self.unitReportDeadline = unitReportDeadline
        self.communeReportDeadline = communeReportDeadline
        self.deadlineDayIsOnTime = deadlineDayIsOnTime
        self.telexToneStyle = telexToneStyle
        self.officeHeadName = officeHeadName
        self.decisionSigning = decisionSigning
        self.legalBases = legalBases
        self.nomineeOrder = nomineeOrder
        self.rewardMoney = rewardMoney
        self.councilRoster = councilRoster
        self.councilMeetings = councilMeetings
        self.typingMethod = typingMethod
        self.printerOffsets = printerOffsets
    }

    private enum CodingKeys: String, CodingKey {
        case communeName, provinceName, issuingBodyLines, issuingBodyCode, officeName, officeCode, movementName,
             planReference, phaseStartYear, phaseEndYear, midTermYear, signer, unitReportDeadline,
             communeReportDeadline, deadlineDayIsOnTime, telexToneStyle, officeHeadName, decisionSigning,
             legalBases, nomineeOrder, rewardMoney, councilRoster, councilMeetings, typingMethod, printerOffsets
    }

    /// Folders written before the signing, legal-basis, order and reward settings existed get
    /// the defaults: no office head named, the chairman signs, the bases of `LegalBasis.defaults`,
    /// name order, the reward figures of `RewardMoneySettings.defaults`, no council roster, no
    /// printer offsets.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        communeName = try c.decode(String.self, forKey: .communeName)
        provinceName = try c.decode(String.self, forKey: .provinceName)
        issuingBodyLines = try c.decode([String].self, forKey: .issuingBodyLines)
        issuingBodyCode = try c.decode(String.self, forKey: .issuingBodyCode)
        officeName = try c.decode(String.self, forKey: .officeName)
        officeCode = try c.decode(String.self, forKey: .officeCode)
        movementName = try c.decode(String.self, forKey: .movementName)
        planReference = try c.decode(String.self, forKey: .planReference)
        phaseStartYear = try c.decode(Int.self, forKey: .phaseStartYear)
        phaseEndYear = try c.decode(Int.self, forKey: .phaseEndYear)
        midTermYear = try c.decode(Int.self, forKey: .midTermYear)
        signer = try c.decode(Signer.self, forKey: .signer)
        unitReportDeadline = try c.decode(DayOfYear.self, forKey: .unitReportDeadline)
        communeReportDeadline = try c.decode(DayOfYear.self, forKey: .communeReportDeadline)
        deadlineDayIsOnTime = try c.decode(Bool.self, forKey: .deadlineDayIsOnTime)
        telexToneStyle = try c.decode(ToneStyleSetting.self, forKey: .telexToneStyle)
        officeHeadName = try c.decodeIfPresent(String.self, forKey: .officeHeadName) ?? ""
        decisionSigning = try c.decodeIfPresent(DecisionSigning.self, forKey: .decisionSigning) ?? DecisionSigning()
        legalBases = try c.decodeIfPresent([LegalBasis].self, forKey: .legalBases) ?? LegalBasis.defaults
        nomineeOrder = try c.decodeIfPresent(NomineeOrder.self, forKey: .nomineeOrder) ?? .name
        rewardMoney = try c.decodeIfPresent(RewardMoneySettings.self, forKey: .rewardMoney) ?? .defaults
        councilRoster = try c.decodeIfPresent(CouncilRoster.self, forKey: .councilRoster) ?? CouncilRoster()
        councilMeetings = try c.decodeIfPresent([CouncilMeeting].self, forKey: .councilMeetings) ?? []
        typingMethod = try c.decodeIfPresent(TelexComposer.Method.self, forKey: .typingMethod) ?? .telex
        printerOffsets = try c.decodeIfPresent([PrinterOffset].self, forKey: .printerOffsets) ?? []
    }

    public var phaseYears: ClosedRange<Int> { phaseStartYear...phaseEndYear }

    /// The day a unit's report for `year` is due.
    public func unitReportDue(in year: Int) -> CalendarDate {
        unitReportDeadline.date(in: year)
    }

    public func communeReportDue(in year: Int) -> CalendarDate {
        communeReportDeadline.date(in: year)
    }
}

/// "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" / "Nguyễn Ánh Xuân".
public struct Signer: Codable, Equatable, Sendable {
    /// "TM. ỦY BAN NHÂN DÂN" or "KT. CHỦ TỊCH".
    public var authority: String
    public var title: String
    public var name: String

    public init(authority: String, title: String, name: String) {
        self.authority = authority
        self.title = title
        self.name = name
    }
}

/// A day and month that recurs each year (25/11).
public struct DayOfYear: Codable, Equatable, Sendable {
    public var day: Int
    public var month: Int

    public init(day: Int, month: Int) {
        self.day = day
        self.month = month
    }

    public func date(in year: Int) -> CalendarDate {
        let safeMonth = min(max(month, 1), 12)
        let safeDay = min(max(day, 1), CalendarDate.daysIn(month: safeMonth, year: year))
        return try! CalendarDate(year: year, month: safeMonth, day: safeDay)
    }

    public var display: String { "\(day)/\(month)" }
}

public enum ToneStyleSetting: String, Codable, Sendable, CaseIterable {
    /// hòa, thủy
    case old
    /// hoà, thủy
    case new
}
