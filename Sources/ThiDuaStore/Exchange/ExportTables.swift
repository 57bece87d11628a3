import Foundation
import ThiDuaDomain

/// The tables `thidua export` writes: a header in Vietnamese and rows of text, in the
/// order the office reads them (units by category and order, people by given name).
public enum ExportTables {
    public struct Table: Sendable {
        public var name: String
        /// The table's name in Vietnamese: the sheet of a workbook.
        public var title: String
        public var header: [String]
        /// Stable English keys for JSON output, one per column.
        public var keys: [String]
        /// What each column holds, so a workbook gets numbers and dates (CSV and JSON write text).
        public var kinds: [SpreadsheetColumn.Kind]
        public var rows: [[String]]

        /// Each column's header, key and kind side by side, so they never drift apart.
        init(name: String, title: String, columns: [(header: String, key: String, kind: SpreadsheetColumn.Kind)],
             rows: [[String]]) {
            self.name = name
            self.title = title
            header = columns.map(\.header)
            keys = columns.map(\.key)
            kinds = columns.map(\.kind)
            self.rows = rows
        }
    }

    public static func units(_ data: Dataset) -> Table {
        let categoryOrder = Dictionary(uniqueKeysWithValues: data.categories.map { ($0.id, $0.order) })
        let units = data.units.values.sorted {
            (categoryOrder[$0.categoryID] ?? 99, $0.order, $0.id.rawValue) < (categoryOrder[$1.categoryID] ?? 99, $1.order, $1.id.rawValue)
        }
        return Table(
            name: "units",
            title: "Đơn vị",
            columns: [
                ("Mã", "code", .text),
                ("Tên đơn vị", "name", .text),
                ("Khối", "category", .text),
                ("Thứ tự", "order", .integer),
                ("Người đứng đầu", "head", .text),
                ("Điện thoại", "phone", .text),
                ("Lưu trữ", "archived", .text),
                ("Ghi chú", "notes", .text),
            ],
            rows: units.map { unit in
                [unit.id.rawValue, unit.name, data.category(unit.categoryID)?.shortName ?? unit.categoryID,
                 String(unit.order), unit.head, unit.phone, unit.archived ? "có" : "không", unit.notes]
            })
    }

    public static func people(_ data: Dataset) -> Table {
        let people = data.people.values.sorted {
            let a = PersonName(fullName: $0.fullName, givenName: $0.givenName).sortKey
            let b = PersonName(fullName: $1.fullName, givenName: $1.givenName).sortKey
            return a != b ? a < b : $0.id < $1.id
        }
        return Table(
            name: "people",
            title: "Cá nhân",
            columns: [
                ("Mã", "code", .text),
                ("Họ và tên", "fullName", .text),
                ("Tên", "givenName", .text),
                ("Giới tính", "gender", .text),
                ("Năm sinh", "birthYear", .integer),
                ("Chức vụ", "position", .text),
                ("Đơn vị", "unit", .text),
                ("Mã đơn vị", "unitCode", .text),
                ("Địa chỉ", "address", .text),
                ("Đối tượng", "kind", .text),
                ("Kỷ luật", "discipline", .text),
                ("Lưu trữ", "archived", .text),
                ("Ghi chú", "notes", .text),
            ],
            rows: people.map { p in
                [p.id.rawValue, p.fullName, p.resolvedGivenName, p.gender.label, p.birthYear.map(String.init) ?? "",
                 p.position, p.unitID.map { data.name(of: .unit($0)) } ?? "", p.unitID?.rawValue ?? "",
                 p.address, p.kind.label, p.underDiscipline ? "có" : "không", p.archived ? "có" : "không", p.notes]
            })
    }

    /// One row per sheet of `year` (all years when nil): totals, rank within the block, class.
    public static func scores(_ data: Dataset, year: Int?) -> Table {
        let years = year.map { [$0] } ?? Array(Set(data.sheets.keys.map(\.year))).sorted()
        var rows: [[String]] = []
        let nameOrder: (Subject, Subject) -> Bool = {
            VietnameseCollation.key(data.name(of: $0)) < VietnameseCollation.key(data.name(of: $1))
        }
        for year in years {
            let blocks: [(String, String?)] = data.categories.sorted { $0.order < $1.order }.map { ($0.shortName, $0.id) }
                + [("Cá nhân", nil)]
            for (blockName, categoryID) in blocks {
                for entry in data.ranking(year: year, categoryID: categoryID, nameOrder: nameOrder) {
                    let sheet = data.sheets[SheetKey(year: year, subject: entry.subject)]!
                    let t = entry.totals
                    rows.append([String(year), blockName, entry.subject.kind.label, entry.subject.code,
                                 data.name(of: entry.subject),
                                 sheet.state.label, t.selfTotal.decimalString, t.normal.decimalString,
                                 t.bonus.decimalString, t.deductions.decimalString, t.total.decimalString,
                                 t.usesSelfFallback ? "có" : "không", String(entry.rank), entry.className])
                }
            }
        }
        return Table(
            name: "scores",
            title: "Điểm",
            columns: [
                ("Năm", "year", .integer),
                ("Khối", "block", .text),
                ("Tập thể / cá nhân", "subjectKind", .text),
                ("Mã", "subject", .text),
                ("Tên", "name", .text),
                ("Trạng thái", "state", .text),
                ("Tổng tự chấm", "selfTotal", .decimal),
                ("Điểm tiêu chí (thẩm định)", "appraisedNormal", .decimal),
                ("Điểm cộng", "bonus", .decimal),
                ("Điểm trừ", "deductions", .decimal),
                ("Tổng điểm", "total", .decimal),
                ("Còn dùng điểm tự chấm", "selfFallback", .text),
                ("Hạng trong khối", "rank", .integer),
                ("Xếp loại", "class", .text),
            ],
            rows: rows)
    }

    /// The nominations of one period (every period when nil): form, nominee, the score snapshot,
    /// the vote, the status, the findings with their override reasons, and the decision.
    public static func nominations(_ data: Dataset, period: Period?) -> Table {
        // By period and form (most senior first), then the order of every list of nominees.
        let nominations = data.nominations.values
            .filter { period == nil || $0.period == period }
            .map { (period: $0.period, rank: -(data.catalog.form($0.formID)?.rank ?? 0), formID: $0.formID,
                    key: data.sortKey(of: $0), nomination: $0) }
            .sorted { a, b in
                if (a.period, a.rank, a.formID) != (b.period, b.rank, b.formID) {
                    return (a.period, a.rank, a.formID) < (b.period, b.rank, b.formID)
                }
                return a.key < b.key
            }
            .map(\.nomination)
        return Table(
            name: "nominations",
            title: "Đề nghị khen thưởng",
            columns: [
                ("Đợt", "period", .text),
                ("Mã đề nghị", "code", .text),
                ("Hình thức", "form", .text),
                ("Hạng", "grade", .text),
                ("Loại khen thưởng", "kind", .text),
                ("Tập thể / cá nhân", "subjectKind", .text),
                ("Mã đối tượng", "subject", .text),
                ("Tên", "name", .text),
                ("Tóm tắt thành tích", "achievements", .text),
                ("Năm điểm", "scoreYear", .integer),
                ("Tổng điểm", "total", .decimal),
                ("Xếp loại", "class", .text),
                ("Hạng trong khối", "rank", .integer),
                ("Biểu quyết", "voteMethod", .text),
                ("Đồng ý / tổng số thành viên", "votes", .text),
                ("Tỷ lệ đồng ý (%)", "agreePercent", .decimal),
                ("Trạng thái", "status", .text),
                ("Cảnh báo", "findings", .text),
                ("Số quyết định", "decisionNumber", .text),
                ("Ngày quyết định", "decisionDate", .date),
                ("Ghi chú", "notes", .text),
            ],
            rows: nominations.map { n in
                let findings = Eligibility.findings(for: n, in: data).map { finding in
                    ExportTables.oneClause(finding.reason + (finding.overrideReason.map { " (vẫn đề nghị: \($0))" } ?? ""))
                }
                let snapshot = n.scoreSnapshot
                return [n.period.token, n.id.rawValue, data.catalog.form(n.formID)?.name ?? n.formID, n.grade ?? "",
                        n.kind.label, n.nominee.kind.label, n.nominee.code, data.name(of: n.nominee),
                        n.achievementSummary, snapshot.map { String($0.year) } ?? "",
                        snapshot?.total.decimalString ?? "", snapshot?.className ?? "", snapshot?.rank.map(String.init) ?? "",
                        n.vote?.method.label ?? "", n.vote.map { "\($0.agree)/\($0.membersTotal)" } ?? "",
                        n.vote.map { $0.agreePercentText.replacingOccurrences(of: ",", with: ".") } ?? "",
                        n.status.label, findings.joined(separator: "; "),
                        n.decision?.number ?? "", n.decision?.date.display ?? "", n.note]
            })
    }

    /// Warnings in one cell are separated by "; ", so a reason's own "; " becomes ", ": a
    /// script splitting the cell on "; " gets one warning per piece.
    static func oneClause(_ reason: String) -> String {
        reason.replacingOccurrences(of: "; ", with: ", ")
    }

    public static func awards(_ data: Dataset) -> Table {
        let awards = data.awards.values.sorted { ($0.year, $0.id) < ($1.year, $1.id) }
        return Table(
            name: "awards",
            title: "Khen thưởng",
            columns: [
                ("Mã", "code", .text),
                ("Năm", "year", .integer),
                ("Tập thể / cá nhân", "subjectKind", .text),
                ("Mã đối tượng", "subject", .text),
                ("Tên", "name", .text),
                ("Hình thức / danh hiệu", "recognition", .text),
                ("Loại khen thưởng", "kind", .text),
                ("Số quyết định", "decisionNumber", .text),
                ("Ngày quyết định", "decisionDate", .date),
                ("Cấp quyết định", "issuer", .text),
                ("Ghi chú", "notes", .text),
            ],
            rows: awards.map { a in
                return [a.id.rawValue, String(a.year), a.recipient.kind.label, a.recipient.code, data.name(of: a.recipient), data.catalog.name(of: a.recognition),
                        a.kind.label, a.decision.number, a.decision.date.display, a.decision.issuer, a.note]
            })
    }

    /// The table as JSON: an array of objects keyed by the English column keys.
    public static func json(_ table: Table) throws -> Data {
        let objects = table.rows.map { row in
            Dictionary(uniqueKeysWithValues: zip(table.keys, row))
        }
        // The encoder writes an empty array as "[\n\n]"; scripts expect "[]".
        if objects.isEmpty { return Data("[]\n".utf8) }
        var data = try StoreFormat.encode(objects)
        if data.last != 0x0A { data.append(0x0A) }
        return data
    }

    public static func csv(_ table: Table) -> Data {
        SpreadsheetCSV.data(header: table.header, rows: table.rows)
    }
}
