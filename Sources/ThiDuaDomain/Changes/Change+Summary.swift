extension Change {
    /// One Vietnamese line for the history screen and `thidua log`, naming what changed.
    /// `data` is the dataset the change was applied to (for names of units and people).
    public func summary(in data: Dataset) -> String {
        switch self {
        case .updateSettings: return "Sửa thông tin chung của xã"
        case .updateRules: return "Sửa quy tắc xếp loại, biểu quyết, điều kiện khen thưởng"
        case .updateCategory(let c): return "Sửa khối «\(c.shortName)»"
        case .updateCriteriaGroup(let g): return "Sửa nhóm tiêu chí «\(g.id)»"
        case .updateAwardForm(let f): return "Sửa hình thức «\(f.name)»"
        case .addUnit(let u): return "Thêm đơn vị «\(u.name)» (\(u.id))"
        case .updateUnit(let u): return "Sửa đơn vị «\(u.name)» (\(u.id))"
        case .setUnitArchived(let id, let archived):
            return "\(archived ? "Lưu trữ" : "Khôi phục") đơn vị «\(data.name(of: .unit(id)))»"
        case .removeUnit(let id): return "Xóa đơn vị «\(data.name(of: .unit(id)))» (\(id))"
        case .addPerson(let p): return "Thêm cá nhân «\(p.fullName)» (\(p.id))"
        case .updatePerson(let p): return "Sửa cá nhân «\(p.fullName)» (\(p.id))"
        case .setPersonArchived(let id, let archived):
            return "\(archived ? "Lưu trữ" : "Khôi phục") cá nhân «\(data.name(of: .person(id)))»"
        case .removePerson(let id): return "Xóa cá nhân «\(data.name(of: .person(id)))» (\(id))"
        case .putCriteriaSet(let set): return "Cập nhật bộ tiêu chí nhóm \(set.groupID) năm \(set.year)"
        case .removeCriteriaSet(let year, let groupID): return "Xóa bộ tiêu chí nhóm \(groupID) năm \(year)"
        case .setScore(let year, let subject, let item, let field, let value):
            return "Điểm \(field.label.lowercased()) tiêu chí \(item) của «\(data.name(of: subject))» năm \(year): \(value?.display ?? "xóa")"
        case .setItemDone(let year, let subject, let item, let done):
            return "Tiêu chí \(item) của «\(data.name(of: subject))» năm \(year): \(done ? "đã thực hiện" : "chưa thực hiện")"
        case .setItemNote(let year, let subject, let item, _):
            return "Ghi chú tiêu chí \(item) của «\(data.name(of: subject))» năm \(year)"
        case .setItemEvidence(let year, let subject, let item, let evidence):
            return "Minh chứng tiêu chí \(item) của «\(data.name(of: subject))» năm \(year): \(evidence.count) mục"
        case .setSheetState(let year, let subject, let state, let reason):
            let why = reason.isEmpty ? "" : " — lý do: \(reason)"
            return "Phiếu chấm của «\(data.name(of: subject))» năm \(year) → \(state.label)\(why)"
        case .putSheet(let sheet): return "Ghi phiếu chấm của «\(data.name(of: sheet.subject))» năm \(sheet.year)"
        case .removeSheet(let year, let subject): return "Xóa phiếu chấm của «\(data.name(of: subject))» năm \(year)"
        case .recordReport(let r):
            return "Nhận báo cáo năm \(r.year) của «\(data.name(of: .unit(r.unitID)))» ngày \(r.receivedDate.display)"
        case .removeReport(let year, let unitID):
            return "Bỏ ghi nhận báo cáo năm \(year) của «\(data.name(of: .unit(unitID)))»"
        case .putCommuneReport(let report):
            return "Sửa báo cáo năm \(report.year) của xã gửi tỉnh"
        case .addNomination(let n):
            return "Đề nghị \(data.catalog.form(n.formID)?.name ?? n.formID) cho «\(data.name(of: n.nominee))» (\(n.period.label(settings: data.settings)))"
        case .updateNomination(let n):
            return "Cập nhật đề nghị \(n.id) của «\(data.name(of: n.nominee))»: \(n.status.label)"
        case .removeNomination(let id): return "Xóa đề nghị \(id)"
        case .recordVote(let id, let vote):
            return "Ghi biểu quyết đề nghị \(id) của «\(nomineeName(id, data))»: \(vote.agree)/\(vote.membersTotal) đồng ý"
        case .overrideFinding(let id, _, let reason):
            return "Vẫn đề nghị \(id) của «\(nomineeName(id, data))» dù có cảnh báo: \(reason)"
        case .setNominationStatus(let id, let status, _):
            return "Chuyển đề nghị \(id) của «\(nomineeName(id, data))» sang «\(status.label)»"
        case .recordDecision(let id, let decision, _):
            return "Ghi quyết định \(decision.number) khen «\(nomineeName(id, data))» (đề nghị \(id))"
        case .addAward(let a): return "Ghi khen thưởng \(a.decision.number) cho «\(data.name(of: a.recipient))»"
        case .updateAward(let a): return "Sửa khen thưởng \(a.decision.number) của «\(data.name(of: a.recipient))»"
        case .removeAward(let id): return "Xóa khen thưởng \(id)"
        case .batch(let label, let changes): return "\(label) (\(changes.count) thay đổi)"
        }
    }

    private func nomineeName(_ id: NominationID, _ data: Dataset) -> String {
        data.nominations[id].map { data.name(of: $0.nominee) } ?? "?"
    }
}
