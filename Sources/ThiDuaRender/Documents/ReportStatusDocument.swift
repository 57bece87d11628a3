import ThiDuaDomain

/// "Tình hình nộp báo cáo năm": the units that have not reported, those late, those on time,
/// against the unit deadline (25/11 by default, plan VI.4).
struct ReportStatusDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 5, alignment: .center, kind: .integer), Document.Column("Đơn vị", width: 34),
        Document.Column("Khối", width: 18), Document.Column("Ngày nhận", width: 11, alignment: .center, kind: .date),
        Document.Column("Số văn bản", width: 14), Document.Column("Ghi chú", width: 18),
    ]

    func build() -> Document {
        let p = parts
        let year = p.request.year
        let due = p.settings.unitReportDue(in: year)
        let standings = p.data.unitReports(year: year)
        let units = standings.map(\.unit)
        var missing: [OrgUnit] = [], late: [(OrgUnit, ReportSubmission, Int)] = [], onTime: [(OrgUnit, ReportSubmission)] = []
        for (unit, standing) in standings {
            switch standing {
            case .missing: missing.append(unit)
            case .late(let report, let days): late.append((unit, report, days))
            case .onTime(let report): onTime.append((unit, report))
            }
        }
        func khoi(_ unit: OrgUnit) -> String { p.data.category(unit.categoryID)?.shortName ?? unit.categoryID }
        var rows: [Document.Row] = [.group("I. CHƯA NỘP (\(missing.count))")]
        rows += missing.enumerated().map { .data([String($0.offset + 1), $0.element.name, khoi($0.element), "", "", ""]) }
        rows.append(.group("II. NỘP MUỘN (\(late.count))"))
        rows += late.enumerated().map { i, entry in
            let (unit, report, days) = entry
            return .data([String(i + 1), unit.name, khoi(unit), report.receivedDate.display, report.documentNumber,
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
            .table(.init(columns: Self.columns, rows: rows, fontSize: 12, name: "Tình hình nộp báo cáo")),
            .signature(.init(recipients: [], authority: ["NGƯỜI LẬP"], signer: "")),
        ]
        return Document(page: .init(), blocks: blocks, title: "Tình hình nộp báo cáo năm \(year)")
    }
}
