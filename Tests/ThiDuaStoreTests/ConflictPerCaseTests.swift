import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// The conflict rule at the store, for every kind of change: two real stores, «lan»@may2 and
/// «minh»@may1, open on one folder. Minh takes his view (the base), lan writes, minh saves:
/// refused with lan's name and time when lan replaced what his change replaces, saved otherwise.
///
/// Every tag of the journal codec (`ChangeTag`) must have a row here, both as the change that is
/// refused and as the write that refuses it (`everyKindOfChangeHasARow`): a new kind of change
/// fails that test until its conflict behaviour is written down.
@Suite struct ConflictPerCaseTests {
    // MARK: One row per kind of change

    /// Minh's change `mine` (of kind `tag`), lan's write `theirs` replacing the same record or
    /// cell, and lan's writes `beside` that replace other records or cells only.
    struct Row: Sendable, CustomTestStringConvertible {
        let name: String
        let tag: ChangeTag
        /// The key minh's change is refused on, as the message names it.
        let what: String
        let theirs: @Sendable (Dataset) throws -> Change
        let mine: @Sendable (Dataset) throws -> Change
        let beside: @Sendable (Dataset) throws -> [Change]

        init(_ tag: ChangeTag, _ what: String, name: String? = nil,
             theirs: @escaping @Sendable (Dataset) throws -> Change,
             mine: @escaping @Sendable (Dataset) throws -> Change,
             beside: @escaping @Sendable (Dataset) throws -> [Change] = { _ in [] }) {
            self.name = name ?? tag.rawValue
            self.tag = tag
            self.what = what
            self.theirs = theirs
            self.mine = mine
            self.beside = beside
        }

        var testDescription: String { name }
    }

    /// The kinds that replace a record or a cell: minh's change of that kind, refused after lan
    /// wrote the same thing, saved after lan wrote elsewhere or when his view is newer.
    static let rows: [Row] = recordRows + cellRows + [batchRow]

    static let recordRows: [Row] = [
        Row(.updateSettings, "cài đặt",
            theirs: { data in .updateSettings(settings: changed(data.settings) { $0.signer.name = "Hoàng Văn Sơn" }) },
            mine: { data in .updateSettings(settings: changed(data.settings) { $0.signer.name = "Phạm Thị Lụa" }) },
            beside: { data in [.updateRules(rules: changed(data.rules) { $0.belowBandsName = "Chưa đạt" })] }),
        Row(.updateRules, "quy tắc xếp loại và khen thưởng",
            theirs: { data in .updateRules(rules: changed(data.rules) { $0.belowBandsName = "Chưa đạt" }) },
            mine: { data in .updateRules(rules: changed(data.rules) { $0.belowBandsName = "Không đạt yêu cầu" }) },
            beside: { data in [.updateSettings(settings: changed(data.settings) { $0.signer.name = "Hoàng Văn Sơn" })] }),
        Row(.updateCategory, "khối «thon»",
            theirs: { data in .updateCategory(category: try edit(data.category("thon")) { $0.name = "Các thôn, xóm" }) },
            mine: { data in .updateCategory(category: try edit(data.category("thon")) { $0.name = "Các thôn, bản" }) },
            beside: { data in [.updateCategory(category: try edit(data.category("mttq")) { $0.shortName = "Mặt trận" })] }),
        Row(.updateCriteriaGroup, "nhóm tiêu chí «III.3»",
            theirs: { data in .updateCriteriaGroup(group: try edit(data.criteriaGroup("III.3")) { $0.name = "Doanh nghiệp, hợp tác xã" }) },
            mine: { data in .updateCriteriaGroup(group: try edit(data.criteriaGroup("III.3")) { $0.name = "Các doanh nghiệp trên địa bàn" }) },
            beside: { data in [.updateCriteriaGroup(group: try edit(data.criteriaGroup("III.2")) { $0.name = "Mặt trận và đoàn thể" })] }),
        Row(.updateAwardForm, "hình thức khen thưởng «bang-khen-tinh»",
            theirs: { data in .updateAwardForm(form: try edit(data.catalog.form("bang-khen-tinh")) { $0.shortName = "Bằng khen tỉnh" }) },
            mine: { data in .updateAwardForm(form: try edit(data.catalog.form("bang-khen-tinh")) { $0.shortName = "BK tỉnh" }) },
            beside: { data in [.updateAwardForm(form: try edit(data.catalog.form("giay-khen-xa")) { $0.shortName = "GK xã" })] }),

        Row(.updateUnit, "đơn vị DV0003",
            theirs: { data in .updateUnit(unit: try edit(data.units["DV0003"]) { $0.name = "Thôn Ấp Mới (lan sửa)" }) },
            mine: { data in .updateUnit(unit: try edit(data.units["DV0003"]) { $0.head = "Đinh Văn Khải" }) },
            beside: { data in [.updateUnit(unit: try edit(data.units["DV0002"]) { $0.phone = "0208 3649 111" }),
                               .setUnitArchived(id: "DV0001", archived: true)] }),
        Row(.setUnitArchived, "đơn vị DV0003",
            theirs: { data in .updateUnit(unit: try edit(data.units["DV0003"]) { $0.name = "Thôn Ấp Mới (lan sửa)" }) },
            mine: { _ in .setUnitArchived(id: "DV0003", archived: true) },
            beside: { _ in [.setUnitArchived(id: "DV0002", archived: true)] }),
        Row(.removeUnit, "đơn vị DV0003",
            theirs: { _ in .setUnitArchived(id: "DV0003", archived: true) },
            mine: { _ in .removeUnit(id: "DV0003") },
            beside: { data in [.updateUnit(unit: try edit(data.units["DV0002"]) { $0.name = "Phòng Kinh tế xã" })] }),

        Row(.updatePerson, "cá nhân CN00003",
            theirs: { data in .updatePerson(person: try edit(data.people["CN00003"]) { $0.address = "Thôn Nà Kéo, xã Phong Quang" }) },
            mine: { data in .updatePerson(person: try edit(data.people["CN00003"]) { $0.position = "Trưởng thôn" }) },
            beside: { data in [.updatePerson(person: try edit(data.people["CN00001"]) { $0.position = "Phó trưởng phòng" }),
                               .setPersonArchived(id: "CN00002", archived: true)] }),
        Row(.setPersonArchived, "cá nhân CN00003",
            theirs: { data in .updatePerson(person: try edit(data.people["CN00003"]) { $0.address = "Thôn Nà Kéo, xã Phong Quang" }) },
            mine: { _ in .setPersonArchived(id: "CN00003", archived: true) },
            beside: { _ in [.setPersonArchived(id: "CN00002", archived: true)] }),
        Row(.removePerson, "cá nhân CN00003",
            theirs: { _ in .setPersonArchived(id: "CN00003", archived: true) },
            mine: { _ in .removePerson(id: "CN00003") },
            beside: { data in [.updatePerson(person: try edit(data.people["CN00001"]) { $0.position = "Phó trưởng phòng" })] }),

        Row(.putCriteriaSet, "bộ tiêu chí nhóm III.2 năm 2026",
            theirs: { data in .putCriteriaSet(set: try renamedFirstItem(of: "III.2", in: data, "Tuyên truyền, vận động (lan)")) },
            mine: { data in .putCriteriaSet(set: try renamedFirstItem(of: "III.2", in: data, "Tuyên truyền, vận động (minh)")) },
            beside: { data in [.putCriteriaSet(set: try renamedFirstItem(of: "III.3", in: data, "Sản xuất, kinh doanh"))] }),
        Row(.removeCriteriaSet, "bộ tiêu chí nhóm III.3 năm 2026",
            theirs: { data in .putCriteriaSet(set: try renamedFirstItem(of: "III.3", in: data, "Sản xuất, kinh doanh")) },
            mine: { _ in .removeCriteriaSet(year: 2026, groupID: "III.3") },
            beside: { data in [.putCriteriaSet(set: try renamedFirstItem(of: "III.2", in: data, "Tuyên truyền, vận động")),
                               .removeCriteriaSet(year: 2026, groupID: "SN")] }),

        Row(.putSheet, "phiếu chấm điểm năm 2026 của đơn vị DV0001",
            theirs: { data in .putSheet(sheet: try sheetOfDV0001(data) { $0.items["1.2", default: ItemScore()].selfScore = Points(8) }) },
            mine: { data in .putSheet(sheet: try sheetOfDV0001(data) { $0.items["1.3", default: ItemScore()].selfScore = Points(7) }) },
            beside: { _ in [cell(.selfScore, .person("CN00001"), item: "4.1", by: .lan),
                            cell(.appraised, .unit("DV0002"), item: "1.1", by: .lan)] }),
        Row(.removeSheet, "phiếu chấm điểm năm 2026 của đơn vị DV0001",
            theirs: { data in .putSheet(sheet: try sheetOfDV0001(data) { $0.items["1.2", default: ItemScore()].selfScore = Points(8) }) },
            mine: { _ in .removeSheet(year: 2026, subject: .unit("DV0001")) },
            beside: { _ in [cell(.selfScore, .person("CN00001"), item: "4.1", by: .lan),
                            .setSheetState(year: 2026, subject: .person("CN00001"), state: .submitted, reason: "")] }),
        Row(.setSheetState, "bước của phiếu chấm điểm năm 2026 của đơn vị DV0001",
            theirs: { _ in .setSheetState(year: 2026, subject: .unit("DV0001"), state: .submitted, reason: "") },
            mine: { _ in .setSheetState(year: 2026, subject: .unit("DV0001"), state: .submitted, reason: "Đơn vị nộp phiếu") },
            // Every cell of the same sheet, and the step of another sheet.
            beside: { _ in ConflictKey.SheetItemPart.allCases.map { cell($0, by: .lan) }
                        + [.setSheetState(year: 2026, subject: .person("CN00001"), state: .submitted, reason: "")] }),

        Row(.recordReport, "báo cáo năm 2026 của đơn vị DV0001",
            theirs: { _ in .recordReport(report: report("DV0001", day: 20, note: "Bản giấy (lan)")) },
            mine: { _ in .recordReport(report: report("DV0001", day: 21, note: "Bản điện tử (minh)")) },
            beside: { _ in [.recordReport(report: report("DV0002", day: 22, note: "Bổ sung")),
                            .recordReport(report: report("DV0003", day: 23, note: ""))] }),
        Row(.removeReport, "báo cáo năm 2026 của đơn vị DV0001",
            theirs: { _ in .recordReport(report: report("DV0001", day: 20, note: "Bản giấy (lan)")) },
            mine: { _ in .removeReport(year: 2026, unitID: "DV0001") },
            beside: { _ in [.recordReport(report: report("DV0002", day: 22, note: "Bổ sung"))] }),
        Row(.putCommuneReport, "báo cáo năm 2026 của xã gửi tỉnh",
            theirs: { _ in .putCommuneReport(report: CommuneYearReport(year: 2026, results: "Hoàn thành 9/10 chỉ tiêu (lan).")) },
            mine: { _ in .putCommuneReport(report: CommuneYearReport(year: 2026, results: "Hoàn thành 10/10 chỉ tiêu (minh).")) },
            beside: { _ in [.putCommuneReport(report: CommuneYearReport(year: 2025, results: "Năm trước."))] }),

        Row(.updateNomination, "đề nghị khen thưởng DN00001",
            theirs: { data in .updateNomination(nomination: try edit(data.nominations["DN00001"]) { $0.note = "Hồ sơ đủ (lan)" }) },
            mine: { data in .updateNomination(nomination: try edit(data.nominations["DN00001"]) { $0.achievementSummary = "Dẫn đầu khối (minh)." }) },
            beside: { data in [.updateNomination(nomination: try edit(data.nominations["DN00002"]) { $0.note = "Bổ sung" }),
                               .recordVote(id: "DN00002", vote: vote(agree: 8))] }),
        Row(.removeNomination, "đề nghị khen thưởng DN00001",
            theirs: { data in .updateNomination(nomination: try edit(data.nominations["DN00001"]) { $0.note = "Hồ sơ đủ (lan)" }) },
            mine: { _ in .removeNomination(id: "DN00001") },
            beside: { data in [.updateNomination(nomination: try edit(data.nominations["DN00002"]) { $0.note = "Bổ sung" })] }),
        Row(.recordVote, "đề nghị khen thưởng DN00001",
            theirs: { _ in .recordVote(id: "DN00001", vote: vote(agree: 8)) },
            mine: { _ in .recordVote(id: "DN00001", vote: vote(agree: 9)) },
            beside: { _ in [.recordVote(id: "DN00002", vote: vote(agree: 7))] }),
        Row(.overrideFinding, "đề nghị khen thưởng DN00001",
            theirs: { data in .overrideFinding(id: "DN00001", ruleID: try openFinding("DN00001", in: data), reason: "Thành tích đột xuất (lan)") },
            mine: { data in .overrideFinding(id: "DN00001", ruleID: try openFinding("DN00001", in: data), reason: "Thành tích đột xuất (minh)") },
            beside: { data in [.updateNomination(nomination: try edit(data.nominations["DN00002"]) { $0.note = "Bổ sung" })] }),
        Row(.setNominationStatus, "đề nghị khen thưởng DN00003",
            theirs: { data in .updateNomination(nomination: try edit(data.nominations["DN00003"]) { $0.note = "Đã trình (lan)" }) },
            mine: { _ in .setNominationStatus(id: "DN00003", status: .councilReviewed, reason: "Trả lại để bổ sung hồ sơ") },
            beside: { _ in [.setNominationStatus(id: "DN00004", status: .councilReviewed, reason: "Trả lại")] }),
        Row(.recordDecision, "đề nghị khen thưởng DN00003",
            theirs: { data in .updateNomination(nomination: try edit(data.nominations["DN00003"]) { $0.note = "Đã trình (lan)" }) },
            mine: { data in .recordDecision(id: "DN00003", decision: decision, awardID: data.nextAwardID()) },
            // Lan's decision takes the award code minh's form showed: his is given the next one.
            beside: { data in [.recordDecision(id: "DN00004", decision: decision, awardID: data.nextAwardID())] }),

        Row(.updateAward, "khen thưởng KT00001",
            theirs: { data in .updateAward(award: try edit(data.awards["KT00001"]) { $0.note = "Bản gốc (lan)" }) },
            mine: { data in .updateAward(award: try edit(data.awards["KT00001"]) { $0.note = "Bản sao (minh)" }) },
            beside: { data in [.updateAward(award: try edit(data.awards["KT00002"]) { $0.note = "Bổ sung" })] }),
        Row(.removeAward, "khen thưởng KT00001",
            theirs: { data in .updateAward(award: try edit(data.awards["KT00001"]) { $0.note = "Bản gốc (lan)" }) },
            mine: { _ in .removeAward(id: "KT00001") },
            beside: { data in [.updateAward(award: try edit(data.awards["KT00002"]) { $0.note = "Bổ sung" })] }),
    ]

    /// Each part of item 1.1 of DV0001's sheet: refused after lan wrote the same part, saved
    /// after lan wrote every other part of it, the same part of another item and of another
    /// unit's sheet, and the sheet's step.
    static let cellRows: [Row] = ConflictKey.SheetItemPart.allCases.map { part in
        Row(cellTag(part), cellWhat(part), name: "\(cellTag(part).rawValue) (\(part.rawValue))",
            theirs: { _ in cell(part, by: .lan) },
            mine: { _ in cell(part, by: .minh) },
            beside: { _ in ConflictKey.SheetItemPart.allCases.filter { $0 != part }.map { cell($0, by: .lan) }
                        + [cell(part, item: "1.2", by: .lan), cell(part, .unit("DV0002"), by: .lan),
                           .setSheetState(year: 2026, subject: .unit("DV0001"), state: .submitted, reason: "")] })
    }

    /// A batch is refused on the first of its parts that lan replaced.
    static let batchRow = Row(.batch, cellWhat(.appraised),
        theirs: { _ in cell(.appraised, by: .lan) },
        mine: { data in .batch(label: "Sửa đơn vị và chấm điểm", changes: [
            .updateUnit(unit: try edit(data.units["DV0002"]) { $0.head = "Vi Thị Hoa" }),
            cell(.appraised, by: .minh),
        ]) },
        beside: { data in [.updateUnit(unit: try edit(data.units["DV0001"]) { $0.head = "Nông Văn Dũng" }),
                           cell(.appraised, item: "1.2", by: .lan)] })

    /// Lan's write of the kinds whose row above has her write another kind: her removal (or step,
    /// decision, batch) refuses minh's edit of the same record.
    static let theirKindRows: [Row] = [
        Row(.updateUnit, "đơn vị DV0003", name: "unit.remove → unit.update",
            theirs: { _ in .removeUnit(id: "DV0003") },
            mine: { data in .updateUnit(unit: try edit(data.units["DV0003"]) { $0.head = "Đinh Văn Khải" }) }),
        Row(.updatePerson, "cá nhân CN00003", name: "person.remove → person.update",
            theirs: { _ in .removePerson(id: "CN00003") },
            mine: { data in .updatePerson(person: try edit(data.people["CN00003"]) { $0.position = "Trưởng thôn" }) }),
        Row(.putCriteriaSet, "bộ tiêu chí nhóm III.3 năm 2026", name: "criteriaSet.remove → criteriaSet.put",
            theirs: { _ in .removeCriteriaSet(year: 2026, groupID: "III.3") },
            mine: { data in .putCriteriaSet(set: try renamedFirstItem(of: "III.3", in: data, "Sản xuất, kinh doanh")) }),
        Row(.setScore, cellWhat(.appraised), name: "sheet.remove → score.set",
            theirs: { _ in .removeSheet(year: 2026, subject: .unit("DV0001")) },
            mine: { _ in cell(.appraised, by: .minh) }),
        Row(.recordReport, "báo cáo năm 2026 của đơn vị DV0001", name: "report.remove → report.record",
            theirs: { _ in .removeReport(year: 2026, unitID: "DV0001") },
            mine: { _ in .recordReport(report: report("DV0001", day: 21, note: "Bản điện tử (minh)")) }),
        Row(.updateNomination, "đề nghị khen thưởng DN00001", name: "nomination.remove → nomination.update",
            theirs: { _ in .removeNomination(id: "DN00001") },
            mine: { data in .updateNomination(nomination: try edit(data.nominations["DN00001"]) { $0.note = "Bổ sung (minh)" }) }),
        Row(.updateNomination, "đề nghị khen thưởng DN00003", name: "nomination.status → nomination.update",
            theirs: { _ in .setNominationStatus(id: "DN00003", status: .councilReviewed, reason: "Trả lại để bổ sung hồ sơ") },
            mine: { data in .updateNomination(nomination: try edit(data.nominations["DN00003"]) { $0.note = "Bổ sung (minh)" }) }),
        Row(.updateNomination, "đề nghị khen thưởng DN00003", name: "nomination.decision → nomination.update",
            theirs: { data in .recordDecision(id: "DN00003", decision: decision, awardID: data.nextAwardID()) },
            mine: { data in .updateNomination(nomination: try edit(data.nominations["DN00003"]) { $0.note = "Bổ sung (minh)" }) }),
        Row(.updateAward, "khen thưởng KT00001", name: "award.remove → award.update",
            theirs: { _ in .removeAward(id: "KT00001") },
            mine: { data in .updateAward(award: try edit(data.awards["KT00001"]) { $0.note = "Bản sao (minh)" }) }),
        Row(.updateUnit, "đơn vị DV0003", name: "batch → unit.update",
            theirs: { data in .batch(label: "Sửa hai đơn vị", changes: [
                .updateUnit(unit: try edit(data.units["DV0002"]) { $0.head = "Vi Thị Hoa" }),
                .setUnitArchived(id: "DV0003", archived: true),
            ]) },
            mine: { data in .updateUnit(unit: try edit(data.units["DV0003"]) { $0.head = "Đinh Văn Khải" }) }),
    ]

    /// The adds: they replace nothing, and a code taken meanwhile is given anew.
    enum Add: String, CaseIterable, Sendable {
        case unit, person, nomination, award

        var tag: ChangeTag {
            switch self {
            case .unit: return .addUnit
            case .person: return .addPerson
            case .nomination: return .addNomination
            case .award: return .addAward
            }
        }

        /// An add with the next free code of `data`, by `who`.
        func change(in data: Dataset, by who: Writer) -> Change {
            switch self {
            case .unit:
                return .addUnit(unit: OrgUnit(id: data.nextUnitID(), name: "Thôn mới của \(who.rawValue)", categoryID: "thon", order: 9))
            case .person:
                var person = Person(id: data.nextPersonID(), fullName: who == .lan ? "Lường Thị Mai" : "Sầm Văn Quý",
                                    gender: who == .lan ? .female : .male, kind: .congChuc)
                person.unitID = "DV0002"
                return .addPerson(person: person)
            case .nomination:
                return .addNomination(nomination: Nomination(id: data.nextNominationID(), period: .year(2026), formID: "giay-khen-xa",
                                                             nominee: .person("CN00002"), achievementSummary: "Đề nghị của \(who.rawValue)."))
            case .award:
                return .addAward(award: AwardRecord(id: data.nextAwardID(), recipient: .person("CN00003"),
                                                    recognition: .form(id: "giay-khen-xa", grade: nil), kind: .thematic, year: 2025,
                                                    decision: decision, note: "Khen của \(who.rawValue)"))
            }
        }

        /// A write by lan of the record minh's add refers to (an add depends on nothing it replaces).
        func referredTo(in data: Dataset) throws -> Change {
            switch self {
            case .unit: return .updateCategory(category: try edit(data.category("thon")) { $0.name = "Các thôn, xóm" })
            case .person: return .updateUnit(unit: try edit(data.units["DV0002"]) { $0.head = "Vi Thị Hoa" })
            case .nomination: return .updatePerson(person: try edit(data.people["CN00002"]) { $0.position = "Chánh Văn phòng" })
            case .award: return .updatePerson(person: try edit(data.people["CN00003"]) { $0.address = "Thôn Nà Kéo" })
            }
        }

        /// The code an add gives its record.
        static func code(of change: Change) -> String? {
            switch change {
            case .addUnit(let unit): return unit.id.rawValue
            case .addPerson(let person): return person.id.rawValue
            case .addNomination(let nomination): return nomination.id.rawValue
            case .addAward(let award): return award.id.rawValue
            default: return nil
            }
        }
    }

    // MARK: Every kind has a row

    @Test func everyKindOfChangeHasARow() throws {
        let data = try Self.dataset()
        let adds = Set(Add.allCases.map(\.tag))
        var refused = Set<ChangeTag>(), refusing = Set<ChangeTag>()
        for row in Self.rows + Self.theirKindRows {
            let mine = try row.mine(data), theirs = try row.theirs(data)
            #expect(mine.tag == row.tag, "\(row.name): minh's change is \(mine.tag.rawValue)")
            #expect(!mine.conflictKeys.isEmpty && !theirs.conflictKeys.isEmpty, "\(row.name) replaces something")
            refused.insert(mine.tag)
            refusing.insert(theirs.tag)
        }
        for tag in ChangeTag.allCases {
            if adds.contains(tag) {
                #expect(!refused.contains(tag) && !refusing.contains(tag), "\(tag.rawValue) is an add: it replaces nothing")
                continue
            }
            #expect(refused.contains(tag), "«\(tag.rawValue)» has no row in ConflictPerCaseTests.rows (minh's change of that kind)")
            #expect(refusing.contains(tag), "«\(tag.rawValue)» never refuses anyone in ConflictPerCaseTests (lan's write of that kind)")
        }
        for add in Add.allCases {
            #expect(add.change(in: data, by: .minh).tag == add.tag)
            #expect(add.change(in: data, by: .minh).conflictKeys.isEmpty)
        }
    }

    // MARK: 1. The same record or cell: refused with lan's name and time

    @Test(arguments: rows + theirKindRows)
    func refusedWhenTheOtherReplacedTheSame(_ row: Row) throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        let mine = try row.mine(two.minh.dataset)
        try two.lan.commit(try row.theirs(two.lan.dataset))
        let lanSeq = two.lan.appliedSeq

        let refusal = #expect(throws: CommitError.self) { try two.minh.commit(mine, base: base) }
        guard case .conflict(let what, let user, let host, let time)? = refusal else {
            Issue.record("\(row.name): not a conflict: \(refusal.map { "\($0)" } ?? "no error")")
            return
        }
        #expect(what == row.what)
        #expect(user == "lan" && host == "may2")
        #expect(time == "09:47", "lan's commit time on this machine's clock")
        #expect(time == Timestamp.localFields(Timestamp.string(TwoWriters.lanTime))?.clock)
        #expect(refusal?.message == "\(Self.capitalised(row.what)) vừa được lan@may2 sửa lúc 09:47, nên chưa lưu. Những gì bạn gõ vẫn còn: lưu lần nữa để ghi đè, hoặc Esc để bỏ rồi xem bản mới.")
        // Lan's version is what minh holds now; nothing of his was applied or written.
        #expect(two.minh.dataset == two.lan.dataset)
        #expect(two.minh.appliedSeq == lanSeq)
        let trail = try two.minh.auditTrail()
        #expect(trail.entries.map(\.user) == ["lan"])
        #expect(trail.entries.last?.time == Timestamp.string(TwoWriters.lanTime))
    }

    @Test func theMessageNamesTheCellTheWriterAndTheTime() throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        try two.lan.commit(Self.cell(.appraised, by: .lan))
        let refusal = #expect(throws: CommitError.self) { try two.minh.commit(Self.cell(.appraised, by: .minh), base: base) }
        #expect(refusal?.message == "Điểm thẩm định mục 1.1 của phiếu chấm điểm năm 2026 của đơn vị DV0001 vừa được lan@may2 sửa lúc 09:47, nên chưa lưu. Những gì bạn gõ vẫn còn: lưu lần nữa để ghi đè, hoặc Esc để bỏ rồi xem bản mới.")
        #expect(two.minh.dataset.sheets[SheetKey(year: 2026, subject: .unit("DV0001"))]?.items["1.1"]?.appraised == Points(11))
    }

    // MARK: 2. Another record or cell: saved

    @Test(arguments: rows)
    func savedWhenTheOtherReplacedSomethingElse(_ row: Row) throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        let mine = try row.mine(two.minh.dataset)
        let beside = try row.beside(two.lan.dataset)
        #expect(!beside.isEmpty)
        for change in beside {
            #expect(change.conflict(with: mine) == nil, "\(row.name): \(change.tag.rawValue) is not beside")
            try two.lan.commit(change)
        }
        try two.minh.commit(mine, base: base)
        #expect(try two.minh.auditTrail().entries.map(\.user) == Array(repeating: "lan", count: beside.count) + ["minh"])
        _ = try two.lan.refresh()
        #expect(two.lan.dataset == two.minh.dataset)
    }

    // MARK: 3. A view taken after lan's write: saved

    @Test(arguments: rows)
    func savedWhenTheViewIsNewerThanTheOthersWrite(_ row: Row) throws {
        let two = try TwoWriters()
        defer { two.remove() }
        try two.lan.commit(try row.theirs(two.lan.dataset))
        let base = try two.minhOpensAView()
        #expect(base == two.lan.appliedSeq)
        try two.minh.commit(try row.mine(two.minh.dataset), base: base)
        #expect(try two.minh.auditTrail().entries.map(\.user) == ["lan", "minh"])
    }

    // MARK: 4. A cell and its whole sheet

    enum WholeSheet: String, CaseIterable, Sendable {
        case put, remove

        func change(_ data: Dataset) throws -> Change {
            switch self {
            case .put: return .putSheet(sheet: try sheetOfDV0001(data) { $0.items["1.4", default: ItemScore()].note = "Cả phiếu" })
            case .remove: return .removeSheet(year: 2026, subject: .unit("DV0001"))
            }
        }
    }

    @Test(arguments: ConflictKey.SheetItemPart.allCases, WholeSheet.allCases)
    func aCellAndItsWholeSheetCollideBothWays(_ part: ConflictKey.SheetItemPart, _ whole: WholeSheet) throws {
        // Lan writes the whole sheet; minh's cell is refused.
        do {
            let two = try TwoWriters()
            defer { two.remove() }
            let base = try two.minhOpensAView()
            try two.lan.commit(try whole.change(two.lan.dataset))
            let refusal = #expect(throws: CommitError.self) { try two.minh.commit(Self.cell(part, by: .minh), base: base) }
            #expect(refusal?.conflictWhat == Self.cellWhat(part))
            #expect(two.minh.dataset == two.lan.dataset)
        }
        // Lan writes the cell; minh's whole sheet is refused.
        do {
            let two = try TwoWriters()
            defer { two.remove() }
            let base = try two.minhOpensAView()
            let mine = try whole.change(two.minh.dataset)
            try two.lan.commit(Self.cell(part, by: .lan))
            let refusal = #expect(throws: CommitError.self) { try two.minh.commit(mine, base: base) }
            #expect(refusal?.conflictWhat == "phiếu chấm điểm năm 2026 của đơn vị DV0001")
            #expect(two.minh.dataset == two.lan.dataset)
        }
    }

    @Test(arguments: WholeSheet.allCases)
    func theStepOfASheetAndTheWholeSheetCollideBothWays(_ whole: WholeSheet) throws {
        let step = Change.setSheetState(year: 2026, subject: .unit("DV0001"), state: .submitted, reason: "")
        do {
            let two = try TwoWriters()
            defer { two.remove() }
            let base = try two.minhOpensAView()
            try two.lan.commit(try whole.change(two.lan.dataset))
            let refusal = #expect(throws: CommitError.self) { try two.minh.commit(step, base: base) }
            #expect(refusal?.conflictWhat == "bước của phiếu chấm điểm năm 2026 của đơn vị DV0001")
        }
        do {
            let two = try TwoWriters()
            defer { two.remove() }
            let base = try two.minhOpensAView()
            let mine = try whole.change(two.minh.dataset)
            try two.lan.commit(step)
            let refusal = #expect(throws: CommitError.self) { try two.minh.commit(mine, base: base) }
            #expect(refusal?.conflictWhat == "phiếu chấm điểm năm 2026 của đơn vị DV0001")
        }
    }

    // MARK: 5. Adds

    @Test(arguments: Add.allCases)
    func anAddNeverCollidesAndATakenCodeIsGivenTheNextFreeOne(_ add: Add) throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        // Minh's form shows the next free code; lan saves a record under that code first, and
        // writes the record minh's refers to.
        let mine = add.change(in: two.minh.dataset, by: .minh)
        let theirs = add.change(in: two.lan.dataset, by: .lan)
        let code = try #require(Add.code(of: mine))
        #expect(Add.code(of: theirs) == code)
        try two.lan.commit(theirs)
        try two.lan.commit(try add.referredTo(in: two.lan.dataset))

        let applied = try two.minh.commit(mine, base: base)
        let given = try #require(Add.code(of: applied.change))
        #expect(given != code, "the code lan took is given anew")
        #expect(given == Self.next(after: code), "the next free code: \(given)")
        let trail = try two.minh.auditTrail()
        #expect(trail.entries.map(\.user) == ["lan", "lan", "minh"])
        #expect(trail.entries.last.flatMap { Add.code(of: $0.change) } == given, "the journal holds the code given")
        // Both records are there, each under its own code.
        _ = try two.lan.refresh()
        #expect(two.lan.dataset == two.minh.dataset)
        #expect(Self.holds(add, code: code, by: .lan, in: two.minh.dataset))
        #expect(Self.holds(add, code: given, by: .minh, in: two.minh.dataset))
    }

    @Test func aNewUnitAndItsPersonInOneBatchFollowTheirFreshCodes() throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        func batch(_ data: Dataset, by who: Writer) -> Change {
            let unit = Add.unit.change(in: data, by: who)
            var person = Person(id: data.nextPersonID(), fullName: "Hà Văn \(who == .lan ? "Lâm" : "Minh")", gender: .male, kind: .nhanDan)
            if case .addUnit(let added) = unit { person.unitID = added.id }
            return .batch(label: "Thêm thôn và trưởng thôn", changes: [unit, .addPerson(person: person)])
        }
        let mine = batch(two.minh.dataset, by: .minh)
        try two.lan.commit(batch(two.lan.dataset, by: .lan))
        let applied = try two.minh.commit(mine, base: base)
        guard case .batch(_, let parts) = applied.change, parts.count == 2,
              case .addUnit(let unit) = parts[0], case .addPerson(let person) = parts[1] else {
            Issue.record("a batch of two adds: \(applied.change)")
            return
        }
        #expect(unit.id == "DV0005" && person.id == "CN00005")
        #expect(person.unitID == "DV0005", "the person follows the unit's new code")
        #expect(two.minh.dataset.people["CN00004"]?.unitID == "DV0004", "lan's person stays in lan's unit")
    }

    /// A batch that adds a record and then edits it (a unit file with the new unit's code on two
    /// rows: the second becomes an update) refers to the record by the code minh's view showed.
    /// When lan took that code meanwhile, every later reference follows the fresh code: none
    /// writes over lan's record, which minh never saw.
    @Test func laterPartsOfABatchFollowTheFreshCodeOfWhatItAdded() throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        let data = two.minh.dataset
        let unitID = data.nextUnitID(), nominationID = data.nextNominationID(), personID = data.nextPersonID()
        var person = Person(id: personID, fullName: "Sầm Văn Quý", gender: .male, kind: .congChuc)
        person.unitID = "DV0002"
        let unit = OrgUnit(id: unitID, name: "Phòng Văn hoá - Xã hội", categoryID: "ubnd", order: 4)
        let mine = Change.batch(label: "Nhập đơn vị, cá nhân và đề nghị", changes: [
            .addUnit(unit: unit),
            .updateUnit(unit: Self.changed(unit) { $0.head = "Lương Thị Thu" }),
            Self.cell(.selfScore, .unit(unitID), by: .minh),
            .recordReport(report: Self.report(unitID, day: 22, note: "minh")),
            .addPerson(person: person),
            .updatePerson(person: Self.changed(person) { $0.position = "Chuyên viên" }),
            .setPersonArchived(id: personID, archived: true),
            .addNomination(nomination: Nomination(id: nominationID, period: .year(2026), formID: "giay-khen-xa", nominee: .unit(unitID))),
            .recordVote(id: nominationID, vote: Self.vote(agree: 9)),
        ])
        // Lan takes all three codes first.
        try two.lan.commit(.batch(label: "Của lan", changes: [
            .addUnit(unit: OrgUnit(id: unitID, name: "Đơn vị của lan", categoryID: "ubnd", order: 5)),
            Add.person.change(in: data, by: .lan),
            .addNomination(nomination: Nomination(id: nominationID, period: .year(2026), formID: "giay-khen-xa", nominee: .unit("DV0002"))),
        ]))
        let lans = two.lan.dataset
        try two.minh.commit(mine, base: base)

        let after = two.minh.dataset
        #expect(after.units[unitID] == lans.units[unitID], "lan's unit is untouched")
        #expect(after.people[personID] == lans.people[personID], "lan's person is untouched")
        #expect(after.nominations[nominationID] == lans.nominations[nominationID], "lan's nomination is untouched")
        #expect(after.sheets[SheetKey(year: 2026, subject: .unit(unitID))] == nil)
        #expect(after.reports[ReportKey(year: 2026, unitID: unitID)] == nil)
        let freshUnit = UnitID(Self.next(after: unitID.rawValue)), freshPerson = PersonID(Self.next(after: personID.rawValue))
        let freshNomination = NominationID(Self.next(after: nominationID.rawValue))
        #expect(after.units[freshUnit]?.head == "Lương Thị Thu")
        #expect(after.sheets[SheetKey(year: 2026, subject: .unit(freshUnit))]?.items["1.1"]?.selfScore == Points(hundredths: 950))
        #expect(after.reports[ReportKey(year: 2026, unitID: freshUnit)]?.note == "minh")
        #expect(after.people[freshPerson]?.position == "Chuyên viên" && after.people[freshPerson]?.archived == true)
        #expect(after.nominations[freshNomination]?.nominee == .unit(freshUnit))
        #expect(after.nominations[freshNomination]?.vote != nil)
        _ = try two.lan.refresh()
        #expect(two.lan.dataset == after)
    }

    @Test func aDecisionWhoseAwardCodeWasTakenIsGivenTheNextOne() throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        let mine = Change.recordDecision(id: "DN00003", decision: Self.decision, awardID: two.minh.dataset.nextAwardID())
        try two.lan.commit(.recordDecision(id: "DN00004", decision: Self.decision, awardID: two.lan.dataset.nextAwardID()))
        let applied = try two.minh.commit(mine, base: base)
        guard case .recordDecision(_, _, let awardID) = applied.change else {
            Issue.record("a decision: \(applied.change)")
            return
        }
        #expect(awardID == "KT00004")
        #expect(two.minh.dataset.awards["KT00003"]?.nominationID == "DN00004")
        #expect(two.minh.dataset.awards["KT00004"]?.nominationID == "DN00003")
    }

    // MARK: 6. A batch

    /// Minh's batch: an add, then three parts that lan may replace one of.
    static let batchParts: [(what: String, theirs: @Sendable (Dataset) throws -> Change)] = [
        ("đơn vị DV0002", { data in .updateUnit(unit: try edit(data.units["DV0002"]) { $0.name = "Phòng Kinh tế (lan)" }) }),
        (cellWhat(.selfScore), { _ in cell(.selfScore, by: .lan) }),
        ("báo cáo năm 2026 của đơn vị DV0002", { _ in .recordReport(report: report("DV0002", day: 23, note: "lan")) }),
    ]

    @Test(arguments: 0..<3)
    func aBatchIsRefusedWhenAnyPartIs(_ index: Int) throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        let data = two.minh.dataset
        let mine = Change.batch(label: "Nhập từ tệp", changes: [
            Add.unit.change(in: data, by: .minh),
            .updateUnit(unit: try Self.edit(data.units["DV0002"]) { $0.head = "Vi Thị Hoa" }),
            Self.cell(.selfScore, by: .minh),
            .recordReport(report: Self.report("DV0002", day: 22, note: "minh")),
        ])
        try two.lan.commit(try Self.batchParts[index].theirs(two.lan.dataset))
        let refusal = #expect(throws: CommitError.self) { try two.minh.commit(mine, base: base) }
        #expect(refusal?.conflictWhat == Self.batchParts[index].what)
        #expect(two.minh.dataset == two.lan.dataset, "no part of the batch was applied, not even the add")
        #expect(try two.minh.auditTrail().entries.map(\.user) == ["lan"])
    }

    // MARK: 7. One's own writes

    @Test func aProgramsOwnWritesSinceItsViewNeverStandInItsWay() throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let base = try two.minhOpensAView()
        let unit = try Self.edit(two.minh.dataset.units["DV0003"]) { $0.name = "Thôn Ấp Mới (minh)" }
        try two.minh.commit(.updateUnit(unit: unit), base: base)
        try two.lan.commit(Self.cell(.note, by: .lan))
        try two.minh.commit(.setUnitArchived(id: "DV0003", archived: true), base: base)
        try two.minh.commit(Self.cell(.appraised, by: .minh), base: base)
        try two.minh.commit(Self.cell(.appraised, by: .lan), base: base)
        #expect(try two.minh.auditTrail().entries.map(\.user) == ["minh", "lan", "minh", "minh", "minh"])
        #expect(two.minh.dataset.units["DV0003"]?.archived == true && two.minh.dataset.units["DV0003"]?.name == "Thôn Ấp Mới (minh)")
    }

    @Test func theSameUserInAnotherProgramIsSomeoneElse() throws {
        let two = try TwoWriters()
        defer { two.remove() }
        let elsewhere = try DataStore.open(folder: two.folder, options: .init(createIfMissing: false),
                                           clock: FixedClock(TwoWriters.lanTime), identity: Identity(user: "minh", host: "may3", pid: 3))
        let base = try two.minhOpensAView()
        try elsewhere.commit(Self.cell(.evidence, by: .lan))
        let refusal = #expect(throws: CommitError.self) { try two.minh.commit(Self.cell(.evidence, by: .minh), base: base) }
        #expect(refusal?.message == "Minh chứng mục 1.1 của phiếu chấm điểm năm 2026 của đơn vị DV0001 vừa được minh@may3 sửa lúc 09:47, nên chưa lưu. Những gì bạn gõ vẫn còn: lưu lần nữa để ghi đè, hoặc Esc để bỏ rồi xem bản mới.")
    }

    // MARK: The folder and the two writers

    enum Writer: String, Sendable { case lan, minh }

    /// A fresh folder holding `dataset()`, opened by lan (her clock at 09:47) and minh.
    struct TwoWriters {
        static let lanTime = time(hour: 9, minute: 47, second: 5)
        static let minhTime = time(hour: 10, minute: 5, second: 0)

        let folder: String
        let lan: DataStore
        let minh: DataStore

        init() throws {
            folder = NSTemporaryDirectory() + "thidua-conflict-\(UUID().uuidString.prefix(8))"
            try DataStore.initialize(folder: folder, with: try ConflictPerCaseTests.dataset())
            lan = try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FixedClock(Self.lanTime),
                                     identity: Identity(user: "lan", host: "may2", pid: 1))
            minh = try DataStore.open(folder: folder, options: .init(createIfMissing: false), clock: FixedClock(Self.minhTime),
                                      identity: Identity(user: "minh", host: "may1", pid: 2))
        }

        /// What an editor does when it opens: bring in what others wrote, note the position.
        func minhOpensAView() throws -> Int {
            _ = try minh.refresh()
            return minh.appliedSeq
        }

        func remove() { try? FileManager.default.removeItem(atPath: folder) }

        /// 24/11/2026 at the given local time.
        static func time(hour: Int, minute: Int, second: Int) -> Date {
            var parts = DateComponents()
            parts.year = 2026
            parts.month = 11
            parts.day = 24
            parts.hour = hour
            parts.minute = minute
            parts.second = second
            return Calendar(identifier: .gregorian).date(from: parts)!
        }
    }

    /// The fault fixtures' dataset (units, people, sheets with evidence, reports, awards,
    /// nominations, the plan's rules and criteria for 2026) and two nominations already
    /// submitted, DN00003 (DV0002) and DN00004 (CN00002), for the status and decision rows.
    static func dataset() throws -> Dataset { try built.get() }

    private static let built = Result<Dataset, any Error> {
        var data = try FaultFixtures.everyFileDataset()
        let context = FaultFixtures.context
        func apply(_ change: Change) throws { data = try data.apply(change, context: context).dataset }
        for (id, nominee) in [("DN00003", Subject.unit("DV0002")), ("DN00004", Subject.person("CN00002"))] {
            try apply(.addNomination(nomination: Nomination(id: NominationID(id), period: .year(2026), formID: "giay-khen-xa",
                                                            nominee: nominee, achievementSummary: "Hoàn thành tốt nhiệm vụ.")))
            try apply(.recordVote(id: NominationID(id), vote: vote(agree: 9)))
            guard let nomination = data.nominations[NominationID(id)] else { throw Missing(what: id) }
            for finding in Eligibility.findings(for: nomination, in: data) where data.isOverridable(finding.ruleID) {
                try apply(.overrideFinding(id: NominationID(id), ruleID: finding.ruleID, reason: "Thành tích đột xuất"))
            }
            try apply(.setNominationStatus(id: NominationID(id), status: .submitted, reason: ""))
        }
        return data
    }

    // MARK: Building changes

    static let decision = Decision(number: "301/QĐ-UBND", date: try! CalendarDate(year: 2026, month: 11, day: 24),
                                   issuer: "Chủ tịch UBND xã Phong Quang")

    static func edit<T>(_ value: T?, _ change: (inout T) -> Void, sourceLocation: SourceLocation = #_sourceLocation) throws -> T {
        var copy = try #require(value, sourceLocation: sourceLocation)
        change(&copy)
        return copy
    }

    static func changed<T>(_ value: T, _ change: (inout T) -> Void) -> T {
        var copy = value
        change(&copy)
        return copy
    }

    static func renamedFirstItem(of groupID: String, in data: Dataset, _ text: String) throws -> CriteriaSet {
        try edit(data.criteriaSets[CriteriaSetKey(year: 2026, groupID: groupID)]) { $0.items[0].text = text }
    }

    static func sheetOfDV0001(_ data: Dataset, _ change: (inout ScoreSheet) -> Void) throws -> ScoreSheet {
        try edit(data.sheets[SheetKey(year: 2026, subject: .unit("DV0001"))], change)
    }

    static func report(_ unit: UnitID, day: Int, note: String) -> ReportSubmission {
        ReportSubmission(year: 2026, unitID: unit, receivedDate: try! CalendarDate(year: 2026, month: 11, day: day),
                         documentNumber: "\(day)/BC", note: note)
    }

    static func vote(agree: Int) -> CouncilVote {
        CouncilVote(method: .showOfHands, membersTotal: 9, membersPresent: 9, agree: agree, disagree: 9 - agree, abstain: 0)
    }

    /// A standing finding of `id` that may be overridden.
    static func openFinding(_ id: NominationID, in data: Dataset) throws -> String {
        let nomination = try #require(data.nominations[id])
        let finding = try #require(Eligibility.findings(for: nomination, in: data).first { data.isOverridable($0.ruleID) },
                                   "\(id) has a finding to override")
        return finding.ruleID
    }

    /// One part of one item of a sheet, as lan or minh writes it (their values differ).
    static func cell(_ part: ConflictKey.SheetItemPart, _ subject: Subject = .unit("DV0001"), item: String = "1.1",
                     by who: Writer) -> Change {
        let lan = who == .lan
        switch part {
        case .selfScore:
            return .setScore(year: 2026, subject: subject, item: item, field: .selfScore, value: lan ? Points(10) : Points(hundredths: 950))
        case .appraised:
            return .setScore(year: 2026, subject: subject, item: item, field: .appraised, value: lan ? Points(11) : Points(hundredths: 1050))
        case .done:
            return .setItemDone(year: 2026, subject: subject, item: item, done: lan)
        case .note:
            return .setItemNote(year: 2026, subject: subject, item: item, note: lan ? "Ghi chú của lan" : "Ghi chú của minh")
        case .evidence:
            return .setItemEvidence(year: 2026, subject: subject, item: item, evidence: [
                Evidence(documentNumber: lan ? "31/BC-VP" : "32/BC-VP", summary: lan ? "Báo cáo của lan" : "Báo cáo của minh"),
            ])
        }
    }

    static func cellTag(_ part: ConflictKey.SheetItemPart) -> ChangeTag {
        switch part {
        case .selfScore, .appraised: return .setScore
        case .done: return .setItemDone
        case .note: return .setItemNote
        case .evidence: return .setItemEvidence
        }
    }

    /// How the message names the part of item 1.1 of DV0001's sheet.
    static func cellWhat(_ part: ConflictKey.SheetItemPart) -> String {
        let what: [ConflictKey.SheetItemPart: String] = [
            .selfScore: "điểm tự chấm", .appraised: "điểm thẩm định", .done: "đánh dấu hoàn thành",
            .note: "ghi chú", .evidence: "minh chứng",
        ]
        return "\(what[part]!) mục 1.1 của phiếu chấm điểm năm 2026 của đơn vị DV0001"
    }

    static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

    /// DV0004 → DV0005, CN00004 → CN00005.
    static func next(after code: String) -> String {
        let digits = code.drop { $0.isLetter }
        let prefix = code.prefix(code.count - digits.count)
        let number = String(Int(digits)! + 1)
        return prefix + String(repeating: "0", count: digits.count - number.count) + number
    }

    /// Whether `data` holds `who`'s added record of kind `add` under `code`.
    static func holds(_ add: Add, code: String, by who: Writer, in data: Dataset) -> Bool {
        switch add {
        case .unit: return data.units[UnitID(code)]?.name == "Thôn mới của \(who.rawValue)"
        case .person: return data.people[PersonID(code)]?.fullName == (who == .lan ? "Lường Thị Mai" : "Sầm Văn Quý")
        case .nomination: return data.nominations[NominationID(code)]?.achievementSummary == "Đề nghị của \(who.rawValue)."
        case .award: return data.awards[AwardRecordID(code)]?.note == "Khen của \(who.rawValue)"
        }
    }
}

private struct Missing: Error { let what: String }

extension CommitError {
    /// What a conflict names, nil for any other refusal.
    fileprivate var conflictWhat: String? {
        if case .conflict(let what, _, _, _) = self { return what }
        return nil
    }
}
