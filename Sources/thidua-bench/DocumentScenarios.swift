import Foundation
import ThiDuaDomain
import ThiDuaRender

/// 6. Rendering a nomination list of 500 and 2,000 rows as PDF, DOCX and text, from the
/// commune dataset with that many nominations; and, when LibreOffice is installed, its
/// conversion of our own DOCX of the same list, as the yardstick for the PDF writer.
struct DocumentScenarios {
    let runs: Int
    var rows: [ResultRow] = []

    mutating func nominationList(rowCounts: [Int]) throws {
        let base = try ScaleData.build(communes: 1)
        let writer = try PDFWriter(creationDate: Date(timeIntervalSince1970: 0))
        let today = try CalendarDate(year: 2026, month: 11, day: 24)
        for count in rowCounts {
            let data = Self.withNominations(count, in: base)
            let request = DocumentRequest(kind: .nominationList, year: 2026, formID: "giay-khen-xa", number: "12", date: today)
            let scale = "\(count) dòng"
            var pdfBytes = 0
            let pdf = try Measure.time(runs: runs) {
                let document = try DocumentBuilder.build(request, data: data)
                pdfBytes = try writer.data(for: document).count
            }
            let pdfTarget = count == 500 ? "≤ 100 ms" : "—"
            rows.append(ResultRow(scenario: "PDF danh sách đề nghị (\(pdfBytes / 1024) KB, gồm dựng văn bản)", scale: scale,
                                  timing: pdf, target: pdfTarget, met: count == 500 ? pdf.median <= 100 : nil))
            let docxWriter = DOCXWriter()
            var docx = Data()
            let docxTiming = try Measure.time(runs: runs) {
                docx = try docxWriter.data(for: try DocumentBuilder.build(request, data: data))
            }
            rows.append(ResultRow(scenario: "DOCX danh sách đề nghị (\(docx.count / 1024) KB)", scale: scale,
                                  timing: docxTiming, target: "—"))
            let text = try Measure.time(runs: runs) {
                _ = TextWriter(width: 120).render(try DocumentBuilder.build(request, data: data))
            }
            rows.append(ResultRow(scenario: "Văn bản thuần (xem trước) danh sách đề nghị", scale: scale,
                                  timing: text, target: "—"))
            if let office = Self.libreOffice {
                let seconds = try Self.convert(docx, with: office)
                let ratio = seconds * 1000 / max(pdf.median, 0.001)
                rows.append(ResultRow(scenario: "LibreOffice chuyển DOCX của ta sang PDF: \(String(format: "%.1f s", seconds)), chậm hơn PDF của ta \(String(format: "%.0f", ratio)) lần",
                                      scale: scale, figure: String(format: "%.0f×", ratio),
                                      target: count == 500 ? "≥ 15×" : "—", met: count == 500 ? ratio >= 15 : nil))
            }
        }
    }

    /// For profiling: the list of `rows` nominations built and written as PDF, once.
    static func pdfListOnce(rows: Int) throws {
        let data = withNominations(rows, in: try ScaleData.build(communes: 1))
        let request = DocumentRequest(kind: .nominationList, year: 2026, formID: "giay-khen-xa", number: "12",
                                      date: try CalendarDate(year: 2026, month: 11, day: 24))
        _ = try PDFWriter(creationDate: Date(timeIntervalSince1970: 0)).data(for: try DocumentBuilder.build(request, data: data))
    }

    /// The commune with `count` nominations for Giấy khen in 2026, each with a two-sentence
    /// achievement summary so rows wrap as real ones do.
    /// Built with the initialiser, as the store's loader builds what it reads.
    static func withNominations(_ count: Int, in base: Dataset) -> Dataset {
        var nominations = base.nominations
        let subjects = (base.units.keys.sorted().map(Subject.unit) + base.people.keys.sorted().map(Subject.person))
        for i in 0..<count {
            let id = NominationID(String(format: "DN%05d", i + 1))
            nominations[id] = Nomination(
                id: id, period: .year(2026), formID: "giay-khen-xa", nominee: subjects[i % subjects.count],
                achievementSummary: "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2026; triển khai \(i % 7 + 1) sáng kiến, số hóa hồ sơ một cửa và hướng dẫn người dân dùng dịch vụ công trực tuyến.")
        }
        return Dataset(settings: base.settings, categories: base.categories, criteriaGroups: base.criteriaGroups,
                       catalog: base.catalog, rules: base.rules, units: base.units, people: base.people,
                       criteriaSets: base.criteriaSets, sheets: base.sheets, reports: base.reports,
                       nominations: nominations, awards: base.awards, communeReports: base.communeReports)
    }

    static var libreOffice: String? {
        ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Seconds for `soffice --headless --convert-to pdf` of the DOCX, in a private profile.
    static func convert(_ docx: Data, with office: String) throws -> Double {
        let dir = NSTemporaryDirectory() + "thidua-bench-office-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/list.docx"
        try docx.write(to: URL(fileURLWithPath: input))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: office)
        process.arguments = ["-env:UserInstallation=file://\(dir)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", dir, input]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        process.waitUntilExit()
        return Date().timeIntervalSince(start)
    }
}
