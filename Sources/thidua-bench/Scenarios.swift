import Foundation
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

/// The measured scenarios at one scale, over a freshly written data folder.
struct Scenarios {
    let scale: String
    let folder: String
    let runs: Int
    var rows: [ResultRow] = []
    /// Bytes of the collection files as generated, before any scenario adds backups or history.
    let dataBytes: Int
    /// python3's parse of the same files, measured once per scale (nil: not yet; .none inside: no python3).
    private var parseFloor: Timing??
    /// The first screen's median per MB of data, for the S→L comparison.
    private(set) var firstScreenMSPerMB: Double?

    init(scale: String, communes: Int, runs: Int) throws {
        self.scale = scale
        self.runs = runs
        folder = NSTemporaryDirectory() + "thidua-bench-\(scale)-\(getpid())"
        try? FileManager.default.removeItem(atPath: folder)
        let start = Date()
        try Self.generate(communes: communes, into: folder)
        let seconds = Date().timeIntervalSince(start)
        let data = try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: true)).dataset
        dataBytes = Self.folderBytes(folder)
        let megabytes = Double(dataBytes) / 1_048_576
        rows.append(ResultRow(scenario: "Tạo dữ liệu (\(data.units.count) đơn vị, \(data.people.count) cá nhân, \(data.sheets.count) phiếu; \(String(format: "%.0f", megabytes)) MB), tiến trình riêng",
                              scale: scale, figure: String(format: "%.1f s", seconds), target: "—"))
    }

    /// Runs this program again as `generate`, so the data's construction is not in our peak memory.
    static func generate(communes: Int, into folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["generate", String(communes), folder]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    static func folderBytes(_ folder: String) -> Int {
        let files = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] ?? []
        return files.reduce(0) { total, name in
            total + ((try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.size] as? Int) ?? 0)
        }
    }

    func cleanUp() { try? FileManager.default.removeItem(atPath: folder) }

    /// The release `thidua` built beside this program, if there is one: started cold, run as
    /// `thidua check`, and the other process of the catch-up scenario.
    static var thiduaBeside: String? {
        let beside = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("thidua").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : nil
    }

    private func openStore() throws -> DataStore {
        try DataStore.open(folder: folder, options: .init(createIfMissing: false))
    }

    /// 1. Open the folder and draw the first home screen into a Buffer, against python3
    /// parsing the same files in the same run; at L also against S, per MB of data.
    mutating func firstScreen(targetMS: Double, floorRatio: Double?, perMBAtS: Double?) throws {
        _ = try Self.openAndDrawHome(folder: folder)
        let timing = Timing(samples: try (0..<runs).map { _ in try Self.openAndDrawHome(folder: folder) })
        let what = "Mở thư mục tới màn hình chính đầu tiên (không tính lúc đóng)"
        rows.append(ResultRow(scenario: what, scale: scale, timing: timing,
                              target: "≤ \(Int(targetMS)) ms", met: timing.median <= targetMS))
        try compareWithParseFloor(timing, what: what, ratio: floorRatio)
        let megabytes = Double(dataBytes) / 1_048_576
        firstScreenMSPerMB = timing.median / megabytes
        if let perMBAtS, let perMB = firstScreenMSPerMB {
            // Linear in size: per MB of data, L costs no more than S.
            let growth = perMB / perMBAtS
            rows.append(ResultRow(scenario: String(format: "Mở thư mục, S→L: mỗi MB dữ liệu tốn gấp %.2f lần ở S", growth),
                                  scale: scale, figure: String(format: "%.2f×", growth), target: "≤ 1× (tuyến tính)",
                                  met: growth <= 1))
        }
    }

    /// python3 parsing the folder's collection files (`ParseFloor`), measured once per scale.
    private mutating func measuredParseFloor() throws -> Timing? {
        if let parseFloor { return parseFloor }
        let floor = try ParseFloor.measure(folder: folder, runs: max(5, runs / 2))
        parseFloor = .some(floor)
        if let floor {
            rows.append(ResultRow(scenario: "Sàn: python3 đọc (json.load) đúng các tệp JSON của thư mục, đo trong python, \(floor.samples.count) lần",
                                  scale: scale, timing: floor, target: "—"))
        } else {
            rows.append(ResultRow(scenario: "Sàn: python3 đọc các tệp JSON của thư mục (không có python3 nên không đo)",
                                  scale: scale, figure: "không đo được", target: "—"))
        }
        return floor
    }

    /// The ratio row of `timing` against python3's parse: median against median (with a target
    /// only where one is set: at S, starting a process outweighs reading 2 MB).
    private mutating func compareWithParseFloor(_ timing: Timing, what: String, ratio target: Double?) throws {
        let goal = target.map { String(format: "≤ %.2f× sàn python3 (trung vị so với trung vị)", $0) } ?? "—"
        guard let floor = try measuredParseFloor() else {
            rows.append(ResultRow(scenario: "\(what), so với sàn python3", scale: scale, figure: "không đo được",
                                  target: goal))
            return
        }
        let ratio = timing.median / max(floor.median, 0.000_001)
        rows.append(ResultRow(scenario: String(format: "\(what): trung vị gấp %.2f lần sàn python3 (%.1f ms / %.1f ms)",
                                               ratio, timing.median, floor.median),
                              scale: scale, figure: String(format: "%.2f×", ratio), target: goal, met: target.map { ratio <= $0 }))
    }

    /// Milliseconds from opening the folder to the first home screen drawn, as `thidua` does
    /// it: the home screen as soon as its files are read (`FirstScreenPreview`), then the app
    /// over the complete data. Closing (and the data being freed), which comes at the end of a
    /// working session, is not counted.
    static func openAndDrawHome(folder: String) throws -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        let size = Size(width: 80, height: 24)
        var firstScreen: Double?
        let today = ChangeContext(user: "").today
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false),
                                       firstScreen: FirstScreenPreview.opening(folder: folder, today: today) { screen in
            _ = screen(size)
            firstScreen = elapsed()
        })
        let app = ThiDuaApp(session: Session(backend: store, today: store.context.today))
        _ = app.render(size: size)
        let milliseconds = firstScreen ?? elapsed()
        try store.close()
        return milliseconds
    }

    /// What the office does in one sitting, in this process: open, the home screen, a search
    /// typed letter by letter in the people list, the largest khối's score grid, one score
    /// entered, and closing (which checkpoints).
    static func workSession(folder: String) throws {
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        let session = Session(backend: store, today: store.context.today)
        // As the program does once the folder is open: the lists' order and index are built
        // beside the home screen and kept for the session, so they count in its memory.
        session.prepareLists()
        let app = ThiDuaApp(session: session)
        let size = Size(width: 120, height: 40)
        _ = app.render(size: size)
        app.feed([.char("2"), .char("/")])
        for c in "nguyen van an" {
            app.feed([.char(c)])
            _ = app.render(size: size)
        }
        app.feed([.escape, .escape, .escape, .char("4"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]")])
        _ = app.render(size: size)
        app.feed([.down, .down, .char("7"), .enter])
        _ = app.render(size: size)
        try store.close()
    }

    /// Peak memory of `workSession` in a fresh process, against the data's size on disk. The
    /// first session after the data is generated also rewrites the files its records were
    /// normalised in, and backs up every file for the first time; a session is run once
    /// beforehand so the measured one is an ordinary working session whatever ran before.
    mutating func sessionMemory(timesData: Double) throws {
        _ = try Self.sessionPeakMB(folder: folder)
        let megabytes = try Self.sessionPeakMB(folder: folder)
        let dataMB = Double(dataBytes) / 1_048_576
        let targetMB = timesData * dataMB
        rows.append(ResultRow(scenario: String(format: "Bộ nhớ đỉnh của một phiên làm việc (mở, tìm, chấm điểm, đóng), tiến trình riêng; gấp %.2f lần dữ liệu trên đĩa (%.0f MB)", megabytes / dataMB, dataMB),
                              scale: scale, figure: String(format: "%.0f MB", megabytes),
                              target: String(format: "≤ %.0f× dữ liệu (%.0f MB)", timesData, targetMB),
                              met: megabytes <= targetMB))
    }

    /// The peak memory, in MB, of one `workSession` in a child process.
    static func sessionPeakMB(folder: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        process.arguments = ["session", folder]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let megabytes = Double(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw CocoaError(.fileReadUnknown)
        }
        return megabytes
    }

    /// The sheet and item the edit scenarios change.
    static func editTarget(_ store: DataStore) -> (ScoreSheet, String)? {
        guard let sheet = store.dataset.sheets.values.first(where: { $0.year == 2026 && $0.state != .locked }),
              let code = sheet.items.keys.sorted().first else { return nil }
        return (sheet, code)
    }

    static func scoreEdits(folder: String, count: Int) throws {
        let store = try DataStore.open(folder: folder, options: .init(createIfMissing: false))
        defer { try? store.close() }
        guard let (sheet, code) = editTarget(store) else { return }
        for value in 0..<count {
            try store.commit(.setScore(year: 2026, subject: sheet.subject, item: code, field: .selfScore,
                                       value: Points(value % 10)))
        }
    }

    /// 2. One durable score edit, beside a bare write+fsync of the same bytes. On a local disk
    /// the folder is in the shared mode: `commit` takes `.journal.lock` exclusive, reads what
    /// other programs appended (here: nothing, one `stat`), appends, fsyncs and unlocks.
    mutating func durableEdit(floorRatio: Double) throws {
        let store = try openStore()
        defer { try? store.close() }
        guard let (sheet, code) = Self.editTarget(store) else { return }
        // A local disk: the store is in the shared mode and every commit goes through the journal lock.
        let shared = Self.editsShared(folder: folder)
        let journal = folder + "/journal.jsonl"
        func journalSize() -> Int { (try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0 }
        var value = 0
        func edit() throws {
            value = (value + 1) % 10
            try store.commit(.setScore(year: 2026, subject: sheet.subject, item: code, field: .selfScore,
                                       value: Points(value)))
        }
        // One edit first (not timed) gives the size of a journal line, which the floor writes.
        let before = journalSize()
        try edit()
        let lineBytes = max(1, journalSize() - before)
        // Edit and floor taken in turn, so both meet the disk in the same state: measured
        // after the edits, the floor's median was 0.034 ms in one run and 0.056 ms in the
        // next on the same machine, while the edits' stayed at 0.059–0.066 ms.
        let floorPath = folder + "/bench-floor.tmp"
        let fd = open(floorPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(fd); unlink(floorPath) }
        let line = [UInt8](repeating: 0x61, count: lineBytes)
        let edits = max(runs * 20, 100)
        var editSamples: [Double] = [], floorSamples: [Double] = []
        for _ in 0..<edits {
            editSamples.append(try Measure.milliseconds(edit))
            floorSamples.append(Measure.milliseconds {
                _ = line.withUnsafeBytes { write(fd, $0.baseAddress, lineBytes) }
                fsync(fd)
            })
        }
        let timing = Timing(samples: editSamples), floor = Timing(samples: floorSamples)
        rows.append(ResultRow(scenario: "Sàn: ghi \(lineBytes) byte + fsync (không qua chương trình), xen kẽ với các lần sửa", scale: scale,
                              timing: floor, target: "—"))
        // The same statistic on both sides: median against median (p99 against p99 shown too).
        let ratio = timing.median / max(floor.median, 0.000_001)
        let tailRatio = timing.p99 / max(floor.p99, 0.000_001)
        let mode = shared ? "ở chế độ nhiều người ghi (khóa .journal.lock, đọc phần người khác ghi, nhật ký + fsync)"
            : "ở chế độ một người ghi (nhật ký + fsync)"
        rows.append(ResultRow(scenario: String(format: "Một lần sửa điểm ghi bền \(mode), trung vị gấp %.2f lần sàn (p99 gấp %.2f lần)", ratio, tailRatio),
                              scale: scale, timing: timing, target: String(format: "≤ %.1f× sàn (trung vị so với trung vị)", floorRatio),
                              met: ratio <= floorRatio))
    }

    /// 4. Search as you type over every person, per keystroke, through the real screen: the
    /// query typed letter by letter, then erased with Backspace, every key timed (the first
    /// key of each round and the last Backspace go over all the people), until at least
    /// 1,000 keys, so that the p99 is not just the slowest key.
    mutating func searchKeystroke(targetMS: Double) throws {
        let store = try openStore()
        defer { try? store.close() }
        let session = Session(backend: store, today: store.context.today)
        let app = ThiDuaApp(session: session)
        app.feed([.char("2"), .char("/")])
        let query = Array("nguyen van an")
        var samples: [Double] = []
        func timed(_ key: Key) {
            let start = DispatchTime.now().uptimeNanoseconds
            app.feed([key])
            _ = app.render(size: Size(width: 80, height: 24))
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        while samples.count < 1_000 {
            for c in query { timed(.char(c)) }
            for _ in query { timed(.backspace) }
        }
        let timing = Timing(samples: samples)
        rows.append(ResultRow(scenario: "Tìm khi gõ trên \(store.dataset.people.count) cá nhân, mỗi phím (gõ rồi xóa từng chữ, \(samples.count) phím)",
                              scale: scale, timing: timing, target: "≤ \(Int(targetMS)) ms (p99)", met: timing.p99 <= targetMS))
    }

    /// 3. One key in the score grid → a new Buffer: moving the cursor, and entering a
    /// score (commit, then totals and ranking of the category recomputed).
    mutating func gridKey(targetMS: Double) throws {
        let store = try openStore()
        defer { try? store.close() }
        let app = ThiDuaApp(session: Session(backend: store, today: store.context.today))
        let size = Size(width: 120, height: 40)
        app.feed([.char("4"), .char("]"), .char("]"), .char("]"), .char("]"), .char("]")])   // the largest khối
        _ = app.render(size: size)
        let rowsShown = (app.top as? ScoreGridScreen)?.rowCount ?? 0
        var down = true
        // At least 1,000 keys each, so that the p99 is not just the slowest key.
        let keys = max(1_000, runs * 40)
        let move = Measure.time(runs: keys) {
            app.feed([down ? .down : .up])
            down.toggle()
            _ = app.render(size: size)
        }
        rows.append(ResultRow(scenario: "Bảng chấm điểm (\(rowsShown) dòng): một phím di chuyển → màn hình mới (\(keys) phím)",
                              scale: scale, timing: move, target: "≤ \(Int(targetMS)) ms (p99)", met: move.p99 <= targetMS))
        var digit = 0
        let frameMS = 16.0
        let entry = Measure.time(runs: keys) {
            digit = (digit + 1) % 10
            app.feed([.char(Character(String(digit))), .enter, .up])
            _ = app.render(size: size)
        }
        rows.append(ResultRow(scenario: "Bảng chấm điểm: nhập một điểm (ghi bền + tính lại hạng) → màn hình mới (\(keys) lần)",
                              scale: scale, timing: entry, target: "≤ \(Int(frameMS)) ms (p99)", met: entry.p99 <= frameMS))
    }

    /// 5. Checkpoint after one edit (rewrites the changed files atomically).
    mutating func checkpoint() throws {
        let store = try openStore()
        defer { try? store.close() }
        guard let unit = store.dataset.units.values.first else { return }
        var n = 0
        let timing = try Measure.time(runs: max(3, runs / 2), warmup: 0) {
            n += 1
            var changed = unit
            changed.notes = "Lần \(n)"
            try store.commit(.updateUnit(unit: changed))
            try store.checkpoint(backup: false)
        }
        rows.append(ResultRow(scenario: "Ghi lại tệp (checkpoint) sau một sửa đổi", scale: scale, timing: timing, target: "—"))
    }

    /// 1b. The real program started cold with `--data-dir`, until the home screen shows.
    mutating func coldStart() throws {
        guard let harness = ColdStart() else {
            rows.append(ResultRow(scenario: "Khởi động chương trình thật (cần tmux và thidua bản release cạnh thidua-bench)",
                                  scale: scale, figure: "chưa đo", target: "—"))
            return
        }
        let runs = 5
        let floor = try harness.floor(runs: runs)
        let program = try harness.program(folder: folder, runs: runs)
        rows.append(ResultRow(scenario: "Khởi động thidua --data-dir tới màn hình chính (trong tmux)", scale: scale,
                              timing: program, target: "—"))
        rows.append(ResultRow(scenario: "Sàn của cách đo: tmux mở một lệnh chỉ in một dòng", scale: scale,
                              timing: floor, target: "—"))
    }

    /// Closing after one edit (its checkpoint and the backup), against the checkpoint of the
    /// same edit alone, in the same session and run: the backup copies only the members that
    /// changed, so closing should cost at most twice the checkpoint. The first close of a
    /// folder that has no manifest yet copies every file once; it is shown on its own row.
    mutating func closeAfterEdit() throws {
        var n = 0
        var checkpoints: [Double] = [], closes: [Double] = [], ratios: [Double] = []
        var first: Double?
        for round in 0...max(3, runs) {
            let store = try openStore()
            guard let unit = store.dataset.units.values.min(by: { $0.id < $1.id }) else { return }
            func edit() throws {
                n += 1
                var changed = unit
                changed.notes = "Đóng lần \(n)"
                try store.commit(.updateUnit(unit: changed))
            }
            // The first checkpoint of a session also reads the journal; compare warm with warm.
            try edit()
            try store.checkpoint(backup: false)
            try edit()
            let checkpoint = try Measure.milliseconds { try store.checkpoint(backup: false) }
            try edit()
            let close = try Measure.milliseconds { try store.close() }
            if round == 0 {
                first = close
                continue
            }
            checkpoints.append(checkpoint)
            closes.append(close)
            ratios.append(close / checkpoint)
        }
        let checkpoint = Timing(samples: checkpoints), close = Timing(samples: closes)
        let ratio = close.median / checkpoint.median
        let worst = ratios.max() ?? .nan
        if let first {
            rows.append(ResultRow(scenario: "Lần đóng đầu tiên của thư mục chưa có bản sao lưu nào (chép mọi tệp một lần)",
                                  scale: scale, figure: String(format: "%.0f ms", first), target: "—"))
        }
        rows.append(ResultRow(scenario: "Ghi lại tệp sau một sửa đổi, trong cùng phiên với dòng dưới", scale: scale,
                              timing: checkpoint, target: "—"))
        rows.append(ResultRow(scenario: "Đóng chương trình sau một sửa đổi (ghi lại tệp + sao lưu phần đã đổi)", scale: scale,
                              timing: close, target: "—"))
        // The target is set for the province (L), where the files are large; at S a few fixed
        // fsyncs of the backup weigh as much as the whole checkpoint.
        let targeted = scale == "L"
        rows.append(ResultRow(scenario: String(format: "Đóng / ghi lại tệp: %.2f× (trung vị), lần tệ nhất %.2f×", ratio, worst),
                              scale: scale, figure: String(format: "%.2f×", ratio), target: targeted ? "≤ 2×" : "—",
                              met: targeted ? ratio <= 2 && worst <= 2 : nil))
    }

    /// 7. `thidua check` of the whole folder, against python3 parsing the same files.
    /// With the real binary when it is built (process start included), else in this process.
    mutating func check(floorRatio: Double?) throws {
        let runs = max(5, runs / 3)
        guard let thidua = Self.thiduaBeside else {
            let timing = Measure.time(runs: runs, warmup: 0) { _ = FolderCheck.run(folder: folder) }
            rows.append(ResultRow(scenario: "Kiểm tra thư mục (FolderCheck trong tiến trình đo)", scale: scale,
                                  timing: timing, target: "—"))
            try compareWithParseFloor(timing, what: "Kiểm tra thư mục (FolderCheck trong tiến trình đo)", ratio: floorRatio)
            return
        }
        let timing = try Measure.time(runs: runs, warmup: 0) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: thidua)
            process.arguments = ["check", "--data-dir", folder]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
        }
        rows.append(ResultRow(scenario: "thidua check --data-dir (tiến trình thật)", scale: scale, timing: timing, target: "—"))
        try compareWithParseFloor(timing, what: "thidua check --data-dir (tiến trình thật)", ratio: floorRatio)
    }
}
