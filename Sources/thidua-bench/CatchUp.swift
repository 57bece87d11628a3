import Foundation
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// Several programs on one folder: what the shared mode costs.
extension Scenarios {
    /// Whether `store` (of this process) edits `folder` in the shared mode: it holds
    /// `.folder.lock` shared for its session (only the shared mode does), and then every commit
    /// takes `.journal.lock` exclusive. Read from /proc/locks: a FLOCK on that file's inode
    /// held by this process.
    static func editsShared(folder: String) -> Bool {
        var info = stat()
        guard stat(folder + "/" + FolderLayout.folderLock, &info) == 0,
              let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return false }
        let inode = ":\(info.st_ino) "
        return locks.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            return fields.count >= 6 && fields[1] == "FLOCK" && fields[4] == "\(getpid())" && (String(fields[5]) + " ").hasSuffix(inode)
        }
    }

    /// `count` score changes on distinct cells of `dataset`, two per sheet that is not locked
    /// (every running year: at S, 2026 alone has 150 sheets, 300 cells), each valid there
    /// (checked on a scratch copy); the values flip from one round to the next so that every
    /// change changes. The sheets are taken in key order, not the dictionary's (which differs
    /// from one process to the next, and is not promised to stay the same as the values
    /// change): the same cells in every round and every run.
    static func scoreChanges(_ count: Int, in dataset: Dataset, round: Int, context: ChangeContext) -> [Change] {
        var scratch = dataset
        var changes: [Change] = []
        for key in dataset.sheets.keys.sorted() {
            guard let sheet = dataset.sheets[key], sheet.state != .locked else { continue }
            for code in sheet.items.keys.sorted().prefix(2) {
                let change = Change.setScore(year: key.year, subject: sheet.subject, item: code, field: .selfScore,
                                             value: Points((changes.count + round) % 2))
                if (try? scratch.applyInPlace(change, context: context)) != nil { changes.append(change) }
                if changes.count == count { return changes }
            }
        }
        return changes
    }

    /// One catch-up within this process, for profiling: store A commits `count` score changes,
    /// then store B, open on the folder since before, reads and applies them.
    static func catchUpOnce(folder: String, count: Int) throws {
        let reader = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        defer { try? reader.close() }
        let writer = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        for change in scoreChanges(count, in: writer.dataset, round: 1, context: writer.context) {
            try writer.commit(change)
        }
        try writer.close()
        let arrived = try reader.refresh()
        guard arrived.count == count else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "refresh: \(arrived.count) dòng, cần \(count)"])
        }
    }

    /// Catching up on what another process wrote: this program's store B is open on the folder;
    /// a real `thidua apply` (another process, one commit and fsync per line, under the journal
    /// lock) appends `count` score changes and exits; then `B.refresh()` reads and applies them,
    /// timed. Floor: the same `count` changes, already in memory, applied with
    /// `Dataset.applyInPlace` to a copy of B's dataset as it was before (only the applying is
    /// timed, not the copying of the collections this benchmark's second reference to them
    /// forces). Medians over `runs` rounds after one warm-up round; target ≤ 3× the floor.
    mutating func catchUp(count: Int = 1_000, runs: Int) throws {
        guard let thidua = Self.thiduaBeside else {
            rows.append(ResultRow(scenario: "Bắt kịp \(count) thay đổi do tiến trình khác ghi (cần thidua bản release cạnh thidua-bench)",
                                  scale: scale, figure: "chưa đo", target: "—"))
            return
        }
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        defer { try? store.close() }
        var floors: [Double] = [], refreshes: [Double] = [], writes: [Double] = []
        for round in 0...runs {
            let changes = Self.scoreChanges(count, in: store.dataset, round: round, context: store.context)
            guard changes.count == count else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "chỉ có \(changes.count) ô điểm sửa được, cần \(count)"])
            }
            let input = try CrashHarness.applyInput(changes)

            var (code, out, err) = (Int32(0), "", "")
            let writing = try Measure.milliseconds {
                (code, out, err) = try ChildProcess.run(executable: thidua, ["apply", "--data-dir", folder], stdin: input,
                                                        environment: ["THIDUA_USER": "bench-khac"])
            }
            guard code == 0, out.split(separator: "\n").count == count else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "thidua apply: \(code) \(err.suffix(300))"])
            }

            var floor = 0.0
            do {
                var copy = store.dataset
                let context = store.context
                // Untimed: the first edit of a dataset the store still holds too copies its
                // collections; one change and its inverse make that copy here.
                let first = try copy.applyInPlace(changes[0], context: context)
                _ = try copy.applyInPlace(first.inverse, context: context)
                floor = try Measure.milliseconds {
                    for change in changes { _ = try copy.applyInPlace(change, context: context) }
                }
            }

            var arrived: [AuditEntry] = []
            let refresh = try Measure.milliseconds { arrived = try store.refresh() }
            guard arrived.count == count else {
                throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: "refresh: \(arrived.count) dòng, cần \(count)"])
            }
            if round == 0 { continue }   // warm-up
            floors.append(floor)
            refreshes.append(refresh)
            writes.append(writing)
        }
        let floor = Timing(samples: floors), refresh = Timing(samples: refreshes)
        let ratio = refresh.median / max(floor.median, 0.000_001)
        rows.append(ResultRow(scenario: "thidua apply (tiến trình khác) ghi \(count) thay đổi điểm, mỗi thay đổi một fsync, cả khởi động và đóng",
                              scale: scale, timing: Timing(samples: writes), target: "—"))
        rows.append(ResultRow(scenario: "Sàn: áp dụng cùng \(count) thay đổi trong bộ nhớ (Dataset.applyInPlace trên một bản sao)",
                              scale: scale, timing: floor, target: "—"))
        rows.append(ResultRow(scenario: String(format: "Bắt kịp \(count) thay đổi do tiến trình khác ghi (refresh: đọc nhật ký + áp dụng), trung vị gấp %.2f lần sàn (p99 gấp %.2f lần), %d lần", ratio, refresh.p99 / max(floor.p99, 0.000_001), runs),
                              scale: scale, timing: refresh, target: "≤ 3× sàn (trung vị so với trung vị)", met: ratio <= 3))
    }
}
