import ThiDuaDomain

/// What an update changed, field by field ("Người đứng đầu: Lê Văn Tám → Hà Văn Sơn"), for
/// the history detail. The journal keeps the record after the change (`change`) and the
/// record before it (`inverse`), so comparing the two needs no other data.
enum ChangeFieldDiff {
    /// Lines for the fields that differ; empty when the change is not an update of one
    /// record (additions and removals are already named by the summary).
    static func lines(change: Change, inverse: Change) -> [String] {
        switch (change, inverse) {
        case (.updateUnit(let new), .updateUnit(let old)): return fields(old, new)
        case (.updatePerson(let new), .updatePerson(let old)): return fields(old, new)
        case (.updateNomination(let new), .updateNomination(let old)): return fields(old, new)
        case (.updateAward(let new), .updateAward(let old)): return fields(old, new)
        case (.updateSettings(let new), .updateSettings(let old)): return fields(old, new)
        case (.updateRules(let new), .updateRules(let old)): return fields(old, new)
        case (.updateCategory(let new), .updateCategory(let old)): return fields(old, new)
        case (.updateCriteriaGroup(let new), .updateCriteriaGroup(let old)): return fields(old, new)
        case (.updateAwardForm(let new), .updateAwardForm(let old)): return fields(old, new)
        case (.putCriteriaSet(let new), .putCriteriaSet(let old)): return fields(old, new)
        case (.putSheet(let new), .putSheet(let old)): return fields(old, new)
        case let (.setScore(_, _, item, _, new), .setScore(_, _, _, _, old)):
            return ["Điểm mục \(item): \(points(old)) → \(points(new))"]
        case let (.setItemNote(_, _, item, new), .setItemNote(_, _, _, old)):
            return ["Ghi chú mục \(item): \(text(old)) → \(text(new))"]
        case let (.setItemDone(_, _, item, new), .setItemDone(_, _, _, old)):
            return ["Xong mục \(item): \(yesNo(old)) → \(yesNo(new))"]
        default:
            return []
        }
    }

    /// Field-by-field comparison through reflection, so a field added to a record later
    /// shows up here without anyone remembering to list it.
    static func fields(_ old: Any, _ new: Any) -> [String] {
        var out: [String] = []
        compare(old, new, path: [], into: &out)
        return out
    }

    private static func compare(_ old: Any, _ new: Any, path: [String], into out: inout [String]) {
        let a = Mirror(reflecting: old), b = Mirror(reflecting: new)
        // Types that describe themselves (ids, points, dates) are single values.
        let nested = !(old is CustomStringConvertible) && (a.displayStyle == .struct && b.displayStyle == .struct)
            && a.children.count == b.children.count && a.children.allSatisfy { $0.label != nil }
        if nested {
            for (x, y) in zip(a.children, b.children) {
                compare(x.value, y.value, path: path + [label(x.label ?? "")], into: &out)
            }
            return
        }
        let before = value(old), after = value(new)
        guard before != after else { return }
        let name = path.isEmpty ? "Giá trị" : path.joined(separator: " › ")
        out.append("\(name): \(before) → \(after)")
    }

    /// A leaf as the user reads it: text in «», an empty optional as «(trống)», yes/no.
    private static func value(_ v: Any) -> String {
        let m = Mirror(reflecting: v)
        if m.displayStyle == .optional {
            guard let wrapped = m.children.first?.value else { return "(trống)" }
            return value(wrapped)
        }
        if let s = v as? String { return text(s) }
        if let b = v as? Bool { return yesNo(b) }
        if let p = v as? Points { return points(p) }
        return DisplayWidth.truncate(String(describing: v), toWidth: 60)
    }

    private static func text(_ s: String) -> String {
        s.isEmpty ? "(trống)" : "«" + DisplayWidth.truncate(s, toWidth: 60) + "»"
    }

    private static func yesNo(_ b: Bool) -> String { b ? "có" : "không" }

    private static func points(_ p: Points?) -> String {
        guard let p else { return "(trống)" }
        return String(describing: p)
    }

    /// Vietnamese names of the fields people edit; anything else keeps its identifier.
    private static func label(_ field: String) -> String {
        labels[field] ?? field
    }

    private static let labels: [String: String] = [
        "name": "Tên", "shortName": "Tên ngắn", "fullName": "Họ tên", "givenName": "Tên gọi",
        "categoryID": "Khối", "order": "Thứ tự", "head": "Người đứng đầu", "phone": "Điện thoại",
        "archived": "Lưu trữ", "notes": "Ghi chú", "note": "Ghi chú", "gender": "Giới tính",
        "birthYear": "Năm sinh", "position": "Chức vụ", "unitID": "Đơn vị", "address": "Địa chỉ",
        "kind": "Loại", "underDiscipline": "Đang bị kỷ luật", "status": "Trạng thái",
        "achievementSummary": "Tóm tắt thành tích", "grade": "Hạng", "formID": "Hình thức",
        "vote": "Biểu quyết", "decision": "Quyết định", "period": "Kỳ", "nominee": "Người/đơn vị được đề nghị",
        "recipient": "Người/đơn vị được khen", "recognition": "Danh hiệu", "year": "Năm",
        "communeName": "Tên xã", "provinceName": "Tên tỉnh", "officeName": "Tên cơ quan",
        "officeHeadName": "Thủ trưởng cơ quan", "movementName": "Tên phong trào", "planReference": "Kế hoạch",
        "phaseStartYear": "Năm đầu giai đoạn", "phaseEndYear": "Năm cuối giai đoạn", "midTermYear": "Năm sơ kết",
        "signer": "Người ký", "title": "Chức danh", "number": "Số", "date": "Ngày",
        "unitReportDeadline": "Hạn báo cáo của đơn vị", "communeReportDeadline": "Hạn báo cáo của xã",
    ]
}
