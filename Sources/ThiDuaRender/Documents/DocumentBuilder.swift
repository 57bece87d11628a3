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
        case .nominationList: return NominationListDocument(parts: parts).build()
        case .submission: return SubmissionDocument(parts: parts).build()
        case .decision: return try DecisionDocument(parts: parts).build()
        case .minutes: return MinutesDocument(parts: parts).build()
        case .scoreSummary: return ScoreSummaryDocument(parts: parts).build()
        case .scoreSheet: return try ScoreSheetDocument(parts: parts).build()
        case .reportStatus: return ReportStatusDocument(parts: parts).build()
        case .yearReport: return YearReportDocument(parts: parts).build()
        case .awardHistory: return try AwardHistoryDocument(parts: parts).build()
        }
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
            guard form.allows(request.period) else {
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

    /// "Số: 12/TTr-UBND", or "Số:      /TTr-UBND" left to fill in by hand.
    func numberLine(type: String, body: String? = nil) -> String {
        let number = request.number.trimmingCharacters(in: .whitespaces)
        return "Số: \(number.isEmpty ? "      " : number)/\(type)-\(body ?? settings.issuingBodyCode)"
    }

    func header(type: String, body: [String]? = nil, code: String? = nil) -> Document.Block {
        .header(.administrative(issuingBody: body ?? settings.issuingBodyLines, number: numberLine(type: type, body: code),
                                placeAndDate: placeAndDate))
    }

    /// The commune's signature with the usual recipients ending in "Lưu: VT, VHXH.".
    func signature(recipients: [String]) -> Document.Block {
        .signature(.init(recipients: recipients.map { "- \($0);" } + ["- Lưu: VT, \(settings.officeCode)."],
                         authority: [settings.signer.authority, settings.signer.title], signer: settings.signer.name))
    }

    var periodLabel: String { request.period.label(settings: settings) }

    /// The forms a nomination document covers, most senior first.
    var forms: [AwardForm] {
        if let id = request.formID, let form = data.catalog.form(id) { return [form] }
        return data.catalog.forms(for: request.period)
    }

    /// Nominations that stand (not «Không được khen») for `form` in the period, collectives
    /// then individuals, each part in Vietnamese name order.
    func nominations(for form: AwardForm) -> (collectives: [Nomination], individuals: [Nomination]) {
        let order = data.vietnameseNameOrder
        let chosen = data.nominations.values.filter {
            $0.period == request.period && $0.formID == form.id && $0.status != .rejected
        }.sorted { order($0.nominee, $1.nominee) }
        return (chosen.filter { $0.nominee.kind == .collective }, chosen.filter { $0.nominee.kind == .individual })
    }

    /// "Giấy khen của Chủ tịch UBND xã" plus the grade when there is one.
    func formName(_ n: Nomination) -> String {
        data.catalog.name(of: .form(id: n.formID, grade: n.grade))
    }

    /// The movement as written in the plan, quoted.
    var movement: String { "“\(settings.movementName)”" }

    /// "3 tập thể và 2 cá nhân", leaving out an empty part.
    func counted(_ collectives: Int, _ individuals: Int) -> String {
        switch (collectives, individuals) {
        case (0, 0): return "không có tập thể, cá nhân nào"
        case (_, 0): return "\(collectives) tập thể"
        case (0, _): return "\(individuals) cá nhân"
        default: return "\(collectives) tập thể và \(individuals) cá nhân"
        }
    }

    /// The legal bases every award document cites (DOMAIN §2).
    var legalBases: [String] {
        ["Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
         "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
         "Căn cứ \(settings.planReference);"]
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
