import Dispatch
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
        let report = findings(in: store, folder: folder, clock: clock, fileSystem: fileSystem,
                              verifyingBackups: verifyingBackups)
        try? store.close()
        // Freeing a province's data (millions of objects) took a seventh of `thidua check`,
        // whose caller only wants the report: it is let go on another thread.
        ReleaseElsewhere.release(consume store)
        return report
    }

    private static func findings(in store: DataStore, folder: String, clock: any Clock, fileSystem: any FileSystem,
                                 verifyingBackups: Bool) -> Report {
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

    /// Records that point at something that does not exist, in each collection's order.
    static func references(_ data: Dataset) -> [String] {
        var problems: [String] = []
        problems += inOrder(data.criteriaSets, by: <) { set in
            data.criteriaGroup(set.groupID) != nil ? []
                : ["\(FolderLayout.criteria(set.year)), bộ tiêu chí nhóm «\(set.groupID)»: nhóm tiêu chí không có trong \(FolderLayout.settings)."]
        }
        problems += inOrder(data.units, by: <) { unit in
            data.category(unit.categoryID) != nil ? []
                : ["\(FolderLayout.units), đơn vị \(unit.id): khối «\(unit.categoryID)» không có trong \(FolderLayout.settings)."]
        }
        problems += inOrder(data.people, by: <) { person in
            guard let unitID = person.unitID, data.units[unitID] == nil else { return [] }
            return ["\(FolderLayout.people), cá nhân \(person.id): đơn vị «\(unitID)» không có trong \(FolderLayout.units)."]
        }
        problems += sheetProblems(of: data)
        problems += inOrder(data.reports, by: { ($0.year, $0.unitID) < ($1.year, $1.unitID) }) { report in
            data.units[report.unitID] != nil ? []
                : ["\(FolderLayout.reports(report.year)), báo cáo của «\(report.unitID)»: đơn vị không tồn tại."]
        }
        problems += inOrder(data.nominations, by: <) { nomination in
            let file = FolderLayout.nominations(nomination.period)
            var found: [String] = []
            if !data.exists(nomination.nominee) {
                found.append("\(file), đề nghị \(nomination.id): đối tượng «\(nomination.nominee)» không tồn tại.")
            }
            if data.catalog.form(nomination.formID) == nil {
                found.append("\(file), đề nghị \(nomination.id): hình thức «\(nomination.formID)» không tồn tại.")
            }
            return found
        }
        problems += inOrder(data.awards, by: <) { award in
            var found: [String] = []
            if !data.exists(award.recipient) {
                found.append("\(FolderLayout.awards), khen thưởng \(award.id): đối tượng «\(award.recipient)» không tồn tại.")
            }
            switch award.recognition {
            case .form(let id, _) where data.catalog.form(id) == nil:
                found.append("\(FolderLayout.awards), khen thưởng \(award.id): hình thức «\(id)» không tồn tại.")
            case .title(let id) where data.catalog.title(id) == nil:
                found.append("\(FolderLayout.awards), khen thưởng \(award.id): danh hiệu «\(id)» không tồn tại.")
            default:
                break
            }
            return found
        }
        return problems
    }

    /// Every score sheet's problems, sheet by sheet in key order. The sheets are checked on two
    /// threads: a province's 90,000 were most of what `thidua check` did once the files were read.
    private static func sheetProblems(of data: Dataset) -> [String] {
        let sheets = Array(data.sheets.values)
        let halves = ResultSlots<[(key: SheetKey, problems: [String])]>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let range = half == 0 ? 0..<sheets.count / 2 : sheets.count / 2..<sheets.count
            var found: [(key: SheetKey, problems: [String])] = []
            var items = CriteriaItems()
            for sheet in sheets[range] {
                let these = sheetProblems(sheet, in: data, items: &items)
                if !these.isEmpty { found.append((sheet.key, these)) }
            }
            halves.set(half, found)
        }
        return halves.values.flatMap { $0 ?? [] }.sorted { $0.key < $1.key }.flatMap(\.problems)
    }

    /// Each criteria set's item maximums by code, made once per set for a thread's sheets: a
    /// set's `item(_:)` looks through its list, once per score of 90,000 sheets, and a whole
    /// item copied out per score cost a third of checking it.
    private struct CriteriaItems {
        private var bySet: [CriteriaSetKey: [String: Points]] = [:]

        mutating func maximums(of set: CriteriaSet) -> [String: Points] {
            let key = CriteriaSetKey(year: set.year, groupID: set.groupID)
            if let known = bySet[key] { return known }
            // The first of a code, as `CriteriaSet.item(_:)` finds it.
            let made = Dictionary(set.items.map { ($0.code, $0.maximum) }) { first, _ in first }
            bySet[key] = made
            return made
        }
    }

    /// One sheet's problems: its subject, its criteria set, and each item's scores, by item code.
    private static func sheetProblems(_ sheet: ScoreSheet, in data: Dataset, items: inout CriteriaItems) -> [String] {
        // The file's name only when there is something to say: spelling it for each of a
        // province's 90,000 sheets cost more than checking them.
        var file: String { FolderLayout.scores(sheet.year) }
        var found: [String] = []
        if !data.exists(sheet.subject) {
            found.append("\(file), phiếu «\(sheet.subject)»: đối tượng không tồn tại.")
        }
        guard let set = data.criteriaSet(for: sheet) else {
            found.append("\(file), phiếu «\(sheet.subject)»: chưa có bộ tiêu chí nhóm «\(sheet.groupID)» năm \(sheet.year).")
            return found
        }
        let maximums = items.maximums(of: set)
        found += inOrder(sheet.items, by: <) { code, score in
            guard let maximum = maximums[code] else {
                return ["\(file), phiếu «\(sheet.subject)»: tiêu chí «\(code)» không có trong bộ tiêu chí."]
            }
            var itemProblems: [String] = []
            for field in ScoreField.allCases {
                if let value = score[field], value < .zero || value > maximum {
                    itemProblems.append("\(file), phiếu «\(sheet.subject)», tiêu chí \(code): điểm \(field.label.lowercased()) \(value.display) ngoài khoảng 0–\(maximum.display).")
                }
            }
            return itemProblems
        }
        return found
    }

    /// The problems of every record of `table`, record by record in the order `less` gives their
    /// keys. Only the records that have problems are put in order: sorting a province's 90,000
    /// score sheets (each comparison spelling out two subjects) took a third of `thidua check`.
    private static func inOrder<Key, Value>(_ table: [Key: Value], by less: (Key, Key) -> Bool,
                                            _ problems: (Value) -> [String]) -> [String] {
        inOrder(table, by: less) { _, value in problems(value) }
    }

    private static func inOrder<Key, Value>(_ table: [Key: Value], by less: (Key, Key) -> Bool,
                                            _ problems: (Key, Value) -> [String]) -> [String] {
        var found: [(key: Key, problems: [String])] = []
        for (key, value) in table {
            let these = problems(key, value)
            if !these.isEmpty { found.append((key, these)) }
        }
        return found.sorted { less($0.key, $1.key) }.flatMap(\.problems)
    }
}
