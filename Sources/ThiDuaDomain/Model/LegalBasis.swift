/// Which documents cite a legal basis.
public enum LegalBasisUse: String, Codable, Sendable, CaseIterable {
    /// A decision of the commune chairman (quyết định khen thưởng).
    case decision
    /// A submission asking an authority to award (tờ trình).
    case submission
}

/// One «Căn cứ …» line of the office's documents, with the days it is in force. Laws and
/// decrees change (the detailing decree of the emulation law was replaced on 01/7/2025), so a
/// document cites the texts in force on its own date, never the ones in force today.
public struct LegalBasis: Codable, Equatable, Sendable {
    /// The line as printed, «Căn cứ …;».
    public var text: String
    /// First day in force; nil: always.
    public var validFrom: CalendarDate?
    /// Last day in force; nil: still in force.
    public var validUntil: CalendarDate?
    public var usedIn: [LegalBasisUse]

    public init(text: String, validFrom: CalendarDate? = nil, validUntil: CalendarDate? = nil,
                usedIn: [LegalBasisUse] = LegalBasisUse.allCases) {
        self.text = text
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.usedIn = usedIn
    }

    public func isInForce(on date: CalendarDate) -> Bool {
        (validFrom.map { $0 <= date } ?? true) && (validUntil.map { date <= $0 } ?? true)
    }

    /// The texts an award document of the commune cites, as the law stands (kept in
    /// Settings, where the office corrects them; these are used for folders made before the
    /// list existed): the local-government law for decisions, the emulation law, its
    /// detailing decree by date (Nghị định 98/2023 until 30/6/2025, Nghị định 152/2025 from
    /// 01/7/2025).
    public static let defaults: [LegalBasis] = {
        let switchover = try! CalendarDate(year: 2025, month: 7, day: 1)
        let lastDayOf98 = try! CalendarDate(year: 2025, month: 6, day: 30)
        return [
            LegalBasis(text: "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
                       validFrom: switchover, usedIn: [.decision]),
            LegalBasis(text: "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"),
            LegalBasis(text: "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
                       validUntil: lastDayOf98),
            LegalBasis(text: "Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng;",
                       validFrom: switchover),
        ]
    }()
}

extension Settings {
    /// The «Căn cứ» lines a document of `use` dated `date` cites: the bases in force that day,
    /// in the order of the list, then the plan this program serves.
    public func legalBases(for use: LegalBasisUse, on date: CalendarDate) -> [String] {
        legalBases.filter { $0.usedIn.contains(use) && $0.isInForce(on: date) }.map(\.text)
            + ["Căn cứ \(planReference);"]
    }
}
