import ThiDuaDomain

/// The awards a unit or person has received, newest first: the basis for prerequisites of
/// higher forms (thematic awards do not count toward merit-route ones).
struct AwardHistoryDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 5, alignment: .center, kind: .integer),
        Document.Column("Năm", width: 6, alignment: .center, kind: .integer),
        Document.Column("Hình thức khen thưởng, danh hiệu", width: 34), Document.Column("Loại khen thưởng", width: 18),
        Document.Column("Số, ngày quyết định", width: 20), Document.Column("Cấp quyết định", width: 22),
    ]

    func build() throws(DocumentError) -> Document {
        let p = parts
        guard let subject = p.request.subject else { throw DocumentError("Cần chọn một đơn vị hoặc cá nhân.") }
        let name = p.data.name(of: subject)
        let awards = p.data.awards.values.filter { $0.recipient == subject }
            .sorted { ($0.year, $0.decision.date, $0.id.rawValue) > ($1.year, $1.decision.date, $1.id.rawValue) }
        var rows: [Document.Row] = awards.enumerated().map { i, a in
            .data([String(i + 1), String(a.year), p.data.catalog.name(of: a.recognition), a.kind.label,
                   "\(a.decision.number) ngày \(a.decision.date.display)", a.decision.issuer])
        }
        if rows.isEmpty { rows = [.group("Chưa có khen thưởng nào được ghi nhận.")] }
        let blocks: [Document.Block] = [
            .header(.administrative(issuingBody: p.settings.issuingBodyLines, placeAndDate: p.placeAndDate)),
            .title(.init("Lịch sử khen thưởng", summary: [name, p.place(of: subject)].filter { !$0.isEmpty })),
            .table(.init(columns: Self.columns, rows: rows, fontSize: 12, name: "Lịch sử khen thưởng")),
            .signature(.init(recipients: [], authority: ["NGƯỜI LẬP"], signer: "")),
        ]
        return Document(page: .init(), blocks: blocks, title: "Lịch sử khen thưởng \(name)")
    }
}
