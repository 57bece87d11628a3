import ThiDuaDomain

/// «Công văn đôn đốc»: from the office to the units whose year report is not in yet, naming
/// each with how far past (or before) the unit deadline it is, and the day to send it by —
/// early enough for the commune's own report to the province when that is still ahead.
struct ReportReminderDocument {
    let parts: DocumentParts

    static let columns = [
        Document.Column("STT", width: 5, alignment: .center, kind: .integer), Document.Column("Cơ quan, đơn vị", width: 44),
        Document.Column("Khối", width: 18), Document.Column("Tình trạng", width: 22),
    ]

    /// The day the units are asked to send by: three days on, or the day before the commune's
    /// deadline when that comes sooner (but never before tomorrow).
    static func replyBy(date: CalendarDate, communeDue: CalendarDate) -> CalendarDate {
        // Dates of the phase (2025–2030) are far from the ends of the calendar's range.
        let beforeCommune = communeDue.adding(days: -1) ?? communeDue
        return max(date.adding(days: 1) ?? date, min(date.adding(days: 3) ?? date, beforeCommune))
    }

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let year = p.request.year
        let date = p.request.date
        let due = s.unitReportDue(in: year)
        let missing = p.data.unitReports(year: year).filter { $0.standing == .missing }.map(\.unit)
        guard !missing.isEmpty else {
            throw DocumentError("Mọi đơn vị đã nộp báo cáo năm \(year); không có ai để đôn đốc.")
        }
        let office = s.officeIssuingBody
        let number = try p.number(code: s.officeCode)
        let replyBy = Self.replyBy(date: date, communeDue: s.communeReportDue(in: year))
        let overdue = due.days(until: date)
        func khoi(_ unit: OrgUnit) -> String { p.data.category(unit.categoryID)?.shortName ?? unit.categoryID }
        let state = overdue > 0 ? "Quá hạn \(overdue) ngày" : overdue == 0 ? "Hôm nay là hạn" : "Còn \(-overdue) ngày đến hạn"
        let rows: [Document.Row] = missing.enumerated().map { .data([String($0.offset + 1), $0.element.name, khoi($0.element), state]) }
        let addressee = missing.count == 1 ? missing[0].name : "Các cơ quan, đơn vị có tên trong danh sách dưới đây"
        let provinceNote = date < s.communeReportDue(in: year)
            ? " để kịp tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày \(s.communeReportDue(in: year).display)"
            : ""
        let blocks: [Document.Block] = [
            .header(.administrative(superiorBody: office.superior, issuingBody: office.body,
                                    number: "Số: " + DocumentParts.numbered(number),
                                    regarding: "đôn đốc gửi báo cáo kết quả phong trào thi đua năm \(year)",
                                    placeAndDate: p.placeAndDate)),
            .paragraph(.init("Kính gửi: \(addressee).", alignment: .center, firstLineIndent: 0)),
            .paragraph(.init("Thực hiện Kế hoạch phong trào thi đua \(p.movement), các cơ quan, đơn vị gửi báo cáo kết quả thực hiện phong trào năm \(year) về Ủy ban nhân dân xã (qua \(s.officeName)) trước ngày \(due.display).")),
            .paragraph(.init("Đến ngày \(date.display), \(s.officeName) chưa nhận được báo cáo của \(missing.count) cơ quan, đơn vị sau:")),
            .table(.init(columns: Self.columns, rows: rows, fontSize: 12, name: "Đơn vị chưa nộp báo cáo")),
            .paragraph(.init("Đề nghị \(missing.count == 1 ? "đơn vị" : "các cơ quan, đơn vị trên") khẩn trương hoàn thành, gửi báo cáo về \(s.officeName) chậm nhất ngày \(replyBy.display)\(provinceNote)./.")),
            p.signature(.office, recipients: ["Như trên", "Chủ tịch UBND xã (để báo cáo)"]),
        ]
        return Document(page: .init(), blocks: blocks, title: "Công văn đôn đốc gửi báo cáo năm \(year)")
    }
}
