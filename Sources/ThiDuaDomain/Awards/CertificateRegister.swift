/// The register of printed certificates (sổ theo dõi cấp phát): the rules that number them,
/// in one place. A certificate is numbered the first time it is printed, by the next count of
/// its award form in the year of its decision; printing it again keeps the number and adds a
/// printing, so the register shows it as a reprint.
public enum CertificateRegister {
    /// The certificates of the decision numbered `decisionNumber` — its awarded nominations of
    /// `formID`, or only `chosen` of them — as they print now, and the change that records the
    /// printing: one batch, so one undo. New certificates take the next numbers in the order of
    /// the decision's list (`NomineeOrder`); printed ones keep theirs.
    public static func printing(decisionNumber: String, formID: String, chosen: Set<NominationID>? = nil,
                                in data: Dataset, time: String, user: String) throws(DomainError)
        -> (change: Change, certificates: [CertificateText]) {
        guard let form = data.catalog.form(formID) else {
            throw DomainError(field: "Hình thức", "Không có hình thức khen thưởng «\(formID)».")
        }
        let decided = data.nominations.values
            .filter { $0.formID == formID && $0.status == .awarded && $0.decision?.number == decisionNumber }
            .filter { chosen?.contains($0.id) ?? true }
        guard !decided.isEmpty else {
            throw DomainError(field: "Quyết định", "Quyết định \(decisionNumber) không khen \(form.name) cho ai"
                              + (chosen == nil ? "." : " trong các đề nghị đã chọn."))
        }
        let ordered = data.sortedNominations(Array(decided))
        var changes: [Change] = []
        var certificates: [CertificateText] = []
        var next: [Int: Int] = [:]
        for nomination in ordered {
            var updated = nomination
            let printing = CertificatePrinting(time: time, user: user)
            if var issue = nomination.certificate, issue.isPrinted {
                issue.printings.append(printing)
                updated.certificate = issue
            } else {
                let year = nomination.decision!.date.year
                let serial = next[year] ?? nextSerial(formID: formID, year: year, in: data)
                next[year] = serial + 1
                updated.certificate = CertificateIssue(serial: serial, number: number(serial, year: year, form: form),
                                                       printings: [printing], edits: nomination.certificate?.edits ?? [:])
            }
            changes.append(.updateNomination(nomination: updated))
            certificates.append(CertificateText.make(for: updated, number: updated.certificate!.number, in: data,
                                                     edits: updated.certificate!.edits))
        }
        let label = "In \(changes.count) \(form.shortName.lowercased()) theo quyết định \(decisionNumber)"
        return (.batch(label: label, changes: changes), certificates)
    }

    /// The change that keeps `texts` as the certificate's own text for the nomination `id`,
    /// printed or not yet: a field typed as the record makes it keeps no edit, so a later
    /// correction of the record still reaches the certificate; the other edits are reused on
    /// every reprint. The register's number is not the office's to edit.
    public static func editing(_ id: NominationID, texts: [CertificateField: String],
                               in data: Dataset) throws(DomainError) -> Change {
        guard let nomination = data.nominations[id], nomination.status == .awarded, nomination.decision != nil else {
            throw DomainError(field: "Giấy chứng nhận", "Chỉ sửa chữ giấy chứng nhận của đề nghị đã có quyết định khen.")
        }
        guard texts[.number] == nil else {
            throw DomainError(field: CertificateField.number.label, "Số vào sổ do sổ cấp phát đánh, không sửa tay được.")
        }
        let computed = CertificateText.make(for: nomination, number: "", in: data)
        var edits = nomination.certificate?.edits ?? [:]
        for (field, text) in texts {
            edits[field] = text == computed[field] ? nil : text
        }
        var updated = nomination
        if var issue = nomination.certificate, issue.isPrinted {
            issue.edits = edits
            updated.certificate = issue
        } else {
            updated.certificate = edits.isEmpty ? nil : .unprinted(edits: edits)
        }
        return .updateNomination(nomination: updated)
    }

    /// The next count of `formID`'s certificates in `year` (of their decisions): one more than
    /// the highest given, so a number is never given twice even after a certificate's nomination
    /// was changed.
    public static func nextSerial(formID: String, year: Int, in data: Dataset) -> Int {
        (entries(formID: formID, year: year, in: data).map(\.issue.serial).max() ?? 0) + 1
    }

    /// The register of `formID` for `year`, by number: the printed certificates.
    public static func entries(formID: String, year: Int, in data: Dataset) -> [(nomination: Nomination, issue: CertificateIssue)] {
        data.nominations.values.compactMap { n -> (Nomination, CertificateIssue)? in
            guard n.formID == formID, let issue = n.certificate, issue.isPrinted, n.decision?.date.year == year else { return nil }
            return (n, issue)
        }.sorted { ($0.1.serial, $0.0.id) < ($1.1.serial, $1.0.id) }
    }

    /// «12/GK-2025» from the form's pattern: «{số}» is the count, «{năm}» the year.
    public static func number(_ serial: Int, year: Int, form: AwardForm) -> String {
        (form.certificateNumberPattern ?? form.defaultCertificatePattern)
            .replacingOccurrences(of: "{số}", with: String(serial))
            .replacingOccurrences(of: "{năm}", with: String(year))
    }

    /// A pattern of the register's numbers must count («{số}») and hold nothing else in
    /// braces, so that two certificates never print the same number; nil is the default.
    public static func validatePattern(_ pattern: String?) throws(DomainError) {
        guard let pattern else { return }
        let rest = pattern.replacingOccurrences(of: "{số}", with: "").replacingOccurrences(of: "{năm}", with: "")
        guard pattern.contains("{số}"), !rest.contains("{"), !rest.contains("}") else {
            throw DomainError(field: "Mẫu số vào sổ", "Mẫu số vào sổ «\(pattern)» phải có «{số}» (số thứ tự) và có thể có «{năm}», "
                              + "ví dụ «{số}/GK-{năm}» cho 12/GK-2025.")
        }
    }

    /// What a certificate must be to be kept: printed for a decision, at least once, its count
    /// given once in its form and year (another writer may have taken it meanwhile).
    static func validate(_ issue: CertificateIssue, of nomination: Nomination, in data: Dataset) throws(DomainError) {
        guard let decision = nomination.decision, nomination.status == .awarded else {
            throw DomainError(field: "Giấy chứng nhận", "Chỉ in giấy chứng nhận cho đề nghị đã có quyết định khen.")
        }
        if !issue.isPrinted {
            guard issue.serial == 0, issue.number.isEmpty else {
                throw DomainError(field: "Giấy chứng nhận", "Giấy chứng nhận của đề nghị \(nomination.id) có số vào sổ mà chưa in lần nào.")
            }
            return
        }
        guard issue.serial >= 1, !issue.printings.isEmpty,
              !issue.number.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(field: "Giấy chứng nhận", "Giấy chứng nhận của đề nghị \(nomination.id) thiếu số vào sổ hoặc lần in.")
        }
        if let other = entries(formID: nomination.formID, year: decision.date.year, in: data)
            .first(where: { $0.issue.serial == issue.serial && $0.nomination.id != nomination.id }) {
            throw DomainError(field: "Số vào sổ", "Số \(issue.number) đã cấp cho đề nghị \(other.nomination.id) "
                              + "(«\(data.name(of: other.nomination.nominee))»); in lại để lấy số tiếp theo.")
        }
    }
}

extension Dataset {
    /// The blank `certificate` prints on: its form's layout for its nominee's kind.
    public func certificateLayout(of certificate: CertificateText) -> CertificateLayout {
        let nomination = nominations[certificate.nominationID]
        let kind = nomination?.nominee.kind ?? .individual
        guard let form = nomination.flatMap({ catalog.form($0.formID) }) else {
            return CertificateLayout.defaults.first { $0.subjectKind == kind } ?? CertificateLayout.defaults[0]
        }
        return form.certificateLayout(for: kind)
    }
}

extension AwardForm {
    /// «{số}/GK-{năm}» for a Giấy khen, «{số}/BK-{năm}» for a Bằng khen, «{số}/HC-{năm}» for a
    /// Huân chương: what the office writes unless it sets its own.
    public var defaultCertificatePattern: String {
        let folded = name.lowercased()
        let code = folded.hasPrefix("giấy khen") ? "GK" : folded.hasPrefix("bằng khen") ? "BK"
            : folded.hasPrefix("huân chương") ? "HC" : "GCN"
        return "{số}/\(code)-{năm}"
    }

    /// Where this form's certificates for `kind` print: the office's layout, else the standard one.
    public func certificateLayout(for kind: SubjectKind) -> CertificateLayout {
        certificateLayouts?.first { $0.subjectKind == kind } ?? CertificateLayout.standard(for: self, kind: kind)
    }
}

extension AwardForm {
    /// The form with `box` as its field's place in the layout for `kind`: the one rule for
    /// every edit of a layout. A box that leaves the blank, or is narrower than 10 mm, is
    /// refused with the blank's size.
    public func placing(_ box: CertificateFieldLayout, kind: SubjectKind) throws(DomainError) -> AwardForm {
        var layout = certificateLayout(for: kind)
        let mm = CertificateLayout.millimetres
        guard box.x >= 0, box.y >= 0, box.width >= 10, box.x + box.width <= layout.pageWidth,
              box.y + box.height <= layout.pageHeight, box.fontSize >= 6, box.maxLines >= 1 else {
            throw DomainError(field: box.field.label,
                              "Ô «\(box.field.label)» phải nằm trong phôi \(mm(layout.pageWidth)) × \(mm(layout.pageHeight)) mm, "
                              + "rộng ít nhất 10 mm, chữ cỡ 6 trở lên, ít nhất 1 dòng.")
        }
        if let index = layout.fields.firstIndex(where: { $0.field == box.field }) {
            layout.fields[index] = box
        } else {
            layout.fields.append(box)
        }
        var form = self
        var layouts = certificateLayouts ?? []
        layouts.removeAll { $0.subjectKind == kind }
        layouts.append(layout)
        form.certificateLayouts = layouts.sorted { $0.subjectKind.rawValue < $1.subjectKind.rawValue }
        return form
    }
}
