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
        let (store, other, app) = try ListProbes.started(folder: folder)
        defer {
            try? store.close()
            try? other.close()
        }
        let size = ListProbes.size
        var samples: [Double] = []
        let rounds = max(300, runs * 40)
        for _ in 0..<rounds {
            samples.append(Measure.milliseconds {
                app.feed([.char("2")])
                _ = app.render(size: size)
            })
            app.feed([.escape])
            _ = app.render(size: size)
        }
        let first = samples[0]
        let open = Timing(samples: samples)
        rows.append(ResultRow(scenario: "Mở danh sách \(store.dataset.people.count) cá nhân từ màn hình chính (\(rounds) lần, lần đầu ngay sau khi mở thư mục: \(String(format: "%.1f ms", first)))",
                              scale: scale, timing: open, target: "≤ \(Int(targetMS)) ms (p99)", met: open.p99 <= targetMS))
        app.feed([.char("2")])
        _ = app.render(size: size)
        let people = store.dataset.people.values.map(\.id).sorted()
        var arrivals: [Double] = []
        for n in 0..<rounds {
            // The other program's commit is its time, not this one's.
            try ListProbes.otherWriterRenames(other, people[n * 7919 % people.count], n)
            arrivals.append(Measure.milliseconds {
                _ = app.idle()
                _ = app.render(size: size)
            })
        }
        let arrive = Timing(samples: arrivals)
        rows.append(ResultRow(scenario: "Danh sách cá nhân đang mở: một người được chương trình khác sửa tên → đọc dòng mới + cập nhật danh sách + màn hình mới (\(rounds) lần)",
                              scale: scale, timing: arrive, target: "≤ \(Int(targetMS)) ms (p99)", met: arrive.p99 <= targetMS))
    }
}
