import Foundation
import ThiDuaDomain
import ThiDuaStore

/// Deterministic data at benchmark scale. S is one commune (about 150 units, 1,000 people,
/// six years of score sheets, nominations and awards); L is a province of `communes` such
/// communes in one folder. Records are gathered into collections and the dataset is built
/// once with its initialiser (as the store's loader does; not change by change, which would
/// validate a province record by record), and the folder is then checked with `FolderCheck`,
/// so the data still obeys the domain's rules.
enum ScaleData {
    static func build(communes: Int, seed: UInt64 = 2025) throws -> Dataset {
        var rng = SeededGenerator(seed: seed)
        let names = try SampleNames.load()
        let defaults = try Defaults.dataset()
        let years = Array(defaults.settings.phaseYears)
        let categories = defaults.categories.sorted { $0.order < $1.order }
        var criteriaSets = defaults.criteriaSets
        var units: [UnitID: OrgUnit] = [:], people: [PersonID: Person] = [:], sheets: [SheetKey: ScoreSheet] = [:]
        var nominations: [NominationID: Nomination] = [:], awards: [AwardRecordID: AwardRecord] = [:]
        var unitsInOrder: [OrgUnit] = []
        // Units per category in one commune: about 150 in all.
        let perCategory: [String: Int] = ["dang-uy": 8, "hdnd": 6, "ubnd": 16, "mttq": 12, "su-nghiep": 28,
                                          "doanh-nghiep": 50, "thon": 30]
        let prefixes: [String: [String]] = [
            "dang-uy": ["Chi bộ", "Ban"], "hdnd": ["Ban", "Tổ đại biểu"], "ubnd": ["Phòng", "Ban", "Tổ"],
            "mttq": ["Chi hội", "Hội", "Đoàn"], "su-nghiep": ["Trường", "Trạm", "Trung tâm"],
            "doanh-nghiep": ["Công ty TNHH", "Công ty CP", "Hợp tác xã", "Doanh nghiệp tư nhân"], "thon": ["Thôn", "Xóm"],
        ]
        for year in years {
            criteriaSets[CriteriaSetKey(year: year, groupID: "THON")] = CriteriaSet(year: year, groupID: "THON", items: [
                CriteriaItem(code: "T.1", text: "Tuyên truyền chuyển đổi số đến hộ gia đình", maximum: 40),
                CriteriaItem(code: "T.2", text: "Người dân dùng dịch vụ công trực tuyến", maximum: 40),
                CriteriaItem(code: "T.3", text: "Phong trào Bình dân học AI", maximum: 20),
            ])
            for group in defaults.criteriaGroups where criteriaSets[CriteriaSetKey(year: year, groupID: group.id)] == nil {
                if let first = criteriaSets.values.sorted(by: { $0.key < $1.key }).first(where: { $0.groupID == group.id }) {
                    criteriaSets[CriteriaSetKey(year: year, groupID: group.id)] =
                        CriteriaSet(year: year, groupID: group.id, items: first.items, targetMaximum: first.targetMaximum)
                }
            }
        }
        var unitNumber = 0, personNumber = 0, awardNumber = 0, nominationNumber = 0
        for commune in 1...communes {
            let place = names.villages[(commune - 1) % names.villages.count] + (commune > names.villages.count ? " \(commune)" : "")
            var staffUnits: [UnitID] = []
            for category in categories {
                for n in 1...(perCategory[category.id] ?? 10) {
                    unitNumber += 1
                    let id = UnitID(String(format: "DV%06d", unitNumber))
                    let prefix = (prefixes[category.id] ?? ["Đơn vị"]).randomElement(using: &rng)!
                    let (head, _) = names.person(using: &rng)
                    let unit = OrgUnit(id: id, name: "\(prefix) \(names.villages.randomElement(using: &rng)!) \(n) (\(place))",
                                       categoryID: category.id, order: n, head: head,
                                       phone: "0208 3\(Int.random(in: 100_000...999_999, using: &rng))")
                    units[id] = unit
                    unitsInOrder.append(unit)
                    if category.id != "thon" { staffUnits.append(id) }
                }
            }
            for index in 0..<1_000 {
                personNumber += 1
                let id = PersonID(String(format: "CN%07d", personNumber))
                let (fullName, gender) = names.person(using: &rng)
                let resident = index % 5 == 4
                people[id] = Person(id: id, fullName: fullName, gender: gender,
                                         birthYear: Int.random(in: 1965...2000, using: &rng),
                                         position: resident ? "" : names.positions.randomElement(using: &rng)!,
                                         unitID: resident ? nil : staffUnits[index % staffUnits.count],
                                         address: resident ? "Thôn \(names.villages.randomElement(using: &rng)!), \(place)" : "",
                                         kind: resident ? .nhanDan : .congChuc)
            }
        }
        // Six years of sheets for every unit (locked except the running years).
        for unit in unitsInOrder {
            guard let groupID = defaults.category(unit.categoryID)?.criteriaGroupID else { continue }
            for year in years {
                guard let set = criteriaSets[CriteriaSetKey(year: year, groupID: groupID)] else { continue }
                var sheet = ScoreSheet(year: year, subject: .unit(unit.id), groupID: groupID,
                                       state: year < 2026 ? .locked : .submitted)
                for item in set.items where item.kind == .normal {
                    let value = Points(hundredths: Int.random(in: 0...(item.maximum.hundredths / 50), using: &rng) * 50)
                    sheet.items[item.code] = ItemScore(done: true, selfScore: value, appraised: value,
                        evidence: [Evidence(documentNumber: "\(Int.random(in: 1...300, using: &rng))/BC", summary: "Báo cáo \(item.code)")])
                }
                sheets[sheet.key] = sheet
            }
            if Int.random(in: 0..<10, using: &rng) == 0 {
                nominationNumber += 1
                let id = NominationID(String(format: "DN%06d", nominationNumber))
                nominations[id] = Nomination(id: id, period: .year(2025), formID: "giay-khen-xa", nominee: .unit(unit.id),
                                                  achievementSummary: "Hoàn thành xuất sắc nhiệm vụ chuyển đổi số năm 2025")
            }
            if Int.random(in: 0..<20, using: &rng) == 0 {
                awardNumber += 1
                let id = AwardRecordID(String(format: "KT%06d", awardNumber))
                awards[id] = AwardRecord(id: id, recipient: .unit(unit.id), recognition: .form(id: "giay-khen-xa", grade: nil),
                                              kind: .thematic, year: 2025,
                                              decision: Decision(number: "\(awardNumber)/QĐ-UBND",
                                                                 date: try CalendarDate(year: 2025, month: 12, day: 20),
                                                                 issuer: "Chủ tịch UBND xã"))
            }
        }
        return Dataset(settings: defaults.settings, categories: defaults.categories, criteriaGroups: defaults.criteriaGroups,
                       catalog: defaults.catalog, rules: defaults.rules, units: units, people: people,
                       criteriaSets: criteriaSets, sheets: sheets, nominations: nominations, awards: awards)
    }
}
