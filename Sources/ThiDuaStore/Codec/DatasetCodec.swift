import Foundation
import ThiDuaDomain

/// Turns a `Dataset` into the folder's files and back, with messages naming file and line.
enum DatasetCodec {
    struct Header: Equatable {
        /// Journal entries up to this sequence number are in the files.
        var checkpointSeq: Int
    }

    /// Every collection file for the dataset, relative path → bytes.
    static func encode(_ data: Dataset, header: Header) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let settingsFile = SettingsFile(
            schemaVersion: Dataset.currentSchemaVersion, checkpointSeq: header.checkpointSeq,
            settings: data.settings, categories: data.categories,
            criteriaGroups: data.criteriaGroups, catalog: data.catalog, rules: data.rules)
        files[FolderLayout.settings] = try StoreFormat.encode(settingsFile)
        files[FolderLayout.units] = try StoreFormat.encode(data.units.values.sorted { $0.id < $1.id })
        files[FolderLayout.people] = try StoreFormat.encode(data.people.values.sorted { $0.id < $1.id })
        files[FolderLayout.awards] = try StoreFormat.encode(data.awards.values.sorted { $0.id < $1.id })

        for (year, sets) in Dictionary(grouping: data.criteriaSets.values, by: \.year) {
            files[FolderLayout.criteria(year)] = try StoreFormat.encode(sets.sorted { $0.groupID < $1.groupID })
        }
        for (year, sheets) in Dictionary(grouping: data.sheets.values, by: \.year) {
            files[FolderLayout.scores(year)] = try StoreFormat.encode(sheets.sorted { $0.subject < $1.subject })
        }
        for (year, reports) in Dictionary(grouping: data.reports.values, by: \.year) {
            files[FolderLayout.reports(year)] = try StoreFormat.encode(reports.sorted { $0.unitID < $1.unitID })
        }
        for (period, nominations) in Dictionary(grouping: data.nominations.values, by: \.period) {
            files[FolderLayout.nominations(period)] = try StoreFormat.encode(nominations.sorted { $0.id < $1.id })
        }
        return files
    }

    /// Reads the dataset from the folder's files (relative path → bytes).
    static func decode(_ files: [String: Data]) throws(StoreError) -> (Dataset, Header) {
        guard let settingsData = files[FolderLayout.settings] else {
            throw StoreError(file: FolderLayout.settings, reason: "không tìm thấy tệp cấu hình của thư mục dữ liệu.")
        }
        let version = try decodeVersion(settingsData)
        guard version <= Dataset.currentSchemaVersion else {
            throw StoreError(file: FolderLayout.settings,
                reason: "thư mục được tạo bởi phiên bản mới hơn (lược đồ \(version), chương trình này đọc tới \(Dataset.currentSchemaVersion)); hãy cập nhật chương trình.")
        }
        let settingsFile: SettingsFile = try decode(settingsData, file: FolderLayout.settings)
        var dataset = Dataset(settings: settingsFile.settings, categories: settingsFile.categories,
                              criteriaGroups: settingsFile.criteriaGroups, catalog: settingsFile.catalog,
                              rules: settingsFile.rules)

        let units: [OrgUnit] = try decodeIfPresent(files, FolderLayout.units)
        dataset.units = try uniqueIndex(units, file: FolderLayout.units, data: files[FolderLayout.units]) { $0.id.rawValue }
            .mapValues { $0.normalised() }.reduce(into: [:]) { $0[UnitID($1.key)] = $1.value }
        let people: [Person] = try decodeIfPresent(files, FolderLayout.people)
        dataset.people = try uniqueIndex(people, file: FolderLayout.people, data: files[FolderLayout.people]) { $0.id.rawValue }
            .mapValues { $0.normalised() }.reduce(into: [:]) { $0[PersonID($1.key)] = $1.value }
        let awards: [AwardRecord] = try decodeIfPresent(files, FolderLayout.awards)
        dataset.awards = try uniqueIndex(awards, file: FolderLayout.awards, data: files[FolderLayout.awards]) { $0.id.rawValue }
            .reduce(into: [:]) { $0[AwardRecordID($1.key)] = $1.value }

        for path in files.keys.sorted() {
            let parts = path.split(separator: "/")
            guard parts.count == 2, parts[1].hasSuffix(".json") else { continue }
            let stem = String(parts[1].dropLast(5))
            let data = files[path]!
            switch String(parts[0]) {
            case FolderLayout.criteriaFolder:
                let year = try yearOf(stem, file: path)
                try merge(data, file: path, into: &dataset.criteriaSets, key: \CriteriaSet.key) { set in
                    set.year != year ? "bộ tiêu chí ghi năm \(set.year) nhưng nằm trong tệp năm \(year)."
                        : "bộ tiêu chí nhóm «\(set.groupID)» bị lặp."
                } misplaced: { $0.year != year }
            case FolderLayout.scoresFolder:
                let year = try yearOf(stem, file: path)
                try merge(data, file: path, into: &dataset.sheets, key: \ScoreSheet.key) { sheet in
                    sheet.year != year ? "phiếu chấm ghi năm \(sheet.year) nhưng nằm trong tệp năm \(year)."
                        : "phiếu chấm của «\(sheet.subject)» bị lặp."
                } misplaced: { $0.year != year }
            case FolderLayout.reportsFolder:
                let year = try yearOf(stem, file: path)
                try merge(data, file: path, into: &dataset.reports, key: \ReportSubmission.key) { report in
                    report.year != year ? "báo cáo ghi năm \(report.year) nhưng nằm trong tệp năm \(year)."
                        : "báo cáo của «\(report.unitID)» bị lặp."
                } misplaced: { $0.year != year }
            case FolderLayout.nominationsFolder:
                guard let period = Period(token: stem) else {
                    throw StoreError(file: path, reason: "tên tệp phải là một năm, so-ket hoặc tong-ket.")
                }
                try merge(data, file: path, into: &dataset.nominations, key: \Nomination.id, normalise: { $0.normalised() }) { n in
                    n.period != period ? "đề nghị \(n.id) thuộc đợt «\(n.period)» nhưng nằm trong tệp «\(period)»."
                        : "mã đề nghị «\(n.id)» bị lặp."
                } misplaced: { $0.period != period }
            default:
                continue
            }
        }
        return (dataset, Header(checkpointSeq: settingsFile.checkpointSeq))
    }

    static func decode<T: Decodable>(_ data: Data, file: String) throws(StoreError) -> T {
        let text = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data
        guard String(data: Data(text), encoding: .utf8) != nil else {
            throw StoreError(file: file, line: invalidUTF8Line(Data(text)), reason: "tệp không phải văn bản UTF-8 hợp lệ.")
        }
        do {
            return try StoreFormat.decoder().decode(T.self, from: Data(text))
        } catch {
            throw StoreError.decoding(error, file: file, data: Data(text))
        }
    }

    private static func decodeIfPresent<T: Decodable>(_ files: [String: Data], _ file: String) throws(StoreError) -> [T] {
        guard let data = files[file] else { return [] }
        return try decode(data, file: file)
    }

    private static func decodeVersion(_ data: Data) throws(StoreError) -> Int {
        struct Version: Decodable { var schemaVersion: Int }
        let version: Version = try decode(data, file: FolderLayout.settings)
        return version.schemaVersion
    }

    private static func yearOf(_ stem: String, file: String) throws(StoreError) -> Int {
        guard let year = Int(stem), (1900...2200).contains(year) else {
            throw StoreError(file: file, reason: "tên tệp phải là một năm, ví dụ 2026.json.")
        }
        return year
    }

    private static func uniqueIndex<T>(_ items: [T], file: String, data: Data?,
                                       id: (T) -> String) throws(StoreError) -> [String: T] {
        var result: [String: T] = [:]
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            let key = id(item)
            if result[key] != nil {
                throw StoreError(file: file, line: data.flatMap { lineOfElement(index, in: $0) },
                                 reason: "mã «\(key)» bị trùng; mỗi mã chỉ được dùng một lần.")
            }
            result[key] = item
        }
        return result
    }

    /// Decodes a per-year (or per-period) file into `table`. A record in the wrong file or
    /// a repeated key stops the load with the file, the record's line and `reason`.
    private static func merge<T: Decodable, K: Hashable>(
        _ data: Data, file: String, into table: inout [K: T], key: KeyPath<T, K>,
        normalise: (T) -> T = { $0 }, reason: (T) -> String, misplaced: (T) -> Bool
    ) throws(StoreError) {
        let records: [T] = try decode(data, file: file)
        for (index, record) in records.enumerated() {
            if misplaced(record) || table[record[keyPath: key]] != nil {
                throw StoreError(file: file, line: lineOfElement(index, in: data), reason: reason(record))
            }
            table[record[keyPath: key]] = normalise(record)
        }
    }

    static func lineOfElement(_ index: Int, in data: Data) -> Int? {
        JSONLocator.line(of: [IndexKey(intValue: index)], in: data)
    }

    static func invalidUTF8Line(_ data: Data) -> Int? {
        var line = 1
        var start = 0
        let bytes = [UInt8](data)
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            if String(bytes: bytes[start..<offset], encoding: .utf8) == nil { return line }
            line += 1
            start = offset + 1
        }
        return String(bytes: bytes[start...], encoding: .utf8) == nil ? line : nil
    }
}

struct IndexKey: CodingKey {
    var intValue: Int?
    var stringValue: String
    init(intValue: Int) { self.intValue = intValue; self.stringValue = "Index \(intValue)" }
    init?(stringValue: String) { return nil }
}
