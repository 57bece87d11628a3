import Foundation
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTUI

extension Scenarios {
    /// 6. The people list: opened from home and closed again (the first opening comes right
    /// after the folder opens, as the office's first `2` does, and is in the sample), and one
    /// person renamed by another program arriving while it is open (refresh, the list brought
    /// up to date, a new screen). Each a frame's work.
    mutating func peopleList(targetMS: Double) throws {
        try ListProbes.whileStarted(folder: folder) { store, other, app in
            let size = ListProbes.size
            var samples: [Double] = []
            let rounds = ListProbes.rounds(runs: runs)
            // The first opening may find the people still being sorted on another thread: the
            // screen says so at once and fills when they are (`ThiDuaApp.idle`, as the terminal
            // calls it between keys); how long until then is reported beside it.
            var filled: Double?
            for round in 0..<rounds {
                let start = DispatchTime.now().uptimeNanoseconds
                var shown = Buffer(size: size)
                samples.append(Measure.milliseconds {
                    app.feed([.char("2")])
                    shown = app.render(size: size)
                })
                if round == 0, shown.lines().contains(where: { $0.contains("Đang sắp xếp") }) {
                    while !app.idle() { Thread.sleep(forTimeInterval: 0.001) }
                    _ = app.render(size: size)
                    filled = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
                }
                app.feed([.escape])
                _ = app.render(size: size)
            }
            let first = String(format: "%.1f ms", samples[0]) + (filled.map { String(format: " với thông báo «đang sắp xếp», đủ danh sách sau %.1f ms", $0) } ?? "")
            let open = Timing(samples: samples)
            rows.append(ResultRow(scenario: "Mở danh sách \(store.dataset.people.count) cá nhân từ màn hình chính (\(rounds) lần, lần đầu ngay sau khi mở thư mục: \(first))",
                                  scale: scale, timing: open, target: "≤ \(Int(targetMS)) ms (p99)", met: open.p99 <= targetMS))
            app.feed([.char("2")])
            _ = app.render(size: size)
            let arrive = try ListProbes.arrivals(in: app, of: store, from: other, rounds: rounds, size: size)
            rows.append(ResultRow(scenario: "Danh sách cá nhân đang mở: một người được chương trình khác sửa tên → đọc dòng mới + cập nhật danh sách + màn hình mới (\(rounds) lần)",
                                  scale: scale, timing: arrive, target: "≤ \(Int(targetMS)) ms (p99)", met: arrive.p99 <= targetMS))
        }
    }
}
