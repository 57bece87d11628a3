import Foundation
import ThiDuaDomain

/// `thidua check`: reads everything without changing anything and lists what is wrong,
/// each problem naming its file and line or record.
public enum FolderCheck {
    public struct Report: Sendable {
        public var problems: [String]
        public var summary: String
        public var isHealthy: Bool { problems.isEmpty }
    }

    public static func run(folder: String, clock: any Clock = SystemClock(),
                           fileSystem: any FileSystem = PosixFileSystem()) -> Report {
        let store: DataStore
        do {
            store = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true),
                                       clock: clock, fileSystem: fileSystem)
        } catch {
            return Report(problems: [error.message], summary: "Không mở được thư mục «\(folder)».")
        }
        var problems = store.notices
        if let trail = try? store.auditTrail() {
            for problem in trail.problems where !problems.contains(problem) { problems.append(problem) }
        }
        if fileSystem.exists(FilePath.join(folder, FolderLayout.checkpointManifest)) {
            problems.append("\(FolderLayout.checkpointManifest): lần ghi trước bị ngắt giữa chừng; mở chương trình (có quyền ghi) để hoàn tất.")
        }
        problems += references(store.dataset)
        let data = store.dataset
        let summary = "\(data.units.count) đơn vị, \(data.people.count) cá nhân, \(data.sheets.count) phiếu chấm, "
            + "\(data.reports.count) báo cáo, \(data.nominations.count) đề nghị, \(data.awards.count) khen thưởng."
        return Report(problems: problems, summary: summary)
    }

    /// Records that point at something that does not exist.
    static func references(_ data: Dataset) -> [String] {
        var problems: [String] = []
        for unit in data.units.values.sorted(by: { $0.id < $1.id }) where data.category(unit.categoryID) == nil {
            problems.append("\(FolderLayout.units), đơn vị \(unit.id): khối «\(unit.categoryID)» không có trong \(FolderLayout.settings).")
        }
        for person in data.people.values.sorted(by: { $0.id < $1.id }) {
            if let unitID = person.unitID, data.units[unitID] == nil {
                problems.append("\(FolderLayout.people), cá nhân \(person.id): đơn vị «\(unitID)» không có trong \(FolderLayout.units).")
            }
        }
        for sheet in data.sheets.values.sorted(by: { $0.key < $1.key }) {
            let file = FolderLayout.scores(sheet.year)
            if !data.exists(sheet.subject) {
                problems.append("\(file), phiếu «\(sheet.subject)»: đối tượng không tồn tại.")
            }
            guard let set = data.criteriaSet(for: sheet) else {
                problems.append("\(file), phiếu «\(sheet.subject)»: chưa có bộ tiêu chí nhóm «\(sheet.groupID)» năm \(sheet.year).")
                continue
            }
            for (code, score) in sheet.items.sorted(by: { $0.key < $1.key }) {
                guard let item = set.item(code) else {
                    problems.append("\(file), phiếu «\(sheet.subject)»: tiêu chí «\(code)» không có trong bộ tiêu chí.")
                    continue
                }
                for field in ScoreField.allCases {
                    if let value = score[field], value < .zero || value > item.maximum {
                        problems.append("\(file), phiếu «\(sheet.subject)», tiêu chí \(code): điểm \(field.label.lowercased()) \(value.display) ngoài khoảng 0–\(item.maximum.display).")
                    }
                }
            }
        }
        for report in data.reports.values.sorted(by: { ($0.year, $0.unitID) < ($1.year, $1.unitID) })
        where data.units[report.unitID] == nil {
            problems.append("\(FolderLayout.reports(report.year)), báo cáo của «\(report.unitID)»: đơn vị không tồn tại.")
        }
        for nomination in data.nominations.values.sorted(by: { $0.id < $1.id }) {
            let file = FolderLayout.nominations(nomination.period)
            if !data.exists(nomination.nominee) {
                problems.append("\(file), đề nghị \(nomination.id): đối tượng «\(nomination.nominee)» không tồn tại.")
            }
            if data.catalog.form(nomination.formID) == nil {
                problems.append("\(file), đề nghị \(nomination.id): hình thức «\(nomination.formID)» không tồn tại.")
            }
        }
        for award in data.awards.values.sorted(by: { $0.id < $1.id }) where !data.exists(award.recipient) {
            problems.append("\(FolderLayout.awards), khen thưởng \(award.id): đối tượng «\(award.recipient)» không tồn tại.")
        }
        return problems
    }
}
