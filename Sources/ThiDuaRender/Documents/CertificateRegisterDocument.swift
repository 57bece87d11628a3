import ThiDuaDomain

/// «Sổ theo dõi cấp phát giấy khen»: every certificate printed for the decisions of a year, by
/// form and number as the register gives them, with the decision, who it names, when and by
/// whom it was first printed, and its reprints. One form, or every form that has printed any.
struct CertificateRegisterDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("Số vào sổ", width: 12, alignment: .center), Document.Column("Tập thể, cá nhân", width: 30),
        Document.Column("Quyết định", width: 22), Document.Column("In lần đầu", width: 11, alignment: .center, kind: .date),
        Document.Column("Người in", width: 10), Document.Column("Số lần in", width: 6, alignment: .center, kind: .integer),
        Document.Column("Ghi chú", width: 16),
    ]

    func build() throws(DocumentError) -> Document {
        let p = parts
        let year = p.request.year
        let forms = p.data.catalog.forms.filter { p.request.formID == nil || $0.id == p.request.formID }
            .sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        let registers = forms.map { ($0, CertificateRegister.entries(formID: $0.id, year: year, in: p.data)) }
            .filter { !$0.1.isEmpty }
        guard !registers.isEmpty else {
            let what = p.request.formID.flatMap { p.data.catalog.form($0)?.name } ?? "giấy khen"
            throw DocumentError("Sổ cấp phát năm \(year) chưa có \(what) nào được in (giấy khen được ghi sổ khi in từ quyết định).")
        }
        var rows: [Document.Row] = []
        for (form, entries) in registers {
            if registers.count > 1 || p.request.formID == nil { rows.append(.group("\(form.name) (\(entries.count))")) }
            for (nomination, issue) in entries {
                let decision = nomination.decision.map { "\($0.number) ngày \($0.date.display)" } ?? ""
                let first = issue.printings.first
                let firstDay = first.flatMap { try? CalendarDate(parsing: String($0.time.prefix(10))) }?.display ?? ""
                let reprints = issue.printings.dropFirst().map { printing in
                    ((try? CalendarDate(parsing: String(printing.time.prefix(10))))?.display ?? printing.time) + " (\(printing.user))"
                }
                let note = [issue.isReprinted ? "in lại " + reprints.joined(separator: ", ") : "",
                            issue.edits.isEmpty ? "" : "chữ sửa riêng"].filter { !$0.isEmpty }.joined(separator: "; ")
                rows.append(.data([issue.number, "\(p.data.name(of: nomination.nominee)) (\(nomination.nominee.code))", decision,
                                   firstDay, first?.user ?? "", String(issue.printings.count), note]))
            }
        }
        let count = registers.reduce(0) { $0 + $1.1.count }
        let reprinted = registers.reduce(0) { $0 + $1.1.filter(\.issue.isReprinted).count }
        let blocks: [Document.Block] = [
            .header(.administrative(issuingBody: p.settings.issuingBodyLines, placeAndDate: p.placeAndDate)),
            .title(.init("Sổ theo dõi cấp phát giấy khen năm \(year)",
                         summary: [registers.map(\.0.name).joined(separator: ", ")],
                         note: "(Theo các quyết định khen thưởng năm \(year); tính đến \(p.request.date.display))")),
            .paragraph(.init("Đã cấp \(count) giấy" + (reprinted > 0 ? ", trong đó \(reprinted) giấy đã in lại (giữ số cũ)." : "."),
                             alignment: .left, firstLineIndent: 0)),
            .table(.init(columns: Self.columns, rows: rows, fontSize: 12, name: "Sổ cấp phát")),
            .signature(.init(recipients: [], authority: ["NGƯỜI LẬP SỔ"], signer: "")),
        ]
        return Document(page: .init(orientation: .landscape), blocks: blocks, title: "Sổ theo dõi cấp phát giấy khen năm \(year)")
    }
}
