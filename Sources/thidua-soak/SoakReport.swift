import Foundation

/// The soak's figures and its Vietnamese summary table.
struct SoakReport {
    let seed: UInt64
    let jobs: Int
    var kills = WorkerPool.Outcome<KillTally>()
    var mutations = WorkerPool.Outcome<MutationTally>()
    var keys = WorkerPool.Outcome<KeyTally>()
    var multiWriter = WorkerPool.Outcome<MultiWriterTally>()
    var seconds: [String: Double] = [:]

    var crashes: Int { kills.crashes.count + mutations.crashes.count + keys.crashes.count + multiWriter.crashes.count }

    /// Nothing lost, nothing undetected, nothing overwritten, every valid hand edit read in
    /// canonical form (NFC), no crash, no broken invariant.
    var passed: Bool {
        let k = kills.tally, m = mutations.tally
        return k.survived == k.rounds && k.lost == 0 && k.openFailures == 0
            && m.detected == m.tried && m.validAccepted == m.validTried && m.validNormalised == m.validAccepted
            && m.overwritten == 0 && keys.tally.invariantFailures == 0 && crashes == 0 && multiWriterPassed
    }

    /// Several writers at once: nothing acknowledged lost, nothing doubled, no break in the
    /// chain, every deliberate conflict refused, every round clean.
    var multiWriterPassed: Bool {
        let w = multiWriter.tally
        return w.lost == 0 && w.doubled == 0 && w.chainBreaks == 0 && w.foreign == 0 && w.replayMismatches == 0
            && w.conflictsDetected == w.conflictsTried && w.clean == w.rounds
    }

    func table() -> String {
        let k = kills.tally, m = mutations.tally, t = keys.tally, w = multiWriter.tally
        let rows: [(String, String)] = [
            ("Vòng SIGKILL qua an toàn / đã chạy", "\(k.survived) / \(k.rounds)"),
            ("Thay đổi đã báo «OK» / bị mất", "\(k.acknowledged) / \(k.lost)"),
            ("Thay đổi còn lại sau một chỗ hổng", "\(k.afterGap)"),
            ("Dòng nhật ký ghi dở: tạo ra / được báo", "\(k.tears) / \(k.tearsReported)"),
            ("Thư mục không mở được", "\(k.openFailures)"),
            ("Lỗi khi sửa tiếp sau khôi phục", "\(k.afterwardsFailures)"),
            ("Tệp bị làm hỏng: đã thử / phát hiện", "\(m.tried) / \(m.detected)"),
            ("Tệp bị ghi đè khi đọc lỗi", "\(m.overwritten)"),
            ("Sửa tay hợp lệ: thử / nhận / đọc ra dạng chuẩn", "\(m.validTried) / \(m.validAccepted) / \(m.validNormalised)"),
            ("Phím đã gõ (\(t.screens) màn hình, \(t.restarts) lần mở lại)", "\(t.keys)"),
            ("Đổ vỡ (tiến trình chết)", "\(crashes)"),
            ("Bất biến bị vi phạm", "\(t.invariantFailures)"),
            ("Nhiều người ghi: vòng sạch / đã chạy", "\(w.clean) / \(w.rounds)"),
            ("Nhiều người ghi: tiến trình ghi / thay đổi gửi đi / đã báo «OK»", "\(w.writers) / \(w.sent) / \(w.acknowledged)"),
            ("Nhiều người ghi: người ghi bị SIGKILL", "\(w.kills)"),
            ("Nhiều người ghi: dòng đã ghi nhưng chưa kịp báo «OK»", "\(w.unacknowledged)"),
            ("Nhiều người ghi: lần ghi lại tệp bởi chương trình khác (\(w.checkpointRounds) vòng)", "\(w.checkpoints)"),
            ("Nhiều người ghi: xung đột cố ý / phát hiện", "\(w.conflictsTried) / \(w.conflictsDetected)"),
            ("Nhiều người ghi: thay đổi bị mất / ghi hai lần / dòng lạ", "\(w.lost) / \(w.doubled) / \(w.foreign)"),
            ("Nhiều người ghi: chỗ đứt chuỗi băm hoặc hổng seq", "\(w.chainBreaks)"),
            ("Nhiều người ghi: mở lại khác phát lại nhật ký", "\(w.replayMismatches)"),
            ("Thời gian: SIGKILL / tệp / phím / nhiều người ghi",
             [seconds["kills"], seconds["mutations"], seconds["keys"], seconds["multiWriter"]].map(Self.duration).joined(separator: " / ")),
            ("Tổng thời gian", Self.duration(seconds.values.reduce(0, +))),
        ]
        let left = rows.map(\.0.count).max()!, right = rows.map(\.1.count).max()!
        let rule = "+" + String(repeating: "-", count: left + 2) + "+" + String(repeating: "-", count: right + 2) + "+"
        var lines = ["thidua-soak — hạt giống \(seed), \(jobs) tiến trình song song", rule]
        for (name, value) in rows {
            lines.append("| " + name.padding(toLength: left, withPad: " ", startingAt: 0) + " | "
                         + String(repeating: " ", count: right - value.count) + value + " |")
        }
        lines.append(rule)
        let problems = k.problems + m.problems + t.problems + w.problems + kills.crashes + mutations.crashes + keys.crashes
            + multiWriter.crashes
        if !problems.isEmpty {
            lines.append("Vấn đề (tối đa \(keptProblems) mỗi loại):")
            lines += problems.map { "  - \($0)" }
        }
        if !m.notNormalised.isEmpty {
            lines.append("Sửa tay hợp lệ được nhận nhưng chữ đọc ra chưa ở dạng chuẩn: \(m.notNormalised.sorted().joined(separator: ", ")).")
        }
        lines.append(passed ? "Kết luận: ĐẠT." : "Kết luận: KHÔNG ĐẠT.")
        return lines.joined(separator: "\n")
    }

    static func duration(_ seconds: Double?) -> String {
        guard let seconds else { return "–" }
        let whole = Int(seconds.rounded())
        return whole >= 60 ? "\(whole / 60) ph \(whole % 60) s" : String(format: "%.1f s", seconds)
    }
}
