extension Dataset {
    /// Criteria sets, score sheets and reports.
    mutating func mutateScoring(_ change: Change, context: ChangeContext) throws(DomainError) -> Change {
        switch change {
        case .putCriteriaSet(let set):
            try Validate.year(set.year, in: settings)
            try Validate.criteriaSet(set, in: self)
            let old = criteriaSets[set.key]
            criteriaSets[set.key] = set
            if let old { return .putCriteriaSet(set: old) }
            return .removeCriteriaSet(year: set.year, groupID: set.groupID)

        case .removeCriteriaSet(let year, let groupID):
            let key = CriteriaSetKey(year: year, groupID: groupID)
            guard let old = criteriaSets[key] else {
                throw DomainError(field: "Bộ tiêu chí", "Năm \(year) chưa có bộ tiêu chí nhóm «\(groupID)».")
            }
            if sheets.values.contains(where: { $0.year == year && $0.groupID == groupID }) {
                throw DomainError(field: "Bộ tiêu chí",
                    "Không xóa được bộ tiêu chí nhóm «\(groupID)» năm \(year) vì đã có phiếu chấm dùng nó.")
            }
            criteriaSets[key] = nil
            return .putCriteriaSet(set: old)

        case .setScore(let year, let subject, let code, let field, let value):
            let (sheet, item) = try editableSheet(year: year, subject: subject, item: code)
            if let value { try NumberInput.score(item, field).require(value) }
            return updateItem(of: sheet, code: code) { $0[field] = value } inverse: { old in
                .setScore(year: year, subject: subject, item: code, field: field, value: old[field])
            }

        case .setItemDone(let year, let subject, let code, let done):
            let (sheet, _) = try editableSheet(year: year, subject: subject, item: code)
            return updateItem(of: sheet, code: code) { $0.done = done } inverse: { old in
                .setItemDone(year: year, subject: subject, item: code, done: old.done)
            }

        case .setItemNote(let year, let subject, let code, let note):
            let (sheet, _) = try editableSheet(year: year, subject: subject, item: code)
            try Validate.length(note, max: 2000, field: "Ghi chú")
            return updateItem(of: sheet, code: code) { $0.note = note } inverse: { old in
                .setItemNote(year: year, subject: subject, item: code, note: old.note)
            }

        case .setItemEvidence(let year, let subject, let code, let evidence):
            let (sheet, _) = try editableSheet(year: year, subject: subject, item: code)
            for (index, proof) in evidence.enumerated() {
                try Validate.evidence(proof, position: index + 1, context: context)
            }
            return updateItem(of: sheet, code: code) { $0.evidence = evidence } inverse: { old in
                .setItemEvidence(year: year, subject: subject, item: code, evidence: old.evidence)
            }

        case .setSheetState(let year, let subject, let state, let reason):
            let key = SheetKey(year: year, subject: subject)
            guard let sheet = sheets[key] else {
                throw DomainError(field: "Phiếu chấm",
                    "\(name(of: subject)) chưa có phiếu chấm năm \(year).")
            }
            if state < sheet.state && reason.trimmingCharacters(in: .whitespaces).isEmpty {
                let verb = sheet.state == .locked ? "Mở khóa" : "Chuyển phiếu về «\(state.label)»"
                throw DomainError(field: "Lý do", "\(verb) phiếu của \(name(of: subject)) năm \(year) cần ghi lý do.")
            }
            try requireAppraised(sheet, movingTo: state, reason: reason)
            sheets[key]?.state = state
            return .setSheetState(year: year, subject: subject, state: sheet.state,
                                  reason: "Hoàn tác: \(reason.isEmpty ? "chuyển trạng thái" : reason)")

        case .putSheet(let sheet):
            try Validate.year(sheet.year, in: settings)
            try Validate.sheet(sheet, in: self, context: context)
            let old = sheets[sheet.key]
            sheets[sheet.key] = sheet
            if let old { return .putSheet(sheet: old) }
            return .removeSheet(year: sheet.year, subject: sheet.subject)

        case .removeSheet(let year, let subject):
            let key = SheetKey(year: year, subject: subject)
            guard let old = sheets[key] else {
                throw DomainError(field: "Phiếu chấm", "\(name(of: subject)) chưa có phiếu chấm năm \(year).")
            }
            guard old.state != .locked else {
                throw DomainError(field: "Phiếu chấm",
                    "Phiếu chấm của \(name(of: subject)) năm \(year) đã khóa; không xóa được.")
            }
            sheets[key] = nil
            return .putSheet(sheet: old)

        case .recordReport(let report):
            try Validate.year(report.year, in: settings)
            guard let unit = units[report.unitID] else { throw Dataset.missing(unit: report.unitID) }
            guard report.receivedDate <= context.today else {
                throw DomainError(field: "Ngày nhận",
                    "Ngày nhận báo cáo của «\(unit.name)» (\(report.receivedDate.display)) không được sau hôm nay (\(context.today.display)).")
            }
            try Validate.length(report.documentNumber, max: 100, field: "Số văn bản")
            try Validate.length(report.note, max: 2000, field: "Ghi chú")
            let old = reports[report.key]
            reports[report.key] = report
            if let old { return .recordReport(report: old) }
            return .removeReport(year: report.year, unitID: report.unitID)

        case .removeReport(let year, let unitID):
            let key = ReportKey(year: year, unitID: unitID)
            guard let old = reports[key] else {
                throw DomainError(field: "Báo cáo", "\(name(of: .unit(unitID))) chưa có báo cáo năm \(year).")
            }
            reports[key] = nil
            return .recordReport(report: old)

        default:
            preconditionFailure("mutateScoring called with \(change)")
        }
    }

    /// The sheet to edit (a new draft when none exists yet) and the item, or why not.
    private func editableSheet(year: Int, subject: Subject, item code: String)
        throws(DomainError) -> (ScoreSheet, CriteriaItem)
    {
        try Validate.year(year, in: settings)
        guard exists(subject) else {
            throw DomainError(field: "Đối tượng", "Không có đối tượng «\(subject)».")
        }
        let key = SheetKey(year: year, subject: subject)
        let sheet: ScoreSheet
        if let existing = sheets[key] {
            sheet = existing
        } else {
            guard let groupID = criteriaGroupID(for: subject) else {
                throw DomainError(field: "Bộ tiêu chí", "\(name(of: subject)) chưa được gắn nhóm tiêu chí.")
            }
            sheet = ScoreSheet(year: year, subject: subject, groupID: groupID)
        }
        guard sheet.state != .locked else {
            throw DomainError(field: "Phiếu chấm",
                "Phiếu chấm của \(name(of: subject)) năm \(year) đã khóa; hãy mở khóa (có ghi lý do) trước khi sửa.")
        }
        guard let set = criteriaSets[CriteriaSetKey(year: year, groupID: sheet.groupID)] else {
            throw DomainError(field: "Bộ tiêu chí", "Năm \(year) chưa có bộ tiêu chí nhóm «\(sheet.groupID)».")
        }
        guard let item = set.item(code) else {
            throw DomainError(field: "Tiêu chí", "Bộ tiêu chí nhóm «\(sheet.groupID)» năm \(year) không có tiêu chí «\(code)».")
        }
        return (sheet, item)
    }

    /// Edits one item of a sheet. Items left empty are dropped and a sheet created by the
    /// edit is removed by its inverse, so undo returns exactly the earlier dataset.
    private mutating func updateItem(of sheet: ScoreSheet, code itemCode: String,
                                     _ edit: (inout ItemScore) -> Void,
                                     inverse: (ItemScore) -> Change) -> Change {
        let isNew = sheets[sheet.key] == nil
        var sheet = sheet
        let old = sheet.items[itemCode] ?? ItemScore()
        var updated = old
        edit(&updated)
        sheet.items[itemCode] = updated.isEmpty ? nil : updated
        sheets[sheet.key] = sheet
        if isNew { return .removeSheet(year: sheet.year, subject: sheet.subject) }
        return inverse(old)
    }
}
