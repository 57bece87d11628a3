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

    /// Every manifest's members must exist with their size; `verifyingBackups` also reads each
    /// member and checks its SHA-256 (`thidua check --backups`).
    public static func run(folder: String, clock: any Clock = SystemClock(),
                           fileSystem: any FileSystem = PosixFileSystem(), verifyingBackups: Bool = false) -> Report {
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
        problems += ManifestBackups.problems(in: store.backupFolder, hashes: verifyingBackups, fileSystem: fileSystem)
        let data = store.dataset
        problems += settingsProblems(data, context: ChangeContext(clock: clock, user: store.identity.user))
        problems += references(data)
        let summary = "\(data.units.count) đơn vị, \(data.people.count) cá nhân, \(data.sheets.count) phiếu chấm, "
            + "\(data.reports.count) báo cáo, \(data.nominations.count) đề nghị, \(data.awards.count) khen thưởng."
        return Report(problems: problems, summary: summary)
    }

    /// thidua.json: a code used twice in one of its lists, and whatever the domain would refuse
    /// if the same settings, rules or categories were entered on screen (a rule naming a form
    /// that does not exist, a khối pointing at a missing criteria group, an empty commune name).
    static func settingsProblems(_ data: Dataset, context: ChangeContext) -> [String] {
        var problems: [String] = []
        let lists = [("khối", data.categories.map(\.id)), ("nhóm tiêu chí", data.criteriaGroups.map(\.id)),
                     ("hình thức khen thưởng", data.catalog.forms.map(\.id)), ("danh hiệu", data.catalog.titles.map(\.id)),
                     ("quy tắc", data.rules.eligibility.map(\.id) + data.rules.suggestions.map(\.id))]
        for (what, ids) in lists {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                problems.append("\(FolderLayout.settings): mã \(what) «\(id)» bị trùng; mỗi mã chỉ được dùng một lần.")
            }
        }
        let edits: [Change] = [.updateSettings(settings: data.settings), .updateRules(rules: data.rules)]
            + data.categories.map { .updateCategory(category: $0) }
        for edit in edits {
            do {
                _ = try data.apply(edit, context: context)
            } catch {
                problems.append("\(FolderLayout.settings): \(error.message)")
            }
        }
        return problems
    }

    /// Records that point at something that does not exist.
    static func references(_ data: Dataset) -> [String] {
        var problems: [String] = []
        for set in data.criteriaSets.values.sorted(by: { $0.key < $1.key }) where data.criteriaGroup(set.groupID) == nil {
            problems.append("\(FolderLayout.criteria(set.year)), bộ tiêu chí nhóm «\(set.groupID)»: nhóm tiêu chí không có trong \(FolderLayout.settings).")
        }
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
        for award in data.awards.values.sorted(by: { $0.id < $1.id }) {
            if !data.exists(award.recipient) {
                problems.append("\(FolderLayout.awards), khen thưởng \(award.id): đối tượng «\(award.recipient)» không tồn tại.")
            }
            switch award.recognition {
            case .form(let id, _) where data.catalog.form(id) == nil:
                problems.append("\(FolderLayout.awards), khen thưởng \(award.id): hình thức «\(id)» không tồn tại.")
            case .title(let id) where data.catalog.title(id) == nil:
                problems.append("\(FolderLayout.awards), khen thưởng \(award.id): danh hiệu «\(id)» không tồn tại.")
            default:
                break
            }
        }
        return problems
    }
}
