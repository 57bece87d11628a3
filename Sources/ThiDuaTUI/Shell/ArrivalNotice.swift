import ThiDuaDomain
import ThiDuaStore

/// What other people's edits that just arrived amount to, for the status line:
/// «minh: 3 điểm ở Khối Thôn · lan: Sửa đơn vị «Thôn Na Mọn» (DV0007)».
///
/// Per person, in the order they first appear: scores are counted by the khối of whom they
/// score (the grid's unit of work); any other single edit is told by its journal summary,
/// several by their number.
enum ArrivalNotice {
    static func text(_ entries: [AuditEntry], data: Dataset) -> String? {
        guard !entries.isEmpty else { return nil }
        var people: [String] = []
        var parts: [String: Tally] = [:]
        for entry in entries {
            if parts[entry.user] == nil { people.append(entry.user) }
            parts[entry.user, default: Tally()].add(entry, data: data)
        }
        return people.map { "\($0): \(parts[$0]!.text)" }.joined(separator: " · ")
    }

    /// One person's arrivals.
    private struct Tally {
        /// Score cells by khối label, in the order first seen.
        var scores: [(block: String, count: Int)] = []
        var otherSummaries: [String] = []

        mutating func add(_ entry: AuditEntry, data: Dataset) {
            let cells = Self.scoreSubjects(entry.change)
            guard !cells.isEmpty else {
                otherSummaries.append(entry.summary)
                return
            }
            for subject in cells {
                let block = Self.block(of: subject, data: data)
                if let i = scores.firstIndex(where: { $0.block == block }) {
                    scores[i].count += 1
                } else {
                    scores.append((block, 1))
                }
            }
        }

        var text: String {
            var pieces = scores.map { "\($0.count) điểm ở \($0.block)" }
            switch otherSummaries.count {
            case 0: break
            case 1: pieces.append(otherSummaries[0])
            default: pieces.append("\(otherSummaries.count) thay đổi khác")
            }
            return pieces.joined(separator: ", ")
        }

        /// The subject of each score cell a change sets (a batch of scores counts each cell).
        static func scoreSubjects(_ change: Change) -> [Subject] {
            switch change {
            case .setScore(_, let subject, _, _, _): return [subject]
            case .batch(_, let changes):
                let parts = changes.map(scoreSubjects)
                return parts.contains(where: \.isEmpty) ? [] : parts.flatMap { $0 }
            default: return []
            }
        }

        static func block(of subject: Subject, data: Dataset) -> String {
            switch subject {
            case .unit(let id):
                guard let category = data.units[id].flatMap({ data.category($0.categoryID) }) else { return "khối khác" }
                return category.blockLabel
            case .person:
                return "phiếu cá nhân"
            }
        }
    }
}
