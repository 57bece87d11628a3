import ThiDuaDomain

/// The year's results report from the commune to the province (due 30/11, plan VI.5): who
/// registered, how they scored and were classed, which units reported, what was proposed and
/// what was awarded — all counted from the records.
struct YearReportDocument {
    let parts: DocumentParts

    func build() throws(DocumentError) -> Document {
        let p = parts
        let s = p.settings
        let data = p.data
        let year = p.request.year
        let units = data.units.values.filter { !$0.archived }
        let people = data.people.values.filter { !$0.archived }
        let bands = data.rules.classBands.map(\.name) + [data.rules.belowBandsName]

        var blocks: [Document.Block] = [
            try p.header(code: "BC-\(s.issuingBodyCode)"),
            .title(.ruled("Báo cáo", summary: ["Kết quả thực hiện phong trào \(p.movement)", "năm \(year)"])),
            .paragraph(.init("Kính gửi: Ủy ban nhân dân tỉnh \(s.provinceName) (qua Sở Nội vụ).", alignment: .center,
                             firstLineIndent: 0)),
            .paragraph(.init("Thực hiện \(s.planReference), Ủy ban nhân dân xã \(s.communeName) báo cáo kết quả năm \(year) như sau:")),
            section("I. ĐỐI TƯỢNG THAM GIA"),
        ]
        let perBlock = data.categories.sorted { $0.order < $1.order }.map { c in
            "\(c.shortName): \(units.filter { $0.categoryID == c.id }.count)"
        }
        let registered = p.counted(units.count, people.count)
        blocks.append(.paragraph(.init(registered.map { "Có \($0) đăng ký thi đua" + (units.isEmpty ? "." : " (tập thể theo khối: \(perBlock.joined(separator: "; "))).") }
            ?? "Chưa có tập thể, cá nhân nào đăng ký thi đua.")))

        blocks.append(section("II. KẾT QUẢ CHẤM ĐIỂM, XẾP LOẠI"))
        var columns = [Document.Column("Khối", width: 26),
                       Document.Column("Số đối tượng", width: 9, alignment: .center, kind: .integer),
                       Document.Column("Đã chấm", width: 8, alignment: .center, kind: .integer)]
        columns += bands.map { Document.Column($0, width: 8, alignment: .center, kind: .integer) }
        var rows: [Document.Row] = []
        var totals = Array(repeating: 0, count: bands.count + 2)
        let blocksToCount: [(String?, String, Int)] = data.categories.sorted { $0.order < $1.order }
            .map { c in (c.id, c.name, units.filter { $0.categoryID == c.id }.count) } + [(nil, "Cá nhân", people.count)]
        for (id, name, count) in blocksToCount {
            let ranking = data.ranking(year: year, categoryID: id, nameOrder: data.vietnameseNameOrder)
            let perClass = bands.map { band in ranking.filter { $0.className == band }.count }
            let values = [count, ranking.count] + perClass
            for (i, v) in values.enumerated() { totals[i] += v }
            rows.append(.data([name] + values.map(String.init)))
        }
        rows.append(.data(["Cộng"] + totals.map(String.init)))
        blocks.append(.table(.init(columns: columns, rows: rows, fontSize: 12, name: "Chấm điểm, xếp loại")))

        blocks.append(section("III. BÁO CÁO CỦA CÁC ĐƠN VỊ"))
        let reports = units.compactMap { data.reports[ReportKey(year: year, unitID: $0.id)] }
        let late = reports.filter { s.timeliness(of: $0) == .late }.count
        blocks.append(.paragraph(.init("Hạn các đơn vị gửi báo cáo về xã: \(s.unitReportDue(in: year).display). "
            + p.reportReceipt(units: units.count, onTime: reports.count - late, late: late))))

        blocks.append(section("IV. ĐỀ NGHỊ VÀ KẾT QUẢ KHEN THƯỞNG"))
        blocks.append(nominationTable(year: year))
        let awarded = Set(data.awards.values.filter { $0.year == year }.map(\.recipient))
        let awardedCollectives = awarded.filter { $0.kind == .collective }.count
        let awardedLine = p.counted(awardedCollectives, awarded.count - awardedCollectives)
            .map { "Trong năm có \($0) được khen thưởng theo quyết định của cấp có thẩm quyền." }
            ?? "Trong năm chưa có tập thể, cá nhân nào được khen thưởng theo quyết định của cấp có thẩm quyền."
        blocks.append(.paragraph(.init(awardedLine)))
        // The office's own sections; a section not written yet is left to write by hand.
        let written = data.communeReports[year] ?? CommuneYearReport(year: year)
        for (index, part) in CommuneYearReport.Section.allCases.enumerated() {
            blocks.append(section("\(["V", "VI", "VII", "VIII"][index]). \(part.heading.uppercased())"))
            let paragraphs = written[part].split(separator: "\n").map(String.init).filter { !$0.isEmpty }
            blocks += paragraphs.isEmpty
                ? Array(repeating: .paragraph(.init(Self.lineToFill, alignment: .left, firstLineIndent: 0)), count: 2)
                : paragraphs.map { .paragraph(.init($0)) }
        }
        blocks.append(.paragraph(.init("Trên đây là báo cáo kết quả thực hiện phong trào năm \(year) của Ủy ban nhân dân xã \(s.communeName)./.")))
        blocks.append(p.signature(.committee, recipients: ["Như trên", "Thường trực Đảng ủy, HĐND xã"]))
        return Document(page: .init(), blocks: blocks, title: "Báo cáo kết quả phong trào năm \(year)")
    }

    /// Per form of the year: distinct collectives and individuals proposed, passed by the
    /// council's vote and not passed (the rest were not voted on yet), and awarded.
    private func nominationTable(year: Int) -> Document.Block {
        let data = parts.data
        let columns = [Document.Column("Hình thức", width: 24)]
            + ["Tập thể đề nghị", "Tập thể đạt", "Tập thể không đạt", "Cá nhân đề nghị", "Cá nhân đạt", "Cá nhân không đạt",
               "Đã khen"].map { Document.Column($0, width: 8, alignment: .center, kind: .integer) }
        let nominations = data.nominations.values.filter { $0.period == .year(year) }
        var rows: [Document.Row] = []
        for form in data.catalog.forms(for: .year(year)) {
            let chosen = nominations.filter { $0.formID == form.id }
            func count(_ kind: SubjectKind, _ keep: (Nomination) -> Bool) -> String {
                String(Set(chosen.filter { $0.nominee.kind == kind && keep($0) }.map(\.nominee)).count)
            }
            let passed: (Nomination) -> Bool = { data.councilOutcome(of: $0) == .passed }
            let failed: (Nomination) -> Bool = { data.councilOutcome(of: $0) == .failed }
            let awarded = Set(chosen.filter { $0.status == .awarded }.map(\.nominee)).count
            rows.append(.data([form.name, count(.collective) { _ in true }, count(.collective, passed), count(.collective, failed),
                               count(.individual) { _ in true }, count(.individual, passed), count(.individual, failed),
                               String(awarded)]))
        }
        return .table(.init(columns: columns, rows: rows, fontSize: 11, name: "Đề nghị, khen thưởng"))
    }

    /// A dotted line to write on by hand, one printed line long on a portrait page.
    static let lineToFill = String(repeating: "…", count: 30)

    private func section(_ title: String) -> Document.Block {
        .paragraph(.init(title, style: .bold, alignment: .left, firstLineIndent: 0))
    }
}
