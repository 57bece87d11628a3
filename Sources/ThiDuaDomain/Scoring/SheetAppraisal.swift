extension ScoreSheet {
    /// Codes of the items the appraiser has not scored, in the set's order: every normal item
    /// without an appraised score, and bonus or deduction items claimed (self score) but not
    /// appraised. An unclaimed bonus or deduction has nothing to appraise.
    public func unappraisedItems(in set: CriteriaSet) -> [String] {
        set.items.compactMap { item in
            let score = items[item.code]
            guard score?.appraised == nil else { return nil }
            if item.kind != .normal && score?.selfScore == nil { return nil }
            return item.code
        }
    }
}

extension Dataset {
    /// A sheet moves to «Đã thẩm định» or «Đã khóa» with items unappraised only for a
    /// reason, which the journal keeps with the change.
    func requireAppraised(_ sheet: ScoreSheet, movingTo state: SheetState, reason: String) throws(DomainError) {
        guard state > sheet.state, state >= .appraised, let set = criteriaSet(for: sheet) else { return }
        let missing = sheet.unappraisedItems(in: set)
        guard !missing.isEmpty, reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return }
        let listed = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
        throw DomainError(field: "Lý do",
            "Phiếu của \(name(of: sheet.subject)) năm \(sheet.year) còn \(missing.count) tiêu chí chưa có điểm thẩm định (\(listed)); muốn chuyển sang «\(state.label)» phải ghi lý do.")
    }
}
