import Dispatch
import Foundation
import ThiDuaDomain
#if os(Linux)
import CStatfs
#endif

/// Reads a data folder's collection files into a `Dataset`.
///
/// Speed and memory at province scale (157 MB of JSON): files are decoded on two threads, each
/// taking the next file when done, their bytes dropped as soon as they are decoded; score
/// sheets, people and units go through `FastRecords` first. Every check — a record in the wrong
/// year's file, a repeated id — happens in one place afterwards, in a fixed file order, and a
/// problem names its file and line (the file is read again to find the line, which only
/// failure pays for). Each file's records are let go once merged, so the decoded copies and
/// the dataset's tables are not all held at once.
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

    /// A look at the data before all of it is read, for drawing the first screen sooner.
    struct FirstLook {
        /// The year whose score sheets the first screen shows, from the settings.
        var year: (Settings) -> Int
        /// Called once, on the loading thread, with every record except the score sheets of
        /// other years, which are read after it returns.
        var show: (Dataset) -> Void
    }

    /// Reading a province's files frees buffers of 20–30 MB, after which glibc raises its trim
    /// threshold to twice the largest and keeps that much freed memory in the heap for good: a
    /// working session's peak grew by 40 MB. A fixed threshold (1 MB) keeps memory going back.
    private static let heapKeptSmall: Bool = {
        #if os(Linux)
        return thidua_fix_trim_threshold(1 << 20) == 1
        #else
        return true
        #endif
    }()

    static func load(folder: String, fileSystem: any FileSystem, firstLook: FirstLook? = nil) throws -> Loaded {
        _ = heapKeptSmall
        let paths = try CollectionFile.list(folder: folder, fileSystem: fileSystem)
        guard paths.first == FolderLayout.settings else {
            throw StoreError(file: FolderLayout.settings, reason: "không tìm thấy tệp cấu hình của thư mục dữ liệu.")
        }
        let settingsBytes = Data(try fileSystem.readFile(FilePath.join(folder, FolderLayout.settings)))
        let settingsFile = try DatasetCodec.decodeSettings(settingsBytes)
        let files = Array(paths.dropFirst())

        if let firstLook {
            // The first screen's files first, then the other years' score sheets. If anything
            // is wrong with the first part, everything is read again as below, so the problem
            // reported is the one a single pass in file order finds first; a problem in the
            // second part is that one too (those files are last in reading and checking order
            // among the files that have one, and no sheet of one year can clash with another's).
            let year = firstLook.year(settingsFile.settings)
            let later = files.filter { isScores($0, otherThan: year) }
            let early = files.filter { !isScores($0, otherThan: year) }
            if !later.isEmpty, var assembly = try? Assembly(settingsFile, folder: folder, fileSystem: fileSystem,
                                                            reading: early) {
                firstLook.show(assembly.dataset)
                var decoded: [Result<DecodedFile, StoreError>?] = try decodeAll(later, folder: folder, fileSystem: fileSystem)
                try assembly.add(&decoded, of: later)
                return assembly.loaded(files: paths)
            }
        }
        let assembly = try Assembly(settingsFile, folder: folder, fileSystem: fileSystem, reading: files)
        return assembly.loaded(files: paths)
    }

    /// Whether `path` holds score sheets of another year than `year`.
    private static func isScores(_ path: String, otherThan year: Int) -> Bool {
        guard let kind = try? CollectionFile(path: path), case .scores(let fileYear) = kind else { return false }
        return fileYear != year
    }

    /// The dataset as it is put together from the files, checked file by file in order.
    private struct Assembly {
        let settingsFile: SettingsFile
        let communeReports: [Int: CommuneYearReport]
        var merger: Merger
        var normalised: Set<String> = []

        /// Reads and merges `paths` (in reading order); read failures first, then the settings'
        /// own duplicates, then each file's problems in order.
        init(_ settingsFile: SettingsFile, folder: String, fileSystem: any FileSystem, reading paths: [String]) throws {
            var decoded: [Result<DecodedFile, StoreError>?] = try decodeAll(paths, folder: folder, fileSystem: fileSystem)
            var communeReports: [Int: CommuneYearReport] = [:]
            for report in settingsFile.communeReports ?? [] {
                guard communeReports.updateValue(report, forKey: report.year) == nil else {
                    throw StoreError(file: FolderLayout.settings,
                                     reason: "báo cáo năm \(report.year) của xã ghi hai lần; mỗi năm chỉ được ghi một lần.")
                }
            }
            self.settingsFile = settingsFile
            self.communeReports = communeReports
            merger = Merger(folder: folder, fileSystem: fileSystem)
            try add(&decoded, of: paths)
        }

        /// Merges decoded files in order, letting each file's records go once merged (the only
        /// other copy of, say, 100,000 people is then the table's).
        mutating func add(_ records: inout [Result<DecodedFile, StoreError>?], of paths: [String]) throws {
            merger.reserveCapacity(for: records.compactMap { try? $0?.get().records })
            for (index, path) in paths.enumerated() {
                let file = try records[index]!.get()
                records[index] = nil
                if file.changedByNormalising { normalised.insert(path) }
                try merger.merge(file.records, from: path)
            }
        }

        var dataset: Dataset {
            Dataset(
                settings: settingsFile.settings, categories: settingsFile.categories,
                criteriaGroups: settingsFile.criteriaGroups, catalog: settingsFile.catalog, rules: settingsFile.rules,
                units: merger.units, people: merger.people, criteriaSets: merger.criteriaSets, sheets: merger.sheets,
                reports: merger.reports, nominations: merger.nominations, awards: merger.awards,
                communeReports: communeReports)
        }

        func loaded(files: [String]) -> Loaded {
            Loaded(dataset: dataset, header: .init(checkpointSeq: settingsFile.checkpointSeq),
                   files: files, normalisedFiles: normalised)
        }
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

    /// Two threads, each taking the next file (largest first) as soon as it is done with one:
    /// pairing the files two by two left one thread idle while the other finished the larger
    /// of a pair. Files are read one at a time under a lock (the file system may count its
    /// calls and need not be thread-safe); a file's bytes are dropped once it is decoded.
    private static func decodeAll(_ paths: [String], folder: String,
                                  fileSystem: any FileSystem) throws -> [Result<DecodedFile, StoreError>] {
        let order = paths.indices.sorted {
            let (a, b) = ((try? fileSystem.fileSize(FilePath.join(folder, paths[$0]))) ?? 0,
                          (try? fileSystem.fileSize(FilePath.join(folder, paths[$1]))) ?? 0)
            return a != b ? a > b : $0 < $1
        }
        let results = ResultSlots<Result<DecodedFile, StoreError>>(count: paths.count)
        let unread = ResultSlots<any Error>(count: paths.count)
        let queue = WorkQueue(order)
        let reading = NSLock()
        DispatchQueue.concurrentPerform(iterations: min(2, max(1, order.count))) { _ in
            while let index = queue.next() {
                let bytes: [UInt8]
                do {
                    reading.lock()
                    defer { reading.unlock() }
                    bytes = try fileSystem.readFile(FilePath.join(folder, paths[index]))
                } catch {
                    unread.set(index, error)
                    queue.stop()
                    return
                }
                results.set(index, Result { () throws(StoreError) in try decode(bytes, path: paths[index]) })
            }
        }
        // A file that cannot be read stops the load: the first such file in reading order, as
        // one thread reading them in turn would have found it (every file before it was taken).
        let failures = unread.values
        if let first = order.first(where: { failures[$0] != nil }), let error = failures[first] { throw error }
        return results.values.map { $0! }
    }

    private static func decode(_ bytes: [UInt8], path: String) throws(StoreError) -> DecodedFile {
        guard let kind = try CollectionFile(path: path) else { return DecodedFile(records: .none) }
        switch kind {
        case .settings:
            return DecodedFile(records: .none)
        case .units:
            let (units, nfc): ([OrgUnit], Bool) = if let fast = FastRecords.units(bytes) { fast } else {
                try decodeNormalising(bytes, file: path)
            }
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

        /// Room for the records of `files` at once: growing a table file by file rehashed a
        /// province's score sheets once per year.
        mutating func reserveCapacity(for files: [DecodedFile.Records]) {
            var counts = (units: 0, people: 0, awards: 0, criteria: 0, sheets: 0, reports: 0, nominations: 0)
            for records in files {
                switch records {
                case .none: break
                case .units(let units): counts.units += units.count
                case .people(let people): counts.people += people.count
                case .awards(let awards): counts.awards += awards.count
                case .criteria(_, let sets): counts.criteria += sets.count
                case .scores(_, let sheets): counts.sheets += sheets.count
                case .reports(_, let reports): counts.reports += reports.count
                case .nominations(_, let nominations): counts.nominations += nominations.count
                }
            }
            units.reserveCapacity(units.count + counts.units)
            people.reserveCapacity(people.count + counts.people)
            awards.reserveCapacity(awards.count + counts.awards)
            criteriaSets.reserveCapacity(criteriaSets.count + counts.criteria)
            sheets.reserveCapacity(sheets.count + counts.sheets)
            reports.reserveCapacity(reports.count + counts.reports)
            nominations.reserveCapacity(nominations.count + counts.nominations)
        }

        mutating func merge(_ records: DecodedFile.Records, from path: String) throws {
            switch records {
            case .none:
                return
            case .units(let units):
                try repeated(Self.insert(units, into: &self.units, key: \.id), in: path) { "mã «\(units[$0].id)» bị trùng; mỗi mã chỉ được dùng một lần." }
            case .people(let people):
                try repeated(Self.insert(people, into: &self.people, key: \.id), in: path) { "mã «\(people[$0].id)» bị trùng; mỗi mã chỉ được dùng một lần." }
            case .awards(let awards):
                try repeated(Self.insert(awards, into: &self.awards, key: \.id), in: path) { "mã «\(awards[$0].id)» bị trùng; mỗi mã chỉ được dùng một lần." }
            case .criteria(let year, let sets):
                try misplaced(sets, file: path) { $0.year != year ? "bộ tiêu chí ghi năm \($0.year) nhưng nằm trong tệp năm \(year)." : nil }
                try repeated(Self.insert(sets, into: &self.criteriaSets, key: \.key), in: path) { "bộ tiêu chí nhóm «\(sets[$0].groupID)» bị lặp." }
            case .scores(let year, let sheets):
                try misplaced(sheets, file: path) { $0.year != year ? "phiếu chấm ghi năm \($0.year) nhưng nằm trong tệp năm \(year)." : nil }
                try repeated(Self.insert(sheets, into: &self.sheets, key: \.key), in: path) { "phiếu chấm của «\(sheets[$0].subject)» bị lặp." }
            case .reports(let year, let reports):
                try misplaced(reports, file: path) { $0.year != year ? "báo cáo ghi năm \($0.year) nhưng nằm trong tệp năm \(year)." : nil }
                try repeated(Self.insert(reports, into: &self.reports, key: \.key), in: path) { "báo cáo của «\(reports[$0].unitID)» bị lặp." }
            case .nominations(let period, let nominations):
                try misplaced(nominations, file: path) {
                    $0.period != period ? "đề nghị \($0.id) thuộc đợt «\($0.period)» nhưng nằm trong tệp «\(period)»." : nil
                }
                try repeated(Self.insert(nominations, into: &self.nominations, key: \.id), in: path) { "mã đề nghị «\(nominations[$0].id)» bị lặp." }
            }
        }

        private func misplaced<T>(_ records: [T], file: String, reason: (T) -> String?) throws {
            for (index, record) in records.enumerated() {
                if let reason = reason(record) { throw problem(file: file, element: index, reason: reason) }
            }
        }

        /// Puts `records` into `table`; the index of the first whose key is already there, if any.
        /// Static, so that nothing else holds the table while it grows: an instance method
        /// given `&self.sheets` kept a copy of `self`, and with it of the table, which made the
        /// first insert copy every sheet of the province once per year's file.
        private static func insert<T, K: Hashable>(_ records: [T], into table: inout [K: T], key: KeyPath<T, K>) -> Int? {
            // One hash per record: the table is dropped when a repeat stops the load.
            for (index, record) in records.enumerated() where table.updateValue(record, forKey: record[keyPath: key]) != nil {
                return index
            }
            return nil
        }

        /// Stops the load at the repeated record `index`, if any, naming the file and its line.
        private func repeated(_ index: Int?, in file: String, reason: (Int) -> String) throws {
            if let index { throw problem(file: file, element: index, reason: reason(index)) }
        }

        /// The file is read again only now, to turn the record's index into a line number.
        private func problem(file: String, element: Int, reason: String) -> StoreError {
            let bytes = (try? fileSystem.readFile(FilePath.join(folder, file))).map { Data($0) }
            return StoreError(file: file, line: bytes.flatMap { DatasetCodec.lineOfElement(element, in: $0) }, reason: reason)
        }
    }
}

/// The indices still to be taken, in order, shared by the loading threads.
private final class WorkQueue: @unchecked Sendable {
    private var remaining: ArraySlice<Int>
    private let lock = NSLock()

    init(_ order: [Int]) { remaining = order[...] }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return remaining.popFirst()
    }

    func stop() {
        lock.lock()
        remaining = []
        lock.unlock()
    }
}

/// Results written from concurrent workers, one slot each.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Each slot's value; nil where none was set.
    var values: [Value?] {
        lock.lock()
        defer { lock.unlock() }
        return slots
    }
}
