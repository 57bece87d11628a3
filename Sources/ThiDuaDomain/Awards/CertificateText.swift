/// What one certificate says, field by field: the one place that decides who it names, how,
/// for what, and who signs it. Each text can be edited for one certificate before printing;
/// the edits replace the computed text of their fields.
public struct CertificateText: Equatable, Sendable {
    /// The nomination the certificate is for.
    public var nominationID: NominationID
    /// What the register, the preview and the messages call it: «Nguyễn Văn An (CN00012)».
    public var label: String
    public var texts: [CertificateField: String]

    public init(nominationID: NominationID, label: String, texts: [CertificateField: String]) {
        self.nominationID = nominationID
        self.label = label
        self.texts = texts
    }

    public subscript(field: CertificateField) -> String { texts[field] ?? "" }

    /// The certificate of `nomination` as its decision grants it, numbered `number` in the
    /// register (empty while not yet numbered), with `edits` made for this certificate.
    public static func make(for nomination: Nomination, number: String, in data: Dataset,
                            edits: [CertificateField: String] = [:]) -> CertificateText {
        let settings = data.settings
        var texts: [CertificateField: String] = [:]
        switch nomination.nominee {
        case .person(let id):
            let person = data.people[id]
            texts[.salutation] = person.map { $0.gender == .male ? "Ông" : "Bà" } ?? ""
            texts[.name] = person?.fullName ?? data.name(of: nomination.nominee)
            let unit = person?.unitID.flatMap { data.units[$0]?.name } ?? ""
            texts[.positionAndUnit] = [person?.position ?? "", unit].filter { !$0.isEmpty }.joined(separator: ", ")
        case .unit:
            texts[.salutation] = ""
            texts[.name] = data.name(of: nomination.nominee)
            texts[.positionAndUnit] = ""
        }
        texts[.achievement] = nomination.achievementSummary.isEmpty
            ? defaultAchievement(nomination, settings: settings) : nomination.achievementSummary
        let signing = Self.signing(data.catalog.form(nomination.formID), settings: settings)
        if let decision = nomination.decision {
            texts[.placeAndDate] = VietnameseDate.long(decision.date, place: signing.place)
            texts[.decision] = "Quyết định số \(decision.number) ngày \(decision.date.display)"
        } else {
            texts[.placeAndDate] = "\(signing.place), ngày … tháng … năm …"
            texts[.decision] = "Quyết định số …"
        }
        texts[.number] = number.isEmpty ? "" : "Số: \(number)"
        texts[.signerTitle] = signing.title
        texts[.signerName] = signing.name
        for (field, text) in edits { texts[field] = text }
        return CertificateText(nominationID: nomination.id, label: "\(data.name(of: nomination.nominee)) (\(nomination.nominee.code))",
                               texts: texts)
    }

    /// Where a certificate of `form` is signed and by whom: a form the commune decides, by the
    /// commune chairman (or the deputy, as the settings say) at the commune; a Bằng khen of the
    /// province, by its chairman in the province's name; the Prime Minister's and the State's,
    /// in Hà Nội. The commune does not keep the names of higher signers: the name is left for
    /// the office to type on the certificate, never the commune chairman's.
    public static func signing(_ form: AwardForm?, settings: Settings) -> (place: String, title: String, name: String) {
        guard let form, !form.decidedInCommune else {
            let signature = settings.signature(for: .chairmanDecision)
            return (settings.communeName, signature.authority.joined(separator: "\n"), signature.name)
        }
        let issuer = VietnameseText.searchFold(form.issuer)
        if issuer.contains("tinh") { return (settings.provinceName, "CHỦ TỊCH", "") }
        if issuer.contains("thu tuong") { return ("Hà Nội", "THỦ TƯỚNG", "") }
        return ("Hà Nội", form.issuer.uppercased(), "")
    }

    /// «Đã có thành tích xuất sắc trong phong trào thi đua “…” năm 2025.» when the nomination
    /// has no summary of its own.
    static func defaultAchievement(_ nomination: Nomination, settings: Settings) -> String {
        "Đã có thành tích xuất sắc trong phong trào thi đua “\(settings.movementName)” "
            + nomination.period.label(settings: settings).lowercased() + "."
    }
}
