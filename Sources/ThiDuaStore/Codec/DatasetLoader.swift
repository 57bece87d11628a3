import Dispatch
import Foundation
import ThiDuaDomain

/// Reads a data folder's collection files into a `Dataset`.
///
/// Speed and memory at province scale (157 MB of JSON): files are read two at a time and
/// decoded on two threads, their bytes dropped as soon as they are decoded; score sheets and
/// people go through `FastRecords` first. Every check — a record in the wrong year's file, a
/// repeated id — happens in one place afterwards, in a fixed file order, and a problem names
/// its file and line (the file is read again to find the line, which only failure pays for).
enum DatasetLoader {
    struct Loaded {
        var dataset: Dataset
        var header: DatasetCodec.Header
        /// The collection files as found (relative paths).
        var files: [String]
        /// Files whose records changed when normalised (NFD text, stray spaces): the next
        /// checkpoint rewrites them even if nothing else in them changes.
        var normalisedFiles: Set<String>
    }

    static func load(folder: String, fileSystem: any FileSystem) throws -> Loaded {
        let paths = try CollectionFile.list(folder: folder, fileSystem: fileSystem)
        guard paths.first == FolderLayout.settings else {
            throw StoreError(file: FolderLayout.settings, reason: "không tìm thấy tệp cấu hình của thư mục dữ liệu.")
        }
        let settingsBytes = Data(try fileSystem.readFile(FilePath.join(folder, FolderLayout.settings)))
        let settingsFile = try DatasetCodec.decodeSettings(settingsBytes)

        let records = try decodeAll(Array(paths.dropFirst()), folder: folder, fileSystem: fileSystem)
        var communeReports: [Int: CommuneYearReport] = [:]
        for report in settingsFile.communeReports ?? [] {
            guard communeReports.updateValue(report, forKey: report.year) == nil else {
                throw StoreError(file: FolderLayout.settings,
                                 reason: "báo cáo năm \(report.year) của xã ghi hai lần; mỗi năm chỉ được ghi một lần.")
            }
        }

        var merger = Merger(folder: folder, fileSystem: fileSystem)
        var normalised: Set<String> = []
        for (path, decoded) in zip(paths.dropFirst(), records) {
            let file = try decoded.get()
            if file.changedByNormalising { normalised.insert(path) }
            try merger.merge(file.records, from: path)
        }
        let dataset = Dataset(
            settings: settingsFile.settings, categories: settingsFile.categories,
            criteriaGroups: settingsFile.criteriaGroups, catalog: settingsFile.catalog, rules: settingsFile.rules,
            units: merger.units, people: merger.people, criteriaSets: merger.criteriaSets, sheets: merger.sheets,
            reports: merger.reports, nominations: merger.nominations, awards: merger.awards,
            communeReports: communeReports)
        return Loaded(dataset: dataset, header: .init(checkpointSeq: settingsFile.checkpointSeq),
                      files: paths, normalisedFiles: normalised)
    }

    // MARK: Decoding

    /// One file's records, decoded and normalised, not yet checked against the others.
    struct DecodedFile: Sendable {
        enum Records: Sendable {
            case units([OrgUnit])
            case people([Person])
            case awards([AwardRecord])
            case criteria(year: Int, [CriteriaSet])
            case scores(year: Int, [ScoreSheet])
            case reports(year: Int, [ReportSubmission])
            case nominations(Period, [Nomination])
            case none
        }
        var records: Records
        var changedByNormalising = false
    }

    /// Two files at a time: read on this thread (the file system may count its calls), decoded
    /// side by side. Largest first, so the pairs are of similar size.
    private static func decodeAll(_ paths: [String], folder: String,
                                  fileSystem: any FileSystem) throws -> [Result<DecodedFile, StoreError>] {
        let order = paths.indices.sorted {
            ((try? fileSystem.fileSize(FilePath.join(folder, paths[$0]))) ?? 0)
                > ((try? fileSystem.fileSize(FilePath.join(folder, paths[$1]))) ?? 0)
        }
        let results = ResultSlots<Result<DecodedFile, StoreError>>(count: paths.count)
        var start = 0
        while start < order.count {
            let batch = Array(order[start..<min(start + 2, order.count)])
            start += batch.count
            var contents: [[UInt8]] = []
            for index in batch {
                contents.append(try fileSystem.readFile(FilePath.join(folder, paths[index])))
            }
            let work = contents
            DispatchQueue.concurrentPerform(iterations: batch.count) { slot in
                let index = batch[slot]
                results.set(index, Result { () throws(StoreError) in try decode(work[slot], path: paths[index]) })
            }
        }
        return results.values
    }

    private static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> DecodedFile {
        guard let kind = try CollectionFile(path: path) else { return DecodedFile(records: .none) }
        switch kind {
        case .settings:
            return DecodedFile(records: .none)
        case .units:
            let (units, nfc): ([OrgUnit], Bool) = try decodeNormalising(bytes, file: path)
            let clean = units.map { $0.normalised() }
            return DecodedFile(records: .units(clean), changedByNormalising: nfc || clean != units)
        case .people:
            let (people, nfc): ([Person], Bool) = if let fast = FastRecords.people(bytes) { fast } else {
                try decodeNormalising(bytes, file: path)
            }
            let clean = people.map { $0.normalised() }
            return DecodedFile(records: .people(clean), changedByNormalising: nfc || clean != people)
        case .awards:
            let (awards, nfc): ([AwardRecord], Bool) = try decodeNormalising(bytes, file: path)
            return DecodedFile(records: .awards(awards), changedByNormalising: nfc)
        case .criteria(let year):
            let (sets, nfc): ([CriteriaSet], Bool) = try decodeNormalising(bytes, file: path)
            return DecodedFile(records: .criteria(year: year, sets), changedByNormalising: nfc)
        case .scores(let year):
            let (sheets, nfc): ([ScoreSheet], Bool) = if let fast = FastRecords.scoreSheets(bytes) { fast } else {
                try decodeNormalising(bytes, file: path)
            }
            return DecodedFile(records: .scores(year: year, sheets), changedByNormalising: nfc)
        case .reports(let year):
            let (reports, nfc): ([ReportSubmission], Bool) = try decodeNormalising(bytes, file: path)
            return DecodedFile(records: .reports(year: year, reports), changedByNormalising: nfc)
        case .nominations(let period):
            let (nominations, nfc): ([Nomination], Bool) = try decodeNormalising(bytes, file: path)
            let clean = nominations.map { $0.normalised() }
            return DecodedFile(records: .nominations(period, clean), changedByNormalising: nfc || clean != nominations)
        }
    }

    /// JSONDecoder, for the smaller files and for a file the fast reader gave up on: it
    /// accepts what it can and names the file and line of what it cannot.
    private static func decodeNormalising<T: Decodable>(_ bytes: [UInt8], file: String) throws(StoreError) -> (T, Bool) {
        let decoded: (value: T, normalised: Bool) = try DatasetCodec.decodeNormalising(Data(bytes), file: file)
        return (decoded.value, decoded.normalised)
    }

    // MARK: Checking and merging

    /// Gathers each file's records into the dataset's collections; a repeated key or a record in
    /// the wrong year's (or period's) file stops the load naming the file and the record's line.
    private struct Merger {
        let folder: String
        let fileSystem: any FileSystem
        var units: [UnitID: OrgUnit] = [:]
        var people: [PersonID: Person] = [:]
        var awards: [AwardRecordID: AwardRecord] = [:]
        var criteriaSets: [CriteriaSetKey: CriteriaSet] = [:]
        var sheets: [SheetKey: ScoreSheet] = [:]
        var reports: [ReportKey: ReportSubmission] = [:]
        var nominations: [NominationID: Nomination] = [:]

        mutating func merge(_ records: DecodedFile.Records, from path: String) throws {
            switch records {
            case .none:
                return
            case .units(let units):
                try insert(units, into: &self.units, key: \.id, file: path) { "mã «\($0.id)» bị trùng; mỗi mã chỉ được dùng một lần." }
            case .people(let people):
                try insert(people, into: &self.people, key: \.id, file: path) { "mã «\($0.id)» bị trùng; mỗi mã chỉ được dùng một lần." }
            case .awards(let awards):
                try insert(awards, into: &self.awards, key: \.id, file: path) { "mã «\($0.id)» bị trùng; mỗi mã chỉ được dùng một lần." }
            case .criteria(let year, let sets):
                try misplaced(sets, file: path) { $0.year != year ? "bộ tiêu chí ghi năm \($0.year) nhưng nằm trong tệp năm \(year)." : nil }
                try insert(sets, into: &self.criteriaSets, key: \.key, file: path) { "bộ tiêu chí nhóm «\($0.groupID)» bị lặp." }
            case .scores(let year, let sheets):
                try misplaced(sheets, file: path) { $0.year != year ? "phiếu chấm ghi năm \($0.year) nhưng nằm trong tệp năm \(year)." : nil }
                try insert(sheets, into: &self.sheets, key: \.key, file: path) { "phiếu chấm của «\($0.subject)» bị lặp." }
            case .reports(let year, let reports):
                try misplaced(reports, file: path) { $0.year != year ? "báo cáo ghi năm \($0.year) nhưng nằm trong tệp năm \(year)." : nil }
                try insert(reports, into: &self.reports, key: \.key, file: path) { "báo cáo của «\($0.unitID)» bị lặp." }
            case .nominations(let period, let nominations):
                try misplaced(nominations, file: path) {
                    $0.period != period ? "đề nghị \($0.id) thuộc đợt «\($0.period)» nhưng nằm trong tệp «\(period)»." : nil
                }
                try insert(nominations, into: &self.nominations, key: \.id, file: path) { "mã đề nghị «\($0.id)» bị lặp." }
            }
        }

        private func misplaced<T>(_ records: [T], file: String, reason: (T) -> String?) throws {
            for (index, record) in records.enumerated() {
                if let reason = reason(record) { throw problem(file: file, element: index, reason: reason) }
            }
        }

        private func insert<T, K: Hashable>(_ records: [T], into table: inout [K: T], key: KeyPath<T, K>, file: String,
                                            repeated: (T) -> String) throws {
            table.reserveCapacity(table.count + records.count)
            for (index, record) in records.enumerated() {
                let id = record[keyPath: key]
                if table[id] != nil { throw problem(file: file, element: index, reason: repeated(record)) }
                table[id] = record
            }
        }

        /// The file is read again only now, to turn the record's index into a line number.
        private func problem(file: String, element: Int, reason: String) -> StoreError {
            let bytes = (try? fileSystem.readFile(FilePath.join(folder, file))).map { Data($0) }
            return StoreError(file: file, line: bytes.flatMap { DatasetCodec.lineOfElement(element, in: $0) }, reason: reason)
        }
    }
}

/// Results written from concurrent workers, one slot each.
private final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
    }
}
