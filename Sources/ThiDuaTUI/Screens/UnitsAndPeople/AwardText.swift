import Foundation
import ThiDuaDomain

/// How awards read on screen. Forms (hình thức) and titles (danh hiệu) are named so that
/// one is never mistaken for the other, and ids the catalog no longer knows still show.
enum AwardText {
    /// "Giấy khen CT UBND xã" for "Giấy khen của Chủ tịch UBND xã": the usual office
    /// abbreviations, for narrow columns whose full text is shown elsewhere on the screen.
    static func shortFormName(_ id: String, in catalog: AwardCatalog) -> String {
        var name = catalog.formName(id)
        for (long, short) in [(" của ", " "), ("Chủ tịch Ủy ban nhân dân", "CT UBND"), ("Chủ tịch UBND", "CT UBND"),
                              ("Thủ tướng Chính phủ", "TTgCP"), ("Ủy ban nhân dân", "UBND")] {
            name = name.replacingOccurrences(of: long, with: short)
        }
        return name
    }

    /// The kind in a word, for table columns; the full label is shown with the details.
    static func shortKind(_ kind: AwardKind) -> String {
        switch kind {
        case .merit: return "Công trạng"
        case .thematic: return "Chuyên đề"
        case .exceptional: return "Đột xuất"
        case .contribution: return "Cống hiến"
        case .seniority: return "Niên hạn"
        case .foreignRelations: return "Đối ngoại"
        }
    }

    /// "45/QĐ-UBND ngày 12/12/2023 của Chủ tịch …".
    static func decision(_ decision: Decision) -> String {
        "\(decision.number) ngày \(decision.date.display)" + (decision.issuer.isEmpty ? "" : " của \(decision.issuer)")
    }
}
