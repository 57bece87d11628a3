import ThiDuaDomain

/// "Tình hình nộp báo cáo năm": the units that have not reported, those late, those on time,
/// against the unit deadline (25/11 by default, plan VI.4).
struct ReportStatusDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 5, alignment: .center), Document.Column("Đơn vị", width: 34),
        Document.Column("Khối", width: 18), Document.Column("Ngày nhận", width: 11, alignment: .center),
        Document.Column("Số văn bản", width: 14), Document.Column("Ghi chú", width: 18),
    ]

    func build() -> Document {
        let p = parts
        let year = p.request.year
        let due = p.settings.unitReportDue(in: year)
        let units = p.data.units.values.filter { !$0.archived }
            .sorted { p.data.vietnameseNameOrder(.unit($0.id), .unit($1.id)) }
        var missing: [OrgUnit] = [], late: [(OrgUnit, ReportSubmission)] = [], onTime: [(OrgUnit, ReportSubmission)] = []
        for unit in units {
            guard let report = p.data.reports[ReportKey(year: year, unitID: unit.id)] else { missing.append(unit); continue }
            if p.settings.timeliness(of: report) == .late { late.append((unit, report)) } else { onTime.append((unit, report)) }
        }
        func khoi(_ unit: OrgUnit) -> String { p.data.category(unit.categoryID)?.shortName ?? unit.categoryID }
        var rows: [Document.Row] = [.group("I. CHƯA NỘP (\(missing.count))")]
        rows += missing.enumerated().map { .data([String($0.offset + 1), $0.element.name, khoi($0.element), "", "", ""]) }
        rows.append(.group("II. NỘP MUỘN (\(late.count))"))
        rows += late.enumerated().map { i, pair in
            let days = due.days(until: pair.1.receivedDate)
            return .data([String(i + 1), pair.0.name, khoi(pair.0), pair.1.receivedDate.display, pair.1.documentNumber,
                          days > 0 ? "muộn \(days) ngày" : "nộp đúng ngày hạn"])
        }
        rows.append(.group("III. ĐÚNG HẠN (\(onTime.count))"))
        rows += onTime.enumerated().map { i, pair in
            .data([String(i + 1), pair.0.name, khoi(pair.0), pair.1.receivedDate.display, pair.1.documentNumber, pair.1.note])
        }
        let blocks: [Document.Block] = [
            .header(.administrative(issuingBody: p.settings.issuingBodyLines, placeAndDate: p.placeAndDate)),
            .title(.init("Tình hình nộp báo cáo năm \(year)",
                         summary: ["Phong trào \(p.movement)"],
                         note: "(Hạn đơn vị nộp: \(due.display); tính đến \(p.request.date.display))")),
            .paragraph(.init("Tổng số \(units.count) đơn vị. " + p.reportReceipt(units: units.count, onTime: onTime.count, late: late.count),
                             alignment: .left, firstLineIndent: 0)),
            .table(.init(columns: Self.columns, rows: rows, fontSize: 12)),
            .signature(.init(recipients: [], authority: ["NGƯỜI LẬP"], signer: "")),
        ]
        return Document(page: .init(), blocks: blocks, title: "Tình hình nộp báo cáo năm \(year)")
    }
}
