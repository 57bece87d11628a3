import Foundation
import ThiDuaDomain

/// The sample commune of `thidua init --sample`: about 40 units across the seven
/// categories, 150 people, scores for 2025 (locked) and 2026 (in progress), reports
/// (some late, some missing), the decided 2025 award round and the 2026 one in preparation. Every record is marked `isSample`
/// and every unit name carries "(mẫu)". Built through the `Change` path, so it obeys
/// the same rules as data typed by hand.
public enum SampleCommune {
    /// The day the sample is "as of"; dates in it never pass this day.
    public static let asOf = FixedClock(year: 2026, month: 11, day: 24)

    public static func build(from defaults: Dataset, names: SampleNames, seed: UInt64 = 2025) throws -> Dataset {
        var rng = SeededGenerator(seed: seed)
        let context = ChangeContext(clock: asOf, user: "dữ liệu mẫu")
        var data = defaults
        func apply(_ change: Change) throws {
            data = try data.apply(change, context: context).dataset
        }

        // Units, in the plan's category order.
        for category in defaults.categories.sorted(by: { $0.order < $1.order }) {
            for name in names.units[category.id] ?? [] {
                let (head, _) = names.person(using: &rng)
                let phone = "0208 3\(Int.random(in: 100_000...999_999, using: &rng))"
                try apply(.addUnit(unit: OrgUnit(
                    id: data.nextUnitID(), name: name, categoryID: category.id,
                    order: data.nextOrder(inCategory: category.id), head: head, phone: phone,
                    notes: "Dữ liệu mẫu", isSample: true)))
            }
        }

        // The office's own criteria for villages (the plan leaves them to the office).
        for year in data.settings.phaseYears {
            try apply(.putCriteriaSet(set: CriteriaSet(year: year, groupID: "THON", items: [
                CriteriaItem(code: "T.1", text: "Tuyên truyền, phổ biến chuyển đổi số đến các hộ gia đình (mẫu)",
                             maximum: 40, evidenceExpected: "Biên bản, hình ảnh buổi tuyên truyền"),
                CriteriaItem(code: "T.2", text: "Tỷ lệ người dân dùng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt (mẫu)",
                             maximum: 40, evidenceExpected: "Số liệu thống kê của thôn"),
                CriteriaItem(code: "T.3", text: "Tham gia phong trào “Bình dân học AI” (mẫu)",
                             maximum: 20, evidenceExpected: "Danh sách người tham gia"),
                CriteriaItem(code: "T.C", text: "Mô hình hay, cách làm sáng tạo được nhân rộng (mẫu)",
                             maximum: 5, kind: .bonus, evidenceExpected: "Bài viết, văn bản công nhận"),
            ])))
        }

        // People: most work in a unit, some are residents with an address.
        let staffUnits = data.units.values.filter { $0.categoryID != "thon" }.sorted { $0.id < $1.id }
        for index in 0..<150 {
            let (fullName, gender) = names.person(using: &rng)
            let isResident = index % 5 == 4
            let unit = isResident ? nil : staffUnits[index % staffUnits.count]
            let kind: PersonKind
            if isResident {
                kind = Bool.random(using: &rng) ? .nhanDan : .doanhNhan
            } else if unit?.categoryID == "doanh-nghiep" {
                kind = .nguoiLaoDong
            } else if unit?.categoryID == "su-nghiep" {
                kind = .vienChuc
            } else {
                kind = [.canBo, .congChuc].randomElement(using: &rng)!
            }
            try apply(.addPerson(person: Person(
                id: data.nextPersonID(), fullName: fullName, gender: gender,
                birthYear: Int.random(in: 1965...2000, using: &rng),
                position: isResident ? "" : names.positions.randomElement(using: &rng)!,
                unitID: unit?.id,
                address: isResident ? "Thôn \(names.villages.randomElement(using: &rng)!), xã Phong Quang" : "",
                kind: kind, underDiscipline: index == 17, notes: "Dữ liệu mẫu", isSample: true)))
        }

        try score(year: 2025, into: &data, rng: &rng, context: context, complete: true)
        try score(year: 2026, into: &data, rng: &rng, context: context, complete: false)
        try reports(into: &data, rng: &rng, context: context)
        try SampleAwardRound.add(into: &data, context: context)
        return data
    }

    /// Scores every active subject; `complete` years are appraised and locked.
    private static func score(year: Int, into data: inout Dataset, rng: inout SeededGenerator,
                              context: ChangeContext, complete: Bool) throws {
        let subjects: [Subject] = data.units.keys.sorted().map { .unit($0) }
            + data.people.keys.sorted().enumerated().filter { $0.offset % 3 == 0 }.map { .person($0.element) }
        for (position, subject) in subjects.enumerated() {
            // In the running year a fifth of the subjects have not started yet.
            if !complete && position % 5 == 3 { continue }
            guard let groupID = data.criteriaGroupID(for: subject),
                  let set = data.criteriaSets[CriteriaSetKey(year: year, groupID: groupID)] else { continue }
            var sheet = ScoreSheet(year: year, subject: subject, groupID: groupID)
            let strength = Double.random(in: 0.55...1.0, using: &rng)
            for (index, item) in set.items.enumerated() {
                if !complete && position % 7 == 1 && index == set.items.count - 1 { continue }
                let ratio = item.kind == .normal ? min(1, strength + Double.random(in: -0.1...0.1, using: &rng))
                                                 : Double.random(in: 0...1, using: &rng)
                let selfScore = Points(hundredths: Int((Double(item.maximum.hundredths) * ratio / 50).rounded()) * 50)
                var entry = ItemScore(done: selfScore > .zero, selfScore: selfScore)
                if complete || position % 2 == 0 {
                    let cut = Points(hundredths: 50 * Int.random(in: 0...2, using: &rng))
                    entry.appraised = selfScore > cut ? selfScore - cut : selfScore
                }
                if selfScore > .zero && (complete || index % 3 != 2) {
                    let day = Int.random(in: 1...28, using: &rng)
                    entry.evidence = [Evidence(
                        documentNumber: "\(Int.random(in: 10...250, using: &rng))/BC-\(year)",
                        date: try CalendarDate(year: year, month: Int.random(in: 3...10, using: &rng), day: day),
                        summary: "Báo cáo kết quả thực hiện tiêu chí \(item.code) năm \(year) (mẫu)")]
                }
                sheet.items[item.code] = entry
            }
            sheet.state = complete ? .locked : [.draft, .submitted, .appraised][position % 3]
            data = try data.apply(.putSheet(sheet: sheet), context: context).dataset
        }
    }

    /// 2025: every unit reported, some after 25/11. 2026 (before the deadline): about half so far.
    private static func reports(into data: inout Dataset, rng: inout SeededGenerator, context: ChangeContext) throws {
        for (index, id) in data.units.keys.sorted().enumerated() {
            let late = index % 6 == 5
            let day2025 = late ? Int.random(in: 26...30, using: &rng) : Int.random(in: 10...25, using: &rng)
            let report2025 = ReportSubmission(
                year: 2025, unitID: id, receivedDate: try CalendarDate(year: 2025, month: 11, day: day2025),
                documentNumber: "\(index + 1)/BC-TĐ")
            data = try data.apply(.recordReport(report: report2025), context: context).dataset
            if index % 2 == 0 {
                let report2026 = ReportSubmission(
                    year: 2026, unitID: id,
                    receivedDate: try CalendarDate(year: 2026, month: 11, day: Int.random(in: 10...24, using: &rng)),
                    documentNumber: "\(index + 1)/BC-TĐ")
                data = try data.apply(.recordReport(report: report2026), context: context).dataset
            }
        }
    }
}
