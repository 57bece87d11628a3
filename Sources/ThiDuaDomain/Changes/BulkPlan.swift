/// One edit of many records at once — lock the sheets of a khối, move a list of nominations
/// a step, accept a list of suggestions — as one `batch` (one journal line, one undo).
///
/// Each candidate is tried against the data, in order, exactly as `apply` would check it, so
/// what is blocked and why is the domain's own message, never a second copy of a rule. A
/// candidate refused without a reason but accepted with one needs a reason: the reason is
/// asked once for the whole group and written into each of those changes (and so into the
/// journal, per record).
public struct BulkPlan: Sendable {
    /// One record the edit is for.
    public struct Candidate: Sendable {
        /// What the record is called in the preview («Thôn Ao Sen», «DN00012 Nguyễn Văn A»).
        public var label: String
        /// The edit, given the reason typed for the group ("" when none was asked); nil when it
        /// is known beforehand that nothing will be done.
        public var make: (@Sendable (_ reason: String) -> Change)?
        /// Why nothing will be done («phiếu đã khóa.»), when `make` is nil.
        public var skip: String?

        public init(label: String, make: @escaping @Sendable (_ reason: String) -> Change) {
            self.init(label: label, make: make, skip: nil)
        }

        private init(label: String, make: (@Sendable (_ reason: String) -> Change)?, skip: String?) {
            self.label = label
            self.make = make
            self.skip = skip
        }

        /// A record listed in the preview as left out, without trying anything.
        public static func skipped(_ label: String, because reason: String) -> Candidate {
            Candidate(label: label, make: nil, skip: reason)
        }
    }

    /// A record left out, and the reason.
    public struct Blocked: Equatable, Sendable {
        public var label: String
        public var reason: String
    }

    /// The batch's label in the journal and the history («Khóa 12 phiếu chấm năm 2026»).
    public let title: String
    /// Records the edit applies to as it stands.
    public private(set) var ready: [String] = []
    /// Their positions among the candidates, for a caller that keeps its own list.
    public private(set) var readyPositions: [Int] = []
    /// Records that need the group's reason: label and the domain's words for why.
    public private(set) var needingReason: [Blocked] = []
    /// Records left out whatever the reason: label and the domain's refusal (or the skip).
    public private(set) var blocked: [Blocked] = []
    /// In candidate order: the change maker and whether it needs the reason.
    private var steps: [(make: @Sendable (String) -> Change, needsReason: Bool)] = []

    /// Stands for the reason while planning, so that what needs only a reason is told apart
    /// from what is refused anyway.
    private static let placeholderReason = "(lý do chung của nhóm)"

    public init(title: String, candidates: [Candidate], in data: Dataset, context: ChangeContext) {
        self.title = title
        // Candidates touch different records, so trying each on top of the ones before gives
        // exactly what the batch will meet; the trial copy is edited in place.
        var trial = data
        for (position, candidate) in candidates.enumerated() {
            guard let make = candidate.make else {
                blocked.append(Blocked(label: candidate.label, reason: candidate.skip ?? ""))
                continue
            }
            do throws(DomainError) {
                _ = try trial.applyInPlace(make(""), context: context)
                ready.append(candidate.label)
                readyPositions.append(position)
                steps.append((make, false))
            } catch {
                let withoutReason = error.message
                do throws(DomainError) {
                    _ = try trial.applyInPlace(make(Self.placeholderReason), context: context)
                    needingReason.append(Blocked(label: candidate.label, reason: withoutReason))
                    steps.append((make, true))
                } catch {
                    blocked.append(Blocked(label: candidate.label, reason: error.message))
                }
            }
        }
    }

    /// Whether anything at all would change.
    public var isEmpty: Bool { steps.isEmpty }

    /// The batch of the ready records alone; nil when there are none.
    public func batch() -> Change? {
        let changes = steps.filter { !$0.needsReason }.map { $0.make("") }
        return changes.isEmpty ? nil : .batch(label: title, changes: changes)
    }

    /// The batch of every record the edit can apply to, those that need it with `reason`
    /// (trimmed; a blank one is refused by the domain, naming the first record that needs it).
    public func batch(reason: String) -> Change? {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let changes = steps.map { $0.make($0.needsReason ? reason : "") }
        return changes.isEmpty ? nil : .batch(label: title, changes: changes)
    }
}
