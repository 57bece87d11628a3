import Foundation
import ThiDuaDomain

/// Turns a CSV of units or people into one batch change, checking every row first.
/// Nothing is written unless all rows are valid; every bad row is reported with its
/// spreadsheet row number.
public enum CSVImport {
    public enum Table: String, CaseIterable, Sendable {
        case units
        case people
    }

    /// What an import would do: the change to commit and a line per row for the preview.
    public struct Plan: Sendable {
        /// nil while a duplicate row has no choice (`undecided`): nothing may be written yet.
        public var change: Change?
        public var added: Int
        public var updated: Int
        /// Duplicate rows left out by choice.
        public var skipped: Int
        public var preview: [String]
        /// Every row that repeats a kept record, decided or not.
        public var duplicates: [DuplicateRow]
        /// Header titles the import does not know, as written: shown, never read.
        public var ignoredColumns: [String]

        /// «Các cột không nhận ra …», for the preview; nil when every column is read.
        public var ignoredColumnsNote: String? {
            guard !ignoredColumns.isEmpty else { return nil }
            let titles = ignoredColumns.map { DomainError.quote($0) }.joined(separator: ", ")
            return "Các cột không nhận ra, sẽ không được đọc: \(titles)."
        }

        /// «2 dòng thêm mới, 1 dòng cập nhật, 1 dòng trùng bỏ qua» — what writing the plan does.
        public var summary: String {
            "\(added) dòng thêm mới, \(updated) dòng cập nhật" + (skipped > 0 ? ", \(skipped) dòng trùng bỏ qua" : "")
        }
    }

    public struct RowError: Sendable, Equatable {
        public var line: Int
        public var message: String
    }

    /// Every bad row of a file, with the file name.
    public struct Failure: Error, Sendable {
        public var file: String
        public var errors: [RowError]

        public var message: String {
            let lines = errors.prefix(50).map { "  \(file), dòng \($0.line): \($0.message)" }
            let more = errors.count > 50 ? ["  … và \(errors.count - 50) dòng lỗi khác."] : []
            return (["Tệp «\(file)» có \(errors.count) dòng lỗi; chưa ghi dòng nào:"] + lines + more)
                .joined(separator: "\n")
        }
    }

    /// The plan for a CSV file or an Excel workbook (told apart by their first bytes); `sheet`
    /// names the workbook's sheet to read (the first by default).
    /// Rows that repeat a kept unit or person are decided by `duplicates` (undecided by default).
    public static func plan(_ table: Table, data csvData: Data, file: String, sheet: String? = nil,
                            duplicates: DuplicateChoices = DuplicateChoices(), into dataset: Dataset,
                            context: ChangeContext) throws -> Plan {
        let csv: CSVText.Table
        if XLSXReader.looksLikeWorkbook(csvData) {
            csv = try XLSXReader.read(csvData, file: file, sheet: sheet).table(fields: fields(of: table))
        } else {
            csv = try CSVText.read(csvData, file: file)
        }
        guard !csv.rows.isEmpty || !csv.unreadable.isEmpty else {
            throw StoreError(file: file, reason: "tệp không có dòng dữ liệu nào dưới dòng tiêu đề.")
        }
        switch table {
        case .units: return try units(csv, file: file, duplicates: duplicates, into: dataset, context: context)
        case .people: return try people(csv, file: file, duplicates: duplicates, into: dataset, context: context)
        }
    }

    static func fields(of table: Table) -> [ColumnMap.Field] {
        switch table {
        case .units: return unitFields
        case .people: return personFields
        }
    }

    // MARK: Units

    static let unitFields: [ColumnMap.Field] = [
        .init(key: "code", aliases: ["Mã", "Mã đơn vị", "code", "id"], required: false),
        .init(key: "name", aliases: ["Tên đơn vị", "Tên", "Đơn vị", "name"], required: true),
        .init(key: "category", aliases: ["Khối", "category", "block"], required: true),
        .init(key: "order", aliases: ["Thứ tự", "STT", "order"], required: false),
        .init(key: "head", aliases: ["Người đứng đầu", "Thủ trưởng", "head"], required: false),
        .init(key: "phone", aliases: ["Điện thoại", "Số điện thoại", "phone"], required: false),
        .init(key: "notes", aliases: ["Ghi chú", "notes", "note"], required: false),
    ]

    private static func units(_ csv: CSVText.Table, file: String, duplicates choices: DuplicateChoices,
                              into start: Dataset, context: ChangeContext) throws -> Plan {
        let columns = try ColumnMap(header: csv.header, fields: unitFields, file: file, headerLine: csv.headerLine)
        var plan = PlanBuilder(dataset: start, context: context, table: csv, columns: columns)
        for (line, cells) in csv.rows {
            let name = columns.value("name", in: cells)
            let categoryText = columns.value("category", in: cells)
            guard let category = findCategory(categoryText, in: start) else {
                let known = start.categories.map(\.shortName).joined(separator: ", ")
                plan.fail(line, categoryText.isEmpty
                    ? "chưa ghi khối (các khối: \(known))."
                    : "không có khối \(DomainError.quote(categoryText)) (các khối: \(known)).")
                continue
            }
            let orderText = columns.value("order", in: cells)
            var order = plan.dataset.nextOrder(inCategory: category.id)
            if !orderText.isEmpty {
                do {
                    order = try NumberInput.whole(label: "Thứ tự").whole(orderText)
                } catch {
                    plan.fail(line, error.message)
                    continue
                }
            }
            func filled(_ base: OrgUnit, isNew: Bool) -> OrgUnit {
                var unit = base
                unit.name = name
                unit.categoryID = category.id
                if isNew || !orderText.isEmpty { unit.order = order }
                if columns.has("head") { unit.head = columns.value("head", in: cells) }
                if columns.has("phone") { unit.phone = columns.value("phone", in: cells) }
                if columns.has("notes") { unit.notes = columns.value("notes", in: cells) }
                return unit
            }
            let code = columns.value("code", in: cells)
            var existing = code.isEmpty ? nil : plan.dataset.units[UnitID(code)]
            var unit = filled(existing ?? OrgUnit(id: code.isEmpty ? plan.dataset.nextUnitID() : UnitID(code), name: name,
                                                  categoryID: category.id, order: order), isNew: existing == nil)
            var because = ""
            if existing == nil, let duplicate = plan.dataset.likelyDuplicate(of: unit) {
                guard let choice = plan.decide(line: line, name: name, duplicate: duplicate, choices: choices) else { continue }
                because = " (\(duplicate.message): \(choice.label))"
                if choice == .update, case .unit(let id) = duplicate.existing, let kept = plan.dataset.units[id] {
                    existing = kept
                    unit = filled(kept, isNew: false)
                }
            }
            let change: Change = existing == nil ? .addUnit(unit: unit) : .updateUnit(unit: unit)
            plan.record(change, line: line, isNew: existing == nil, preview: "dòng \(line): \(existing == nil ? "thêm" : "sửa") \(unit.id) «\(unit.name)» — \(category.shortName)\(because)")
        }
        return try plan.finish(label: "Nhập đơn vị", file: file)
    }

    static func findCategory(_ text: String, in data: Dataset) -> UnitCategory? {
        let folded = ColumnMap.fold(text)
        guard !folded.isEmpty else { return nil }
        return data.categories.first { category in
            [category.id, category.shortName, category.name].map(ColumnMap.fold).contains(folded)
        }
    }

    // MARK: People

    static let personFields: [ColumnMap.Field] = [
        .init(key: "code", aliases: ["Mã", "Mã cá nhân", "code", "id"], required: false),
        .init(key: "fullName", aliases: ["Họ và tên", "Họ tên", "fullName", "name"], required: true),
        .init(key: "givenName", aliases: ["Tên", "givenName"], required: false),
        .init(key: "gender", aliases: ["Giới tính", "gender", "sex"], required: true),
        .init(key: "birthYear", aliases: ["Năm sinh", "birthYear"], required: false),
        .init(key: "position", aliases: ["Chức vụ", "position"], required: false),
        .init(key: "unit", aliases: ["Đơn vị", "Mã đơn vị", "unit", "unitCode"], required: false),
        .init(key: "address", aliases: ["Địa chỉ", "address"], required: false),
        .init(key: "kind", aliases: ["Đối tượng", "Loại", "kind"], required: false),
        .init(key: "discipline", aliases: ["Kỷ luật", "discipline"], required: false),
        .init(key: "notes", aliases: ["Ghi chú", "notes", "note"], required: false),
    ]

    private static func people(_ csv: CSVText.Table, file: String, duplicates choices: DuplicateChoices,
                               into start: Dataset, context: ChangeContext) throws -> Plan {
        let columns = try ColumnMap(header: csv.header, fields: personFields, file: file, headerLine: csv.headerLine)
        var plan = PlanBuilder(dataset: start, context: context, table: csv, columns: columns)
        for (line, cells) in csv.rows {
            var problems: [String] = []
            let fullName = columns.value("fullName", in: cells)
            let genderText = ColumnMap.fold(columns.value("gender", in: cells))
            let gender: Gender? = ["nam", "male", "m"].contains(genderText) ? .male
                : ["nu", "female", "f"].contains(genderText) ? .female : nil
            if gender == nil {
                problems.append("giới tính \(DomainError.quote(columns.value("gender", in: cells))) phải là Nam hoặc Nữ.")
            }
            let yearText = columns.value("birthYear", in: cells)
            var birthYear: Int?
            if !yearText.isEmpty {
                // Only that it is a year here; the allowed years are the domain's check of a person.
                do { birthYear = try NumberInput.whole(label: "Năm sinh").whole(yearText) } catch { problems.append(error.message) }
            }
            let unitText = columns.value("unit", in: cells)
            let unitID = unitText.isEmpty ? nil : findUnit(unitText, in: plan.dataset)
            if !unitText.isEmpty && unitID == nil {
                problems.append("không có đơn vị \(DomainError.quote(unitText)) (ghi mã như DV0001 hoặc đúng tên đơn vị).")
            }
            let kindText = columns.value("kind", in: cells)
            var kind: PersonKind = unitID == nil ? .nhanDan : .congChuc
            if !kindText.isEmpty {
                if let match = PersonKind.allCases.first(where: { ColumnMap.fold($0.label) == ColumnMap.fold(kindText) || $0.rawValue == kindText }) {
                    kind = match
                } else {
                    problems.append("đối tượng \(DomainError.quote(kindText)) phải là một trong: \(PersonKind.allCases.map(\.label).joined(separator: ", ")).")
                }
            }
            let disciplineText = ColumnMap.fold(columns.value("discipline", in: cells))
            if !["", "co", "khong", "x", "yes", "no", "true", "false", "1", "0"].contains(disciplineText) {
                problems.append("cột kỷ luật chỉ nhận «có» hoặc «không».")
            }
            if !problems.isEmpty {
                plan.fail(line, problems.joined(separator: " "))
                continue
            }
            func filled(_ base: Person) -> Person {
                var person = base
                person.fullName = fullName
                person.gender = gender!
                person.kind = kind
                if columns.has("givenName") {
                    let given = columns.value("givenName", in: cells)
                    person.givenName = given.isEmpty || fullName.split(separator: " ").last.map(String.init) == given ? nil : given
                }
                if columns.has("birthYear") { person.birthYear = birthYear }
                if columns.has("position") { person.position = columns.value("position", in: cells) }
                if columns.has("unit") { person.unitID = unitID }
                if columns.has("address") { person.address = columns.value("address", in: cells) }
                if columns.has("discipline") { person.underDiscipline = ["co", "x", "yes", "true", "1"].contains(disciplineText) }
                if columns.has("notes") { person.notes = columns.value("notes", in: cells) }
                return person
            }
            let code = columns.value("code", in: cells)
            var existing = code.isEmpty ? nil : plan.dataset.people[PersonID(code)]
            var person = filled(existing ?? Person(id: code.isEmpty ? plan.dataset.nextPersonID() : PersonID(code),
                                                   fullName: fullName, gender: gender!, kind: kind))
            var because = ""
            if existing == nil, let duplicate = plan.dataset.likelyDuplicate(of: person) {
                guard let choice = plan.decide(line: line, name: fullName, duplicate: duplicate, choices: choices) else { continue }
                because = " (\(duplicate.message): \(choice.label))"
                if choice == .update, case .person(let id) = duplicate.existing, let kept = plan.dataset.people[id] {
                    existing = kept
                    person = filled(kept)
                }
            }
            let change: Change = existing == nil ? .addPerson(person: person) : .updatePerson(person: person)
            plan.record(change, line: line, isNew: existing == nil, preview: "dòng \(line): \(existing == nil ? "thêm" : "sửa") \(person.id) «\(person.fullName)»\(because)")
        }
        return try plan.finish(label: "Nhập cá nhân", file: file)
    }

    /// Applies rows one by one to a working copy, so later rows see earlier ones (codes,
    /// order numbers, duplicates), and collects either the changes or every row's error.
    struct PlanBuilder {
        private(set) var dataset: Dataset
        let context: ChangeContext
        private var changes: [Change] = []
        private var errors: [RowError] = []
        private var preview: [String] = []
        private var duplicates: [DuplicateRow] = []
        private var added = 0, updated = 0, skipped = 0
        private let ignoredColumns: [String]

        /// Rows the file could not even be read at are errors from the start.
        init(dataset: Dataset, context: ChangeContext, table: CSVText.Table, columns: ColumnMap) {
            self.dataset = dataset
            self.context = context
            ignoredColumns = columns.unknown
            errors = table.unreadable.map { RowError(line: $0.line, message: $0.message) }
        }

        mutating func fail(_ line: Int, _ message: String) {
            errors.append(RowError(line: line, message: message))
        }

        /// Notes a duplicate row and its choice; the choice when the row goes on to be written
        /// (add or update), nil when it is left out (skipped, or not decided yet).
        mutating func decide(line: Int, name: String, duplicate: LikelyDuplicate,
                             choices: DuplicateChoices) -> DuplicateChoice? {
            let row = DuplicateRow(line: line, name: name, duplicate: duplicate, choice: choices.choice(forLine: line))
            duplicates.append(row)
            switch row.choice {
            case nil:
                preview.append("\(row.description) — chưa chọn: thêm mới, cập nhật hay bỏ qua.")
                return nil
            case .skip:
                skipped += 1
                preview.append("\(row.description) — bỏ qua.")
                return nil
            case .add, .update:
                return row.choice
            }
        }

        mutating func record(_ change: Change, line: Int, isNew: Bool, preview text: String) {
            do {
                dataset = try dataset.apply(change, context: context).dataset
            } catch {
                fail(line, error.message)
                return
            }
            changes.append(change)
            if isNew { added += 1 } else { updated += 1 }
            preview.append(text)
        }

        func finish(label: String, file: String) throws -> Plan {
            // By row, whether the row could not be read or its values are wrong.
            if !errors.isEmpty {
                let byLine = errors.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
                throw Failure(file: file, errors: byLine.map(\.element))
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let decided = !duplicates.contains { $0.choice == nil }
            return Plan(change: decided ? .batch(label: "\(label) từ \(name)", changes: changes) : nil,
                        added: added, updated: updated, skipped: skipped, preview: preview,
                        duplicates: duplicates, ignoredColumns: ignoredColumns)
        }
    }

    static func findUnit(_ text: String, in data: Dataset) -> UnitID? {
        if data.units[UnitID(text)] != nil { return UnitID(text) }
        let folded = VietnameseText.searchFold(text)
        let matches = data.units.values.filter { VietnameseText.searchFold($0.name) == folded }
        return matches.count == 1 ? matches[0].id : nil
    }
}
