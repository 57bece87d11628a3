import ThiDuaDomain

extension CSVImport {
    /// What to do with a row that would add a unit or person looking like one already kept
    /// (`Dataset.likelyDuplicate`).
    public enum DuplicateChoice: String, CaseIterable, Sendable {
        /// Add the row as a new record all the same.
        case add
        /// Leave the row out.
        case skip
        /// Write the row's values into the record it repeats.
        case update

        /// «thêm mới», as the preview and the choice keys say it.
        public var label: String {
            switch self {
            case .add: return "vẫn thêm mới"
            case .skip: return "bỏ qua"
            case .update: return "cập nhật bản đã có"
            }
        }
    }

    /// The choices made so far: one for every duplicate row, and one per row (which wins).
    public struct DuplicateChoices: Sendable, Equatable {
        public var all: DuplicateChoice?
        public var byLine: [Int: DuplicateChoice]

        public init(all: DuplicateChoice? = nil, byLine: [Int: DuplicateChoice] = [:]) {
            self.all = all
            self.byLine = byLine
        }

        public func choice(forLine line: Int) -> DuplicateChoice? { byLine[line] ?? all }
    }

    /// A row of the file that repeats a kept record, and what was chosen for it.
    public struct DuplicateRow: Sendable, Equatable {
        public var line: Int
        /// The row's own name, as typed.
        public var name: String
        public var duplicate: LikelyDuplicate
        /// nil until the user (or `--duplicates`) says what to do; the plan writes nothing then.
        public var choice: DuplicateChoice?

        /// «dòng 4: «Thôn Đồng Bẩm» trùng với DV0012 «Thôn Đồng Bẩm» (cùng khối Thôn)».
        public var description: String { "dòng \(line): «\(name)» \(duplicate.message)" }
    }
}

extension CSVImport.Plan {
    /// The duplicate rows nobody has chosen for yet; the plan has no change while any remain.
    public var undecided: [CSVImport.DuplicateRow] { duplicates.filter { $0.choice == nil } }

    /// Why the plan cannot be written yet, with every undecided row; nil when it can.
    public func undecidedMessage(file: String) -> [String]? {
        let rows = undecided
        guard !rows.isEmpty else { return nil }
        return ["Tệp «\(file)» có \(rows.count) dòng trùng với dữ liệu đã có; chưa ghi dòng nào:"]
            + rows.map { "  \(file), \($0.description)." }
    }
}
