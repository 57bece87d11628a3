/// Moving many score sheets of one year forward at once (the score grid's marked rows).
public enum SheetTransition: Sendable, Equatable {
    /// Each sheet one step on: nháp → đã nộp → đã thẩm định → đã khóa.
    case nextState
    /// Each sheet straight to «Đã khóa».
    case lock

    /// «Chuyển bước» / «Khóa».
    public var verb: String {
        switch self {
        case .nextState: return "Chuyển bước"
        case .lock: return "Khóa"
        }
    }

    /// The state a sheet now in `state` moves to, or nil when it is already there.
    public func target(from state: SheetState) -> SheetState? {
        switch self {
        case .nextState: return SheetState.allCases.first { $0 > state }
        case .lock: return state == .locked ? nil : .locked
        }
    }

    /// The plan for the sheets of `subjects` in `year`, in the order given: a missing or
    /// already locked sheet is left out with the reason; the domain decides the rest.
    public func plan(year: Int, subjects: [Subject], in data: Dataset, context: ChangeContext) -> BulkPlan {
        let candidates = subjects.map { subject -> BulkPlan.Candidate in
            let label = data.name(of: subject)
            guard let sheet = data.sheets[SheetKey(year: year, subject: subject)] else {
                return .skipped(label, because: "chưa có phiếu chấm năm \(year).")
            }
            guard let target = target(from: sheet.state) else {
                return .skipped(label, because: "phiếu đã khóa.")
            }
            return BulkPlan.Candidate(label: label) { reason in
                .setSheetState(year: year, subject: subject, state: target, reason: reason)
            }
        }
        let count = candidates.count
        let title = self == .lock ? "Khóa \(count) phiếu chấm năm \(year)" : "Chuyển bước \(count) phiếu chấm năm \(year)"
        return BulkPlan(title: title, candidates: candidates, in: data, context: context)
    }
}
