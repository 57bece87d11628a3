import Foundation
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

/// The subject pickers and the person form under callgrind (see KeyProbes): the nominee
/// picker (every unit and person) opened from the nominations screen and closed again, a
/// search typed in it, another program's edit of one person arriving while it is open, and
/// the person form opened from the people list. Each measured step is its own function that
/// is never inlined, for `--toggle-collect='*probe…*'`.
enum PickerProbes {
    /// `rounds` of each step, the program started as `thidua` starts it.
    static func pickers(folder: String, rounds: Int) throws {
        // Not closed: see KeyProbes.
        let (store, other, app) = try ListProbes.started(folder: folder)
        app.feed([.char("6")])
        _ = app.render(size: size)
        for _ in 0..<rounds { probeOpenPicker(app); probeClosePicker(app) }
        app.feed([.function(7)])
        _ = app.render(size: size)
        for _ in 0..<rounds {
            for c in KeyProbes.query { probePickerKey(app, c) }
            app.feed(Array(repeating: Key.backspace, count: KeyProbes.query.count))
        }
        let people = store.dataset.people.values.map(\.id).sorted()
        for n in 0..<rounds {
            try ListProbes.otherWriterRenames(other, the: n, of: people)
            probePickerArrives(app)
        }
        app.feed([.escape, .escape, .escape, .char("2")])
        _ = app.render(size: size)
        for _ in 0..<rounds { probeOpenPersonForm(app, size: size); probeClosePicker(app) }
    }

    /// F7 on the nominations screen: the nominee picker.
    @inline(never) static func probeOpenPicker(_ app: ThiDuaApp) {
        app.feed([.function(7)])
        _ = app.render(size: size)
    }

    @inline(never) static func probeClosePicker(_ app: ThiDuaApp) {
        app.feed([.escape])
        _ = app.render(size: size)
    }

    @inline(never) static func probePickerKey(_ app: ThiDuaApp, _ c: Character) {
        app.feed([.char(c)])
        _ = app.render(size: size)
    }

    /// Not the same code as the list's probe, or the linker folds the two into one.
    @inline(never) static func probePickerArrives(_ app: ThiDuaApp) {
        _ = app.idle()
        _ = app.render(size: Size(width: 80, height: 24))
    }

    /// `a` on the people list: the form for a new person, with every unit to choose from.
    /// Not the same code as the picker's probe, or the linker folds the two into one.
    @inline(never) static func probeOpenPersonForm(_ app: ThiDuaApp, size: Size) {
        app.feed([.char("a")])
        _ = app.render(size: size)
    }

    static let size = Size(width: 80, height: 24)
}

extension Scenarios {
    /// 7. The pickers of every unit and person (the nominee picker, F7 on the nominations
    /// screen): opening it, each key of a search typed and erased in it, and another
    /// program's edit arriving while it is open; and the person form opened from the people
    /// list. Each a frame's work; the first opening of each comes right after the folder
    /// opens and is in the sample.
    mutating func pickers(targetMS: Double) throws {
        try ListProbes.whileStarted(folder: folder) { store, other, app in
            let size = PickerProbes.size
            let rounds = ListProbes.rounds(runs: runs)
            func timed(_ keys: [Key]) -> Double {
                Measure.milliseconds {
                    app.feed(keys)
                    _ = app.render(size: size)
                }
            }
            func close() {
                app.feed([.escape])
                _ = app.render(size: size)
            }
            app.feed([.char("6")])
            _ = app.render(size: size)
            var opens: [Double] = []
            for _ in 0..<rounds {
                opens.append(timed([.function(7)]))
                close()
            }
            let count = store.dataset.units.count + store.dataset.people.count
            let open = Timing(samples: opens)
            rows.append(ResultRow(scenario: "Mở ô chọn đối tượng đề nghị (\(count) đơn vị và cá nhân) từ màn hình khen thưởng (\(rounds) lần, lần đầu: \(String(format: "%.1f ms", opens[0])))",
                                  scale: scale, timing: open, target: "≤ \(Int(targetMS)) ms (p99)", met: open.p99 <= targetMS))
            _ = timed([.function(7)])
            var keys: [Double] = []
            while keys.count < 1_000 {
                for c in KeyProbes.query { keys.append(timed([.char(c)])) }
                for _ in KeyProbes.query { keys.append(timed([.backspace])) }
            }
            let key = Timing(samples: keys)
            rows.append(ResultRow(scenario: "Ô chọn đối tượng: tìm khi gõ trên \(count) đơn vị và cá nhân, mỗi phím (gõ rồi xóa từng chữ, \(keys.count) phím)",
                                  scale: scale, timing: key, target: "≤ \(Int(targetMS)) ms (p99)", met: key.p99 <= targetMS))
            let arrive = try ListProbes.arrivals(in: app, of: store, from: other, rounds: rounds, size: size)
            rows.append(ResultRow(scenario: "Ô chọn đối tượng đang mở: một người được chương trình khác sửa tên → cập nhật + màn hình mới (\(rounds) lần)",
                                  scale: scale, timing: arrive, target: "≤ \(Int(targetMS)) ms (p99)", met: arrive.p99 <= targetMS))
            app.feed([.escape, .escape, .escape, .char("2")])
            _ = app.render(size: size)
            var forms: [Double] = []
            for _ in 0..<rounds {
                forms.append(timed([.char("a")]))
                close()
            }
            let form = Timing(samples: forms)
            rows.append(ResultRow(scenario: "Mở biểu mẫu thêm cá nhân (chọn trong \(store.dataset.units.count) đơn vị) từ danh sách cá nhân (\(rounds) lần)",
                                  scale: scale, timing: form, target: "≤ \(Int(targetMS)) ms (p99)", met: form.p99 <= targetMS))
        }
    }
}
