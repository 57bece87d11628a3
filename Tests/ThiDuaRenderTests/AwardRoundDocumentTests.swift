import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaRender

/// A round like the office's own: 55 nominations for 2026 (45 Giấy khen xã, 10 Bằng khen tỉnh)
/// before a council of 13, nine of them at or below half of all members, four never voted on,
/// one passed with a warning nobody answered, one failed with an override stored by an older
/// version, and one nominee listed twice for Giấy khen. What each document holds follows the
/// rules of `NominationDocument`.
@Suite struct AwardRoundDocumentTests {
    static let voteDay = try! CalendarDate(year: 2026, month: 11, day: 20)
    static let decisionDay = try! CalendarDate(year: 2026, month: 11, day: 23)
    static let context = ChangeContext(clock: FixedClock(year: 2026, month: 11, day: 24), user: "kiểm thử")

    struct Round {
        var data: Dataset
        var failed: Set<NominationID> = []
        var neverVoted: Set<NominationID> = []
        var unanswered: NominationID? = nil
        var legacyOverride: NominationID? = nil
        var twice: Subject? = nil
    }

    static let round: Round = {
        var data = try! SampleCommune.build(from: try! Defaults.dataset(), names: try! SampleNames.load())
        func apply(_ change: Change) { data = try! data.apply(change, context: context).dataset }
        let subjects = data.units.keys.sorted().map { Subject.unit($0) } + data.people.keys.sorted().map { Subject.person($0) }
        var round = Round(data: data)
        var ids: [(NominationID, String)] = []
        for (index, subject) in subjects.prefix(55).enumerated() {
            let formID = index < 45 ? "giay-khen-xa" : "bang-khen-tinh"
            let id = data.nextNominationID()
            apply(.addNomination(nomination: Nomination(id: id, period: .year(2026), formID: formID, nominee: subject,
                                                        achievementSummary: "Thành tích năm 2026.")))
            ids.append((id, formID))
        }
        // The same unit a second time for Giấy khen.
        round.twice = subjects[0]
        let again = data.nextNominationID()
        apply(.addNomination(nomination: Nomination(id: again, period: .year(2026), formID: "giay-khen-xa",
                                                    nominee: subjects[0], achievementSummary: "Đề nghị lần hai.")))
        ids.append((again, "giay-khen-xa"))
        for (position, (id, _)) in ids.enumerated() {
            if [3, 16, 30, 44].contains(position) { round.neverVoted.insert(id); continue }
            let fails = position % 6 == 5 && round.failed.count < 9
            if fails { round.failed.insert(id) }
            apply(.recordVote(id: id, vote: CouncilVote(method: .secretBallot, date: voteDay, membersTotal: 13,
                                                         membersPresent: 12, agree: fails ? 5 + position % 2 : 10,
                                                         disagree: fails ? 6 : 2, abstain: 0)))
        }
        // Answer every warning of the passed ones but one.
        for (position, (id, _)) in ids.enumerated() where !round.failed.contains(id) && !round.neverVoted.contains(id) {
            let open = data.openFindings(of: data.nominations[id]!)
            if round.unanswered == nil, !open.isEmpty, position > 5 { round.unanswered = id; continue }
            for finding in open { apply(.overrideFinding(id: id, ruleID: finding.ruleID, reason: "Hội đồng thống nhất")) }
        }
        // A failed vote whose finding an older version let someone override.
        let legacy = round.failed.sorted().first!
        var stored = data.nominations[legacy]!
        stored.findings = stored.findings.map { var f = $0; f.overrideReason = "Ý kiến bằng văn bản"; return f }
        apply(.updateNomination(nomination: stored))
        round.legacyOverride = legacy
        round.data = data
        return round
    }()

    static func build(_ request: DocumentRequest, _ data: Dataset = round.data) throws -> (Document, String) {
        let document = try DocumentBuilder.build(request, data: data)
        return (document, TextWriter(width: 200).render(document))
    }

    /// The nominee names in the document's tables, in order.
    static func listed(_ document: Document) -> [String] {
        document.tables.flatMap(\.rows).compactMap { row -> String? in
            if case .data(let cells) = row { return cells[1] } else { return nil }
        }
    }

    static var mustNotAppear: Set<NominationID> {
        round.failed.union(round.neverVoted).union([round.unanswered!])
    }

    @Test func theRoundIsTheOneDescribed() {
        let round = Self.round
        #expect(round.data.nominations.values.filter { $0.period == .year(2026) }.count == 56)
        #expect(round.failed.count == 9)
        #expect(round.failed.allSatisfy { round.data.councilOutcome(of: round.data.nominations[$0]!) == .failed })
        #expect(round.unanswered != nil)
    }

    @Test func theDecisionHoldsOnlyPassedGiayKhenNomineesCountedOnce() throws {
        let data = Self.round.data
        let (document, text) = try Self.build(DocumentRequest(kind: .decision, year: 2026, number: "216", date: Self.decisionDay))
        let held = data.selection(.decision(number: "216/QĐ-UBND"), period: .year(2026), formID: nil).nominations
        #expect(!held.isEmpty)
        #expect(held.allSatisfy { $0.formID == "giay-khen-xa" && data.councilOutcome(of: $0) == .passed })
        #expect(Set(held.map(\.id)).isDisjoint(with: Self.mustNotAppear))
        #expect(Self.listed(document).sorted() == held.map { data.name(of: $0.nominee) }.sorted())
        let collectives = Set(held.filter { $0.nominee.kind == .collective }.map(\.nominee)).count
        let individuals = Set(held.filter { $0.nominee.kind == .individual }.map(\.nominee)).count
        #expect(held.filter { $0.nominee == Self.round.twice }.count == 2, "listed twice")
        #expect(text.contains("Tặng Giấy khen của Chủ tịch UBND xã cho \(collectives) tập thể và \(individuals) cá nhân (có danh sách kèm theo)"))
        #expect(text.contains("I. TẬP THỂ (\(collectives))") && text.contains("II. CÁ NHÂN (\(individuals))"))
        #expect(!text.contains("Bằng khen"))
        #expect(!text.contains("TM. ỦY BAN NHÂN DÂN"), "the chairman signs his own decision")
        #expect(text.contains("CHỦ TỊCH\n") || text.contains("CHỦ TỊCH "))
        #expect(text.contains("DANH SÁCH CÁC TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN"))
        #expect(!text.contains("Hình thức đề nghị") && !text.contains("DANH SÁCH ĐỀ NGHỊ"))
        #expect(text.contains("Số: 216/QĐ-UBND") && !text.contains("QĐ-UBND/QĐ-UBND"))
    }

    @Test func everySubmissionHoldsOnlyWhatPassedForItsAuthority() throws {
        let data = Self.round.data
        for (target, form) in [(SubmissionTarget.communeChairman, "giay-khen-xa"), (.provinceChairman, "bang-khen-tinh")] {
            let (document, text) = try Self.build(DocumentRequest(kind: .submission, year: 2026, target: target, date: Self.decisionDay))
            let held = data.selection(.submission(target), period: .year(2026), formID: nil).nominations
            #expect(held.allSatisfy { $0.formID == form && data.councilOutcome(of: $0) == .passed && data.openFindings(of: $0).isEmpty })
            #expect(Set(held.map(\.id)).isDisjoint(with: Self.mustNotAppear))
            #expect(Self.listed(document).sorted() == held.map { data.name(of: $0.nominee) }.sorted())
            #expect(!text.contains("(0)"), "no empty group")
            let part = try #require(data.selection(.submission(target), period: .year(2026), formID: nil).parts.first)
            let counted = [part.collectiveCount > 0 ? "\(part.collectiveCount) tập thể" : nil,
                           part.individualCount > 0 ? "\(part.individualCount) cá nhân" : nil].compactMap { $0 }
            #expect(text.contains("cho " + counted.joined(separator: " và ")))
        }
        let (_, commune) = try Self.build(DocumentRequest(kind: .submission, year: 2026, formID: "giay-khen-xa", date: Self.decisionDay))
        #expect(commune.contains("Kính gửi: Chủ tịch Ủy ban nhân dân xã Phong Quang."))
        #expect(commune.contains("TRƯỞNG PHÒNG") && commune.contains("Số:       /TTr-VHXH") == false || commune.contains("/TTr-VHXH"))
        #expect(!commune.contains("Bằng khen"))
        let (_, province) = try Self.build(DocumentRequest(kind: .submission, year: 2026, formID: "bang-khen-tinh", date: Self.decisionDay))
        #expect(province.contains("Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Thái Nguyên."))
        #expect(province.contains("TM. ỦY BAN NHÂN DÂN") && province.contains("/TTr-UBND"))
        #expect(!province.contains("Giấy khen"))
    }

    @Test func aSubmissionWithoutAnAuthorityListsTheChoices() {
        #expect(throws: DocumentError.self) {
            try DocumentBuilder.build(DocumentRequest(kind: .submission, year: 2026, date: Self.decisionDay), data: Self.round.data)
        }
        do {
            _ = try DocumentBuilder.build(DocumentRequest(kind: .submission, year: 2026, date: Self.decisionDay), data: Self.round.data)
        } catch {
            #expect(error.message.contains("«xa»: Chủ tịch UBND xã (Giấy khen xã)"))
            #expect(error.message.contains("«tinh»: Chủ tịch UBND tỉnh (Bằng khen tỉnh"))
        }
        do {
            _ = try DocumentBuilder.build(DocumentRequest(kind: .submission, year: 2026, formID: "giay-khen-xa",
                                                          target: .provinceChairman, date: Self.decisionDay), data: Self.round.data)
            Issue.record("a Giấy khen tờ trình to the province was made")
        } catch {
            #expect(error.message == "Giấy khen của Chủ tịch UBND xã trình Chủ tịch UBND xã, không trình Chủ tịch UBND tỉnh.")
        }
    }

    @Test func theMinutesHoldEveryVoteAndTheCouncilListEveryOpenOne() throws {
        let data = Self.round.data
        let (minutes, text) = try Self.build(DocumentRequest(kind: .minutes, year: 2026, date: Self.voteDay))
        let voted = data.nominations.values.filter { $0.period == .year(2026) && $0.vote != nil }
        #expect(Self.listed(minutes).count == voted.count)
        #expect(text.components(separatedBy: "Không đạt").count - 1 == Self.round.failed.count)
        #expect(text.contains("Hội đồng thống nhất đề nghị khen thưởng \(voted.count - 9)/\(voted.count) trường hợp"))
        let (list, _) = try Self.build(DocumentRequest(kind: .nominationList, year: 2026, date: Self.voteDay))
        #expect(Self.listed(list).sorted() == Self.round.neverVoted.map { data.name(of: data.nominations[$0]!.nominee) }.sorted())
    }

    @Test func aFailedVoteWithAStoredOverrideStaysOut() {
        let data = Self.round.data
        let legacy = data.nominations[Self.round.legacyOverride!]!
        #expect(legacy.findings.allSatisfy { $0.overrideReason != nil })
        for document in [NominationDocument.decision(number: ""), .submission(.communeChairman), .submission(.provinceChairman)] {
            let selection = data.selection(document, period: .year(2026), formID: nil)
            #expect(!selection.nominations.contains { $0.id == legacy.id })
            #expect(selection.excluded.contains { $0.nomination.id == legacy.id && $0.reason == .failedVote }
                    || !document.covers(data.catalog.form(legacy.formID)!))
        }
    }

    @Test func aDeputySignsWhenTheSettingSaysSo() throws {
        var data = Self.round.data
        var settings = data.settings
        settings.decisionSigning = DecisionSigning(byDeputy: true, deputyName: "Trần Văn Phó")
        data = try data.apply(.updateSettings(settings: settings), context: Self.context).dataset
        let (_, text) = try Self.build(DocumentRequest(kind: .decision, year: 2026, date: Self.decisionDay), data)
        #expect(text.contains("KT. CHỦ TỊCH") && text.contains("PHÓ CHỦ TỊCH") && text.contains("Trần Văn Phó"))
        #expect(!text.contains("TM. ỦY BAN NHÂN DÂN"))
    }

    @Test func aNumberIsTypedEitherWayAndItsCodeIsChecked() throws {
        let short = try Self.build(DocumentRequest(kind: .decision, year: 2026, number: "216", date: Self.decisionDay)).1
        let whole = try Self.build(DocumentRequest(kind: .decision, year: 2026, number: "216/QĐ-UBND", date: Self.decisionDay)).1
        #expect(short == whole)
        do {
            _ = try Self.build(DocumentRequest(kind: .decision, year: 2026, number: "216/TTr-UBND", date: Self.decisionDay))
            Issue.record("a tờ trình's number was accepted on a decision")
        } catch let error as DocumentError {
            #expect(error.message == "Số văn bản «216/TTr-UBND» mang ký hiệu «TTr-UBND», nhưng văn bản này có ký hiệu «QĐ-UBND»; nhập «216» hoặc «216/QĐ-UBND».")
        }
    }

    @Test func aDecisionBeforeTheVoteIsRefused() {
        do {
            _ = try Self.build(DocumentRequest(kind: .decision, year: 2026, date: try CalendarDate(year: 2026, month: 11, day: 19)))
            Issue.record("a decision dated before the vote was made")
        } catch {
            #expect((error as? DocumentError)?.message
                == "Ngày ghi trên quyết định (19/11/2026) trước ngày hội đồng biểu quyết (20/11/2026); quyết định phải từ ngày biểu quyết trở đi.")
        }
    }

    @Test func theDecreeCitedIsTheOneInForceOnTheDocumentsDate() throws {
        let settings = Self.round.data.settings
        let before = settings.legalBases(for: .decision, on: try CalendarDate(year: 2025, month: 6, day: 30))
        let after = settings.legalBases(for: .decision, on: try CalendarDate(year: 2025, month: 7, day: 1))
        #expect(before.contains { $0.contains("98/2023/NĐ-CP") } && !before.contains { $0.contains("152/2025/NĐ-CP") })
        #expect(after.contains { $0.contains("152/2025/NĐ-CP") } && !after.contains { $0.contains("98/2023/NĐ-CP") })
        #expect(after.first == "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;")
        #expect(!settings.legalBases(for: .submission, on: try CalendarDate(year: 2026, month: 1, day: 1))
            .contains { $0.contains("Tổ chức chính quyền") }, "a tờ trình does not cite the chairman's powers")
        let (_, text) = try Self.build(DocumentRequest(kind: .decision, year: 2026, date: Self.decisionDay))
        #expect(text.contains("152/2025/NĐ-CP") && !text.contains("98/2023"))
    }

    @Test func theDecisionStatesTheMoneyAndTheRewardListCountsIt() throws {
        let data = Self.round.data
        let held = data.selection(.decision(number: ""), period: .year(2026), formID: nil).nominations
        let collectives = held.filter { $0.nominee.kind == .collective }.count
        let individuals = held.count - collectives
        // 23/11/2026: the base salary of 01/7/2026, 2.530.000 đồng; rounded up to ten thousand.
        let total = collectives * 1_520_000 + individuals * 760_000
        let (_, decision) = try Self.build(DocumentRequest(kind: .decision, year: 2026, date: Self.decisionDay))
        #expect(decision.contains("mỗi tập thể 1.520.000 đồng (hệ số 0,6 × mức lương cơ sở 2.530.000 đồng)"))
        #expect(decision.contains("mỗi cá nhân 760.000 đồng (hệ số 0,3 × mức lương cơ sở 2.530.000 đồng)"))
        #expect(decision.contains("tổng cộng \(VietnameseMoney.display(total)) đồng, chi từ quỹ thi đua, khen thưởng của xã."))
        let (list, text) = try Self.build(DocumentRequest(kind: .rewardList, year: 2026, date: Self.decisionDay))
        #expect(Self.listed(list).count == held.count + 1, "every awardee and the total row")
        #expect(text.contains("Tổng số tiền: \(VietnameseMoney.display(total)) đồng"))
        #expect(text.contains("Mức lương cơ sở áp dụng: 2.530.000 đồng/tháng"))

        // With the individuals' coefficient unset: no amount anywhere, the setting named.
        var unset = data
        var settings = unset.settings
        let index = settings.rewardMoney.coefficients.firstIndex {
            $0.recognition == .form(id: "giay-khen-xa", grade: nil) && $0.subjectKind == .individual
        }!
        settings.rewardMoney.coefficients[index].coefficient = nil
        unset = try unset.apply(.updateSettings(settings: settings), context: Self.context).dataset
        let (_, vague) = try Self.build(DocumentRequest(kind: .decision, year: 2026, date: Self.decisionDay), unset)
        #expect(vague.contains("Điều 2. Tiền thưởng kèm theo thực hiện theo quy định của pháp luật về thi đua, khen thưởng, chi từ quỹ thi đua, khen thưởng của xã."))
        #expect(!vague.contains("đồng (hệ số"))
        do {
            _ = try Self.build(DocumentRequest(kind: .rewardList, year: 2026, date: Self.decisionDay), unset)
            Issue.record("a reward list without a coefficient was made")
        } catch let error as DocumentError {
            #expect(error.message == "Chưa lập được danh sách nhận tiền thưởng: Chưa đặt hệ số tiền thưởng của Giấy khen của Chủ tịch UBND xã cho cá nhân (Cài đặt, tiền thưởng).")
        }
    }

    @Test func theMinutesNameTheCouncilFromTheRosterOrLeaveBlanks() throws {
        let (blankDocument, blank) = try Self.build(DocumentRequest(kind: .minutes, year: 2026, date: Self.voteDay))
        #expect(blank.contains("Chủ tọa: ……………………………; thư ký: ……………………………."))
        #expect(blank.contains("Thời gian: bắt đầu lúc … giờ …, ngày 20 tháng 11 năm 2026; kết thúc lúc … giờ … cùng ngày."))
        #expect(blank.contains("Địa điểm: ……………………………."))
        guard case .signature(let unsigned)? = blankDocument.blocks.last else { Issue.record("no signature"); return }
        #expect(unsigned.signer.isEmpty && unsigned.leftSigner?.signer.isEmpty == true, "no made-up name")
        #expect(unsigned.authority == ["CHỦ TỌA"] && unsigned.leftSigner?.authority == ["THƯ KÝ"])

        var data = Self.round.data
        var settings = data.settings
        let chair = CouncilMember(name: "Nguyễn Ánh Xuân", position: "Chủ tịch UBND xã")
        let secretary = CouncilMember(name: "Lò Thị Hạnh", position: "Công chức Văn hóa - Xã hội")
        let members = [CouncilMember(name: "Hoàng Văn Đức", position: "Phó Chủ tịch UBND xã"),
                       CouncilMember(name: "Ma Thị Lan", position: "Chủ tịch Hội Liên hiệp Phụ nữ xã")]
        settings.councilRoster = CouncilRoster(chair: chair, secretary: secretary, members: members)
        settings.councilMeetings = [CouncilMeeting(period: .year(2026), startTime: "08:00", endTime: "10:30",
                                                   place: "Hội trường Ủy ban nhân dân xã", chair: chair, secretary: secretary,
                                                   present: [members[0]], absent: [members[1]])]
        data = try data.apply(.updateSettings(settings: settings), context: Self.context).dataset
        let (document, text) = try Self.build(DocumentRequest(kind: .minutes, year: 2026, date: Self.voteDay), data)
        #expect(text.contains("Thời gian: bắt đầu lúc 8 giờ 00, ngày 20 tháng 11 năm 2026; kết thúc lúc 10 giờ 30 cùng ngày."))
        #expect(text.contains("Địa điểm: Hội trường Ủy ban nhân dân xã."))
        #expect(text.contains("Chủ tọa: Nguyễn Ánh Xuân, Chủ tịch UBND xã; thư ký: Lò Thị Hạnh, Công chức Văn hóa - Xã hội."))
        #expect(text.contains("Thành viên dự họp: Hoàng Văn Đức, Phó Chủ tịch UBND xã."))
        #expect(text.contains("Vắng mặt: Ma Thị Lan, Chủ tịch Hội Liên hiệp Phụ nữ xã."))
        guard case .signature(let signed)? = document.blocks.last else { Issue.record("no signature"); return }
        #expect(signed.signer == "Nguyễn Ánh Xuân" && signed.leftSigner?.signer == "Lò Thị Hạnh")

        settings.councilMeetings[0].startTime = "8h"
        do {
            _ = try data.apply(.updateSettings(settings: settings), context: Self.context)
            Issue.record("a time that is not hh:mm was accepted")
        } catch {
            #expect(error.message == "Giờ bắt đầu họp «8h» không đúng dạng giờ:phút, ví dụ 08:00.")
        }
    }

    @Test func theYearReportPrintsTheOfficesSectionsAndSplitsTheNominations() throws {
        let (_, blank) = try Self.build(DocumentRequest(kind: .yearReport, year: 2026, date: Self.decisionDay))
        #expect(blank.contains("V. KẾT QUẢ NỔI BẬT") && blank.contains("VIII. KIẾN NGHỊ, ĐỀ XUẤT"))
        #expect(blank.contains("……………"), "a section not written is left to write by hand")
        let data = try Self.round.data.apply(.putCommuneReport(report: CommuneYearReport(
            year: 2026, results: "100% thôn có tổ công nghệ số cộng đồng.\nCấp 1.200 chữ ký số.",
            shortcomings: "Một số thôn còn chậm.", nextYearTasks: "Mở lớp Bình dân học AI.",
            recommendations: "Đề nghị tỉnh hỗ trợ thiết bị.")), context: Self.context).dataset
        let (document, text) = try Self.build(DocumentRequest(kind: .yearReport, year: 2026, date: Self.decisionDay), data)
        for line in ["100% thôn có tổ công nghệ số cộng đồng.", "Cấp 1.200 chữ ký số.", "Một số thôn còn chậm.",
                     "Mở lớp Bình dân học AI.", "Đề nghị tỉnh hỗ trợ thiết bị."] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(!text.contains("……………"))
        // Per form: collectives and individuals proposed, passed and not passed, distinct.
        let table = try #require(document.tables.first { $0.columns.first?.header == "Hình thức" })
        guard case .data(let gk)? = table.rows.first(where: { if case .data(let c) = $0 { return c[0].hasPrefix("Giấy khen") } else { return false } })
        else { Issue.record("no Giấy khen row"); return }
        let gkNominations = data.nominations.values.filter { $0.period == .year(2026) && $0.formID == "giay-khen-xa" }
        func distinct(_ kind: SubjectKind, _ keep: (Nomination) -> Bool) -> String {
            String(Set(gkNominations.filter { $0.nominee.kind == kind && keep($0) }.map(\.nominee)).count)
        }
        #expect(gk[1] == distinct(.collective) { _ in true })
        #expect(gk[2] == distinct(.collective) { data.councilOutcome(of: $0) == .passed })
        #expect(gk[3] == distinct(.collective) { data.councilOutcome(of: $0) == .failed })
        #expect(gk[5] == distinct(.individual) { data.councilOutcome(of: $0) == .passed })
        #expect(gk[6] == distinct(.individual) { data.councilOutcome(of: $0) == .failed })
    }

    @Test func sentencesCountingNobodyAreWordedForNobody() throws {
        let empty = try Defaults.dataset()
        let (_, text) = try Self.build(DocumentRequest(kind: .yearReport, year: 2026, date: Self.decisionDay), empty)
        #expect(text.contains("Trong năm chưa có tập thể, cá nhân nào được khen thưởng"))
        #expect(text.contains("Chưa có tập thể, cá nhân nào đăng ký thi đua."))
        #expect(text.contains("Chưa có đơn vị nào đăng ký thi đua."))
        #expect(!text.contains("có không có") && !text.contains(": 0 đề nghị"))
        #expect(text.contains("Chưa nhận được báo cáo nào") || text.contains("Chưa có đơn vị nào"))
    }
}
