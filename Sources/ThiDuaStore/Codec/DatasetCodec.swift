import Foundation
import ThiDuaDomain

/// Turns a `Dataset` into the folder's files, and one file back into records, with messages
/// naming file and line. `DatasetLoader` reads a whole folder.
enum DatasetCodec {
    struct Header: Equatable {
        /// Journal entries up to this sequence number are in the files.
        var checkpointSeq: Int
    }

    /// The collection files for the dataset, relative path → bytes: all of them, or only
    /// those named in `only`. A name in `only` whose records are all gone gets no entry.
    static func encode(_ data: Dataset, header: Header, only: Set<String>? = nil) throws -> [String: Data] {
        func wanted(_ name: String) -> Bool { only?.contains(name) ?? true }
        var files: [String: Data] = [:]
        if wanted(FolderLayout.settings) {
            let settingsFile = SettingsFile(
                schemaVersion: Dataset.currentSchemaVersion, checkpointSeq: header.checkpointSeq,
                settings: data.settings, categories: data.categories,
                criteriaGroups: data.criteriaGroups, catalog: data.catalog, rules: data.rules,
                communeReports: data.communeReports.isEmpty ? nil : data.communeReports.values.sorted { $0.year < $1.year })
            files[FolderLayout.settings] = try StoreFormat.encode(settingsFile)
        }
        if wanted(FolderLayout.units) {
            files[FolderLayout.units] = try StoreFormat.encodeArray(data.units.values.sorted { $0.id < $1.id })
        }
        if wanted(FolderLayout.people) {
            files[FolderLayout.people] = try StoreFormat.encodeArray(data.people.values.sorted { $0.id < $1.id })
        }
        if wanted(FolderLayout.awards) {
            files[FolderLayout.awards] = try StoreFormat.encodeArray(data.awards.values.sorted { $0.id < $1.id })
        }
        for (year, sets) in Dictionary(grouping: data.criteriaSets.values, by: \.year) where wanted(FolderLayout.criteria(year)) {
            files[FolderLayout.criteria(year)] = try StoreFormat.encodeArray(sets.sorted { $0.groupID < $1.groupID })
        }
        for (year, sheets) in Dictionary(grouping: data.sheets.values, by: \.year) where wanted(FolderLayout.scores(year)) {
            files[FolderLayout.scores(year)] = try StoreFormat.encodeArray(sheets.sorted { $0.subject < $1.subject })
        }
        for (year, reports) in Dictionary(grouping: data.reports.values, by: \.year) where wanted(FolderLayout.reports(year)) {
            files[FolderLayout.reports(year)] = try StoreFormat.encodeArray(reports.sorted { $0.unitID < $1.unitID })
        }
        for (period, nominations) in Dictionary(grouping: data.nominations.values, by: \.period)
        where wanted(FolderLayout.nominations(period)) {
            files[FolderLayout.nominations(period)] = try StoreFormat.encodeArray(nominations.sorted { $0.id < $1.id })
        }
        return files
    }

    /// Every collection file `data` has records for (and `thidua.json`).
    static func fileNames(of data: Dataset) -> Set<String> {
        var names: Set<String> = [FolderLayout.settings, FolderLayout.units, FolderLayout.people, FolderLayout.awards]
        names.formUnion(data.criteriaSets.values.map { FolderLayout.criteria($0.year) })
        // The years first: building a name per sheet took most of the time at province scale.
        names.formUnion(Set(data.sheets.keys.lazy.map(\.year)).map(FolderLayout.scores))
        names.formUnion(data.reports.values.map { FolderLayout.reports($0.year) })
        names.formUnion(data.nominations.values.map { FolderLayout.nominations($0.period) })
        return names
    }

    /// The files whose records differ between `old` and `new` (the settings file aside: it
    /// also carries the journal position). Untouched collections share storage with the
    /// old ones and compare in constant time, so this costs about one pass over what changed.
    static func changedFiles(from old: Dataset, to new: Dataset) -> Set<String> {
        var names: Set<String> = []
        if old.settings != new.settings || old.categories != new.categories || old.criteriaGroups != new.criteriaGroups
            || old.catalog != new.catalog || old.rules != new.rules || old.communeReports != new.communeReports {
            names.insert(FolderLayout.settings)
        }
        if old.units != new.units { names.insert(FolderLayout.units) }
        if old.people != new.people { names.insert(FolderLayout.people) }
        if old.awards != new.awards { names.insert(FolderLayout.awards) }
        names.formUnion(differences(old.criteriaSets, new.criteriaSets) { FolderLayout.criteria($0.year) })
        names.formUnion(differences(old.sheets, new.sheets) { FolderLayout.scores($0.year) })
        names.formUnion(differences(old.reports, new.reports) { FolderLayout.reports($0.year) })
        names.formUnion(differences(old.nominations, new.nominations) { FolderLayout.nominations($0.period) })
        return names
    }

    /// The files of the records added, changed or removed between two tables.
    private static func differences<K, V: Equatable>(_ old: [K: V], _ new: [K: V], file: (V) -> String) -> Set<String> {
        guard old != new else { return [] }
        var names: Set<String> = []
        for (key, value) in new where old[key] != value { names.insert(file(value)) }
        for (key, value) in old where new[key] == nil { names.insert(file(value)) }
        return names
    }

    /// `thidua.json`, after checking that this program can read its schema version.
    static func decodeSettings(_ data: Data) throws(StoreError) -> SettingsFile {
        let version = try decodeVersion(data)
        guard version <= Dataset.currentSchemaVersion else {
            throw StoreError(file: FolderLayout.settings,
                reason: "thư mục được tạo bởi phiên bản mới hơn (lược đồ \(version), chương trình này đọc tới \(Dataset.currentSchemaVersion)); hãy cập nhật chương trình.")
        }
        return try decode(data, file: FolderLayout.settings)
    }

    static func decode<T: Decodable>(_ data: Data, file: String) throws(StoreError) -> T {
        try decodeNormalising(data, file: file).value
    }

    /// Decodes after putting the text in NFC (a hand edit may hold decomposed accents; every
    /// string in memory must be NFC, since Swift compares strings by canonical equivalence and
    /// would never notice the difference). `normalised` says the text was not NFC. Line breaks
    /// are untouched, so error lines still point into the file as it is.
    static func decodeNormalising<T: Decodable>(_ data: Data, file: String) throws(StoreError) -> (value: T, normalised: Bool) {
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(data.dropFirst(3)) : data
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw StoreError(file: file, line: invalidUTF8Line(bytes), reason: "tệp không phải văn bản UTF-8 hợp lệ.")
        }
        let normalised = !VietnameseText.isSurelyNFC(text)
        let input = normalised ? Data(VietnameseText.nfc(text).utf8) : bytes
        do {
            return (try StoreFormat.decoder().decode(T.self, from: input), normalised)
        } catch {
            throw StoreError.decoding(error, file: file, data: input)
        }
    }

    private static func decodeVersion(_ data: Data) throws(StoreError) -> Int {
        struct Version: Decodable { var schemaVersion: Int }
        let version: Version = try decode(data, file: FolderLayout.settings)
        return version.schemaVersion
    }

    static func lineOfElement(_ index: Int, in data: Data) -> Int? {
        JSONPosition.of([IndexKey(intValue: index)], in: data)?.line
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
