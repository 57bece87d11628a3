import ThiDuaDomain

/// A document the request cannot make, with the reason in Vietnamese.
public struct DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Builds the office's documents from the records. Numbers, dates and the signer come from
/// Settings and the request; nothing is invented.
public enum DocumentBuilder {
    public static func build(_ request: DocumentRequest, data: Dataset) throws(DocumentError) -> Document {
        let parts = DocumentParts(data: data, request: request)
        try parts.check()
        switch request.kind {
        case .nominationList: return try NominationListDocument(parts: parts).build()
        case .submission: return try SubmissionDocument(parts: parts).build()
        case .decision: return try DecisionDocument(parts: parts).build()
        case .rewardList: return try RewardListDocument(parts: parts).build()
        case .reportReminder: return try ReportReminderDocument(parts: parts).build()
        case .minutes: return try MinutesDocument(parts: parts).build()
        case .scoreSummary: return ScoreSummaryDocument(parts: parts).build()
        case .scoreSheet: return try ScoreSheetDocument(parts: parts).build()
        case .reportStatus: return ReportStatusDocument(parts: parts).build()
        case .yearReport: return try YearReportDocument(parts: parts).build()
        case .awardHistory: return try AwardHistoryDocument(parts: parts).build()
        case .certificateRegister: return try CertificateRegisterDocument(parts: parts).build()
        }
    }
}

extension DocumentBuilder {
    /// For a document that lists nominations, the ones it will hold and the ones it leaves
    /// out with why, so a screen can show the rule before the document is made; nil for other
    /// documents, or when a tờ trình's authority is still to be chosen.
    public static func nominationSelection(_ request: DocumentRequest, data: Dataset) -> NominationSelection? {
        let document: NominationDocument
        switch request.kind {
        case .nominationList: document = .councilList
        case .minutes: document = .minutes
        case .submission:
            guard case .success(let target) = data.submissionTarget(period: request.period, formID: request.formID,
                                                                   requested: request.target) else { return nil }
            document = .submission(target)
        case .decision, .rewardList:
            let number = try? DocumentNumber.parse(request.number, code: "QĐ-\(data.settings.issuingBodyCode)")
            document = .decision(number: number?.full ?? "")
        default:
            return nil
        }
        return data.selection(document, period: request.period, formID: request.formID)
    }
}

/// What every document shares: the header, the number line, the signature and the
/// nominations a request is about.
struct DocumentParts {
    let data: Dataset
    let request: DocumentRequest
    var settings: Settings { data.settings }

    /// Refuses parameters that name nothing, before any building starts.
    func check() throws(DocumentError) {
        let kind = request.kind
        if kind.parameters.contains(.year), !settings.phaseYears.contains(request.year) {
            throw DocumentError("Năm \(request.year) nằm ngoài giai đoạn \(settings.phaseStartYear) - \(settings.phaseEndYear).")
        }
        if kind.parameters.contains(.period), case .year(let y) = request.period, !settings.phaseYears.contains(y) {
            throw DocumentError("Đợt «\(y)» nằm ngoài giai đoạn \(settings.phaseStartYear) - \(settings.phaseEndYear).")
        }
        if kind.parameters.contains(.form), let formID = request.formID {
            guard let form = data.catalog.form(formID) else {
                let known = data.catalog.forms.map(\.id).joined(separator: ", ")
                throw DocumentError("Không có hình thức khen thưởng «\(formID)»; có: \(known).")
            }
            // A register counts what was printed, whatever the form's periods.
            guard form.allows(request.period) || !kind.parameters.contains(.period) else {
                throw DocumentError("\(form.name) không xét trong đợt «\(request.period.label(settings: settings))».")
            }
        }
        if kind.parameters.contains(.subject) {
            guard let subject = request.subject else {
                throw DocumentError("«\(kind.title)» cần chọn một đơn vị hoặc cá nhân.")
            }
            guard data.exists(subject) else { throw DocumentError("Không có đơn vị hoặc cá nhân mã «\(subject.token)».") }
        }
        if kind.parameters.contains(.category), let id = request.categoryID, data.category(id) == nil {
            let known = data.categories.map(\.id).joined(separator: ", ")
            throw DocumentError("Không có khối «\(id)»; có: \(known).")
        }
    }

    /// "Phong Quang, ngày 24 tháng 11 năm 2026".
    var placeAndDate: String { VietnameseDate.long(request.date, place: settings.communeName) }

    /// The document's own number for `code` («TTr-VHXH»): what the office typed, «215» or
    /// «215/TTr-VHXH», read once so the code is never printed twice.
    func number(code: String) throws(DocumentError) -> DocumentNumber {
        do { return try DocumentNumber.parse(request.number, code: code) } catch { throw DocumentError(error.message) }
    }

    /// "Số: 12/TTr-UBND", or "Số: " and a blank before "/TTr-UBND" left to fill in by hand.
    func numberLine(code: String) throws(DocumentError) -> String {
        "Số: " + Self.numbered(try number(code: code))
    }

    /// «12/TTr-UBND», or a blank of about 12 mm before «/TTr-UBND» to write the number in by hand.
    static func numbered(_ number: DocumentNumber) -> String {
        number.serial.isEmpty ? Document.Blank.number.text + "/\(number.code)" : number.full
    }

    func header(code: String, body: [String]? = nil) throws(DocumentError) -> Document.Block {
        .header(.administrative(issuingBody: body ?? settings.issuingBodyLines, number: try numberLine(code: code),
                                placeAndDate: placeAndDate))
    }

    /// The signature of `act` with the recipients, ending in "Lưu: VT, VHXH.".
    func signature(_ act: SigningAct, recipients: [String]) -> Document.Block {
        let lines = settings.signature(for: act)
        return .signature(.init(recipients: recipients.map { "- \($0);" } + ["- Lưu: VT, \(settings.officeCode)."],
                                authority: lines.authority, signer: lines.name))
    }

    var periodLabel: String { request.period.label(settings: settings) }

    /// The nominations `document` holds for the request's period and form.
    func selection(_ document: NominationDocument) -> NominationSelection {
        data.selection(document, period: request.period, formID: request.formID)
    }

    /// Refuses a document with nobody in it, saying which nominations were left out and why.
    func requireNominees(_ selection: NominationSelection, what: String, hint: String = "") throws(DocumentError) {
        guard selection.isEmpty else { return }
        let left = selection.exclusionSummary
        throw DocumentError("\(what) chưa có đề nghị nào của đợt «\(periodLabel)»"
            + (left.isEmpty ? "." : " (để ngoài: \(left)).") + " " + (hint.isEmpty ? selection.document.rule : hint))
    }

    /// "Giấy khen của Chủ tịch UBND xã" plus the grade when there is one.
    func formName(_ n: Nomination) -> String {
        data.catalog.name(of: .form(id: n.formID, grade: n.grade))
    }

    /// The movement as written in the plan, quoted.
    var movement: String { "“\(settings.movementName)”" }

    /// "3 tập thể và 2 cá nhân", leaving out an empty part; nil for nobody, so that every
    /// sentence says «chưa có …» in its own words instead of counting zero.
    func counted(_ collectives: Int, _ individuals: Int) -> String? {
        switch (collectives, individuals) {
        case (0, 0): return nil
        case (_, 0): return "\(collectives) tập thể"
        case (0, _): return "\(individuals) cá nhân"
        default: return "\(collectives) tập thể và \(individuals) cá nhân"
        }
    }

    /// «Giấy khen của Chủ tịch UBND xã cho 3 tập thể và 2 cá nhân; Bằng khen … cho 1 cá nhân»,
    /// counting distinct nominees per form.
    func perForm(_ selection: NominationSelection, verb: (AwardForm) -> String = { $0.name }) -> String {
        selection.parts.compactMap { part in
            counted(part.collectiveCount, part.individualCount).map { "\(verb(part.form)) cho \($0)" }
        }.joined(separator: "; ")
    }

    /// «Đã nhận đủ 40/40 báo cáo (đúng hạn 34, muộn 6).», worded for none, some and all.
    func reportReceipt(units: Int, onTime: Int, late: Int) -> String {
        let received = onTime + late
        guard units > 0 else { return "Chưa có đơn vị nào đăng ký thi đua." }
        guard received > 0 else { return "Chưa nhận được báo cáo nào (\(units) đơn vị chưa nộp)." }
        let timeliness = late == 0 ? "đều đúng hạn" : onTime == 0 ? "đều nộp muộn" : "đúng hạn \(onTime), muộn \(late)"
        if received >= units { return "Đã nhận đủ \(received)/\(units) báo cáo (\(timeliness))." }
        return "Đã nhận \(received)/\(units) báo cáo (\(timeliness)); \(units - received) đơn vị chưa nộp."
    }

    /// The latest date the council voted on any of these nominations, if recorded.
    func councilMeeting(_ nominations: [Nomination]) -> CalendarDate? {
        nominations.compactMap { $0.vote?.date }.max()
    }

    /// The khối of a unit, or the position and unit of a person ("Chuyên viên, Phòng Kinh tế").
    func place(of subject: Subject) -> String {
        switch subject {
        case .unit(let id):
            return data.units[id].flatMap { data.category($0.categoryID)?.name } ?? ""
        case .person(let id):
            guard let p = data.people[id] else { return "" }
            let unit = p.unitID.flatMap { data.units[$0]?.name } ?? p.address
            return [p.position, unit].filter { !$0.isEmpty }.joined(separator: ", ")
        }
    }
}
