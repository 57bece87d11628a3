import Foundation
import ThiDuaDomain
import ThiDuaStore

/// Puts one `FileMutation` at a time into a data folder and checks what the store makes of it:
/// damage is refused (open) or reported (`thidua check`) naming the file and the line or
/// record, and nothing is written; a valid hand edit opens to the same data, in canonical
/// form, and the next save works.
public final class MutationBench {
    public struct Verdict: Sendable {
        public var mutation: FileMutation
        /// Why the store did not do what it must; nil when it did.
        public var failure: String?
        /// Files that changed although the store could not read the folder.
        public var overwritten: [String]
        /// For a valid edit: whether the data read holds exactly the canonical text (NFC), so that
        /// whatever the store writes from it is canonical too.
        public var normalised: Bool?
        /// What the store said (the refusal or the check's problems).
        public var message: String
    }

    /// The real program, for what in-process calls cannot show: exit codes and what is printed.
    public struct Commands: Sendable {
        public let thidua: String
        public init(thidua: String) { self.thidua = thidua }

        /// Opens the folder for writing and closes it again: `thidua apply` with no input.
        func open(_ folder: String) -> (code: Int32, output: String) { run(["apply", "--data-dir", folder]) }

        func check(_ folder: String) -> (code: Int32, output: String) { run(["check", "--data-dir", folder]) }

        private func run(_ arguments: [String]) -> (code: Int32, output: String) {
            guard let (code, out, err) = try? ChildProcess.run(executable: thidua, arguments) else { return (-1, "không chạy được \(thidua)") }
            return (code, out + err)
        }
    }

    public let root: String
    let template: String
    let work: String
    let original: Dataset
    let originalDump: Data
    let pristine: FolderSnapshot
    /// The data after `laterEdit` on the untouched folder.
    let reference: Dataset
    static let laterEdit = Change.addUnit(unit: OrgUnit(id: "DV0099", name: "Đơn vị thêm sau", categoryID: "ubnd", order: 9))

    /// Phrases of Foundation's English decoding errors, which must never reach the office.
    static let foundationEnglish = ["Cannot ", "The data", "couldn", "Expected to decode", "No value associated"]

    /// The collection files of the folder, relative paths, sorted.
    public var files: [String] { pristine.collectionFiles.keys.sorted() }

    public init(dataset: Dataset) throws {
        root = NSTemporaryDirectory() + "thidua-mutations-\(UUID().uuidString.prefix(8))"
        template = root + "/template"
        work = root + "/data"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try DataStore.initialize(folder: template, with: dataset)
        pristine = FolderSnapshot(template)
        original = try FaultFixtures.open(template, readOnly: true).dataset
        originalDump = try original.dump()
        let referenceFolder = root + "/reference"
        try FileManager.default.copyItem(atPath: template, toPath: referenceFolder)
        let store = try FaultFixtures.open(referenceFolder)
        try store.commit(Self.laterEdit)
        try store.close()
        reference = try FaultFixtures.open(referenceFolder, readOnly: true).dataset
        try FileManager.default.copyItem(atPath: template, toPath: work)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    /// The untouched bytes of a collection file.
    public func bytes(of file: String) -> [UInt8] { [UInt8](pristine.files[file] ?? Data()) }

    public func run(_ mutation: FileMutation, commands: Commands? = nil) -> Verdict {
        var verdict = Verdict(mutation: mutation, failure: nil, overwritten: [], normalised: nil, message: "")
        defer { restore(after: mutation) }
        let path = work + "/" + mutation.file
        guard FileManager.default.createFile(atPath: path, contents: Data(mutation.bytes)) else {
            verdict.failure = "không ghi được tệp thử «\(path)»"
            return verdict
        }
        let before = FolderSnapshot(work)
        switch mutation.expected {
        case .refusedAt(let line):
            let location = "\(mutation.file), dòng \(line):"
            do {
                let store = try FaultFixtures.open(work)
                try? store.close()
                verdict.failure = "mở được thư mục có tệp hỏng"
            } catch {
                verdict.message = error.message
                if !error.message.hasPrefix(location) {
                    verdict.failure = "thông báo không nêu «\(location)»: \(error.message)"
                } else if Self.foundationEnglish.contains(where: error.message.contains) {
                    verdict.failure = "thông báo còn tiếng Anh: \(error.message)"
                }
            }
            if let commands, case let (code, output) = commands.open(work), code == 0 || !output.contains(location) {
                verdict.failure = verdict.failure ?? "thidua apply (mã \(code)) không nêu «\(location)»: \(output)"
            }
            expectCheck(&verdict, commands, before: before) { $0.hasPrefix(location) }
        case .reported(let id):
            if let store = try? FaultFixtures.open(work) { try? store.close() }
            expectCheck(&verdict, commands, before: before) { $0.contains(mutation.file) && $0.contains(id) }
        case .accepted:
            acceptAndNormalise(&verdict, commands)
        }
        return verdict
    }

    /// `thidua check` (in process, and for real when given) must fail with a problem that
    /// `names`; and nothing in the folder may have changed since `before`.
    private func expectCheck(_ verdict: inout Verdict, _ commands: Commands?, before: FolderSnapshot,
                             names: (String) -> Bool) {
        let report = FolderCheck.run(folder: work, clock: FaultFixtures.clock)
        if verdict.message.isEmpty { verdict.message = report.problems.joined(separator: " | ") }
        if report.isHealthy || !report.problems.contains(where: names) {
            verdict.failure = verdict.failure ?? "thidua check không nêu tệp và vị trí: \(report.problems)"
        }
        if let commands {
            let (code, output) = commands.check(work)
            if code == 0 || !output.split(separator: "\n").contains(where: { names($0.trimmingCharacters(in: CharacterSet(charactersIn: " -"))) }) {
                verdict.failure = verdict.failure ?? "lệnh thidua check (mã \(code)) không nêu tệp và vị trí: \(output)"
            }
        }
        verdict.overwritten = FolderSnapshot(work).changes(since: before)
    }

    private func acceptAndNormalise(_ verdict: inout Verdict, _ commands: Commands?) {
        let store: DataStore
        do {
            store = try FaultFixtures.open(work)
        } catch {
            verdict.message = error.message
            verdict.failure = "sửa tay hợp lệ bị từ chối: \(error.message)"
            return
        }
        if store.dataset != original {
            verdict.failure = "đọc ra dữ liệu khác với trước khi sửa tay"
        } else if !store.notices.isEmpty {
            verdict.failure = "có cảnh báo khi mở: \(store.notices)"
        }
        verdict.normalised = (try? store.dataset.dump()) == originalDump
        let report = FolderCheck.run(folder: work, clock: FaultFixtures.clock)
        if !report.isHealthy { verdict.failure = verdict.failure ?? "thidua check báo lỗi: \(report.problems)" }
        if let commands, case let (code, output) = commands.check(work), code != 0 {
            verdict.failure = verdict.failure ?? "lệnh thidua check (mã \(code)): \(output)"
        }
        // The next save works, and the folder then reads as if the hand edit had never been made.
        do {
            try store.commit(Self.laterEdit)
            try store.close()
            if try FaultFixtures.open(work, readOnly: true).dataset != reference {
                verdict.failure = verdict.failure ?? "sau lần lưu tiếp theo, dữ liệu khác"
            }
        } catch {
            verdict.failure = verdict.failure ?? "không lưu được sau khi sửa tay: \(error)"
        }
    }

    /// Puts the folder back exactly as it was: the original file, or a fresh copy when more changed.
    private func restore(after mutation: FileMutation) {
        let manager = FileManager.default
        _ = manager.createFile(atPath: work + "/" + mutation.file, contents: pristine.files[mutation.file])
        if FolderSnapshot(work) != pristine {
            try? manager.removeItem(atPath: work)
            try? manager.copyItem(atPath: template, toPath: work)
        }
    }
}
