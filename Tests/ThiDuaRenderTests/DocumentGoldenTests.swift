import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaRender

/// The text rendering of every document for the sample commune, compared with the files in
/// `__documents__/` (refresh on purpose with UPDATE_GOLDENS=1, then read the diff).
@Suite struct DocumentGoldenTests {
    static let today = try! CalendarDate(year: 2026, month: 11, day: 24)
    static let context = ChangeContext(clock: FixedClock(year: 2026, month: 11, day: 24), user: "kiểm thử")

    /// The sample commune with 2025 nominations for Giấy khen: three collectives and two
    /// individuals from the suggestions, voted (one below the threshold, overridden), all
    /// submitted and one decided; plus a Bằng khen tỉnh nomination still proposed.
    static let sample: Dataset = {
        var data = try! SampleCommune.build(from: try! Defaults.dataset(), names: try! SampleNames.load())
        func apply(_ change: Change) { data = try! data.apply(change, context: context).dataset }
        let suggestions = data.suggestions(period: .year(2025), formID: "giay-khen-xa")
        let chosen = Array(suggestions.filter { $0.subject.kind == .collective }.prefix(3))
            + Array(suggestions.filter { $0.subject.kind == .individual }.prefix(2))
        for (i, s) in chosen.enumerated() {
            apply(.addNomination(nomination: Nomination(
                id: data.nextNominationID(), period: .year(2025), formID: "giay-khen-xa", nominee: s.subject,
                achievementSummary: "Hoàn thành xuất sắc các nhiệm vụ chuyển đổi số năm 2025; \(i + 2) sáng kiến được công nhận.",
                scoreSnapshot: s.snapshot)))
        }
        let vote = CouncilVote(method: .showOfHands, date: try! CalendarDate(year: 2026, month: 11, day: 20),
                               membersTotal: 9, membersPresent: 8, agree: 7, disagree: 1, abstain: 0)
        for id in data.nominations.keys.sorted() { apply(.recordVote(id: id, vote: vote)) }
        var weak = vote
        weak.agree = 4
        weak.disagree = 4
        apply(.recordVote(id: "DN00005", vote: weak))
        apply(.overrideFinding(id: "DN00005", ruleID: "nguong-bieu-quyet", reason: "Hai thành viên vắng gửi ý kiến đồng ý bằng văn bản"))
        for n in data.nominations.values.sorted(by: { $0.id < $1.id }) {
            for finding in Eligibility.findings(for: n, in: data) where finding.overrideReason == nil {
                apply(.overrideFinding(id: n.id, ruleID: finding.ruleID, reason: "Hội đồng thống nhất vẫn đề nghị"))
            }
        }
        for id in data.nominations.keys.sorted() { apply(.setNominationStatus(id: id, status: .submitted, reason: "")) }
        apply(.recordDecision(id: "DN00001", decision: Decision(number: "215/QĐ-UBND", date: today,
                                                               issuer: "Chủ tịch Ủy ban nhân dân xã Phong Quang"),
                              awardID: data.nextAwardID()))
        if let best = data.suggestions(period: .year(2025), formID: "bang-khen-tinh").first {
            apply(.addNomination(nomination: Nomination(id: data.nextNominationID(), period: .year(2025),
                                                        formID: "bang-khen-tinh", nominee: best.subject,
                                                        achievementSummary: "Dẫn đầu khối.", scoreSnapshot: best.snapshot)))
        }
        return data
    }()

    static var firstUnit: Subject {
        sample.sheets.keys.filter { $0.year == 2025 && $0.subject.kind == .collective }.map(\.subject).sorted().first!
    }

    static let requests: [(String, DocumentRequest)] = [
        ("danh-sach-giay-khen-xa-2025", DocumentRequest(kind: .nominationList, year: 2025, formID: "giay-khen-xa", number: "12", date: today)),
        ("danh-sach-2025", DocumentRequest(kind: .nominationList, year: 2025, date: today)),
        ("to-trinh-giay-khen-xa-2025", DocumentRequest(kind: .submission, year: 2025, formID: "giay-khen-xa", number: "12", date: today)),
        ("to-trinh-bang-khen-tinh-2025", DocumentRequest(kind: .submission, year: 2025, formID: "bang-khen-tinh", date: today)),
        ("quyet-dinh-2025", DocumentRequest(kind: .decision, year: 2025, number: "215", date: today)),
        ("bien-ban-2025", DocumentRequest(kind: .minutes, year: 2025, date: today)),
        ("tong-hop-diem-2025", DocumentRequest(kind: .scoreSummary, year: 2025, date: today)),
        ("phieu-cham-2025", DocumentRequest(kind: .scoreSheet, year: 2025, subject: firstUnit, date: today)),
        ("tinh-hinh-bao-cao-2026", DocumentRequest(kind: .reportStatus, year: 2026, date: today)),
        ("bao-cao-nam-2025", DocumentRequest(kind: .yearReport, year: 2025, number: "88", date: today)),
        ("lich-su-khen-thuong", DocumentRequest(kind: .awardHistory, year: 2025, subject: firstUnit, date: today)),
    ]

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__documents__")

    @Test(arguments: requests.map(\.0)) func textRendering(name: String) throws {
        let request = try #require(Self.requests.first { $0.0 == name }?.1)
        let document = try DocumentBuilder.build(request, data: Self.sample)
        let text = TextWriter(width: 100).render(document)
        let url = Self.directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "document \(name) differs from its golden; UPDATE_GOLDENS=1 to accept")
    }

    @Test func everyKindHasAGoldenAndAnAsciiFileName() {
        #expect(Set(Self.requests.map(\.1.kind)) == Set(DocumentKind.allCases))
        let request = DocumentRequest(kind: .nominationList, year: 2026, formID: "giay-khen-xa", date: Self.today)
        #expect(request.fileName(extension: "pdf") == "danh-sach-giay-khen-xa-2026.pdf")
        #expect(DocumentRequest(kind: .minutes, year: 2026, period: .endOfPhase, date: Self.today).fileName(extension: "docx")
                == "bien-ban-tong-ket.docx")
        #expect(DocumentRequest(kind: .awardHistory, year: 2026, subject: .person("CN00012"), date: Self.today)
                    .fileName(extension: "txt") == "lich-su-khen-thuong-person-cn00012.txt")
    }

    @Test func theListHasTheNamesInSectionsAndTheReference() throws {
        let document = try DocumentBuilder.build(Self.requests[0].1, data: Self.sample)
        let text = TextWriter(width: 160).render(document)
        #expect(text.contains("I. TẬP THỂ (3)"))
        #expect(text.contains("II. CÁ NHÂN (2)"))
        #expect(text.contains("(Kèm theo Tờ trình số 12/TTr-VHXH ngày 24/11/2026)"))
        let tables = document.tables
        let names = tables.flatMap(\.rows).compactMap { row -> String? in
            if case .data(let cells) = row { return cells[1] } else { return nil }
        }
        #expect(Set(names) == Set(Self.sample.nominations.values.filter { $0.formID == "giay-khen-xa" }
            .map { Self.sample.name(of: $0.nominee) }))
        #expect(tables.map(\.columns.count) == [6, 8])
        #expect(tables[1].columns.map(\.header) == ["STT", "Họ và tên", "Năm sinh (Nam)", "Năm sinh (Nữ)",
                                                    "Chức vụ, đơn vị công tác", "Tóm tắt thành tích",
                                                    "Hình thức đề nghị", "Ghi chú"])
    }

    @Test func badRequestsAreRefusedWithAReason() {
        func message(_ request: DocumentRequest) -> String? {
            do { _ = try DocumentBuilder.build(request, data: Self.sample); return nil } catch { return error.message }
        }
        #expect(message(DocumentRequest(kind: .decision, year: 2025, formID: "bang-khen-tinh", date: Self.today))?
            .hasPrefix("Xã chỉ ra quyết định với hình thức do xã quyết định") == true)
        #expect(message(DocumentRequest(kind: .scoreSummary, year: 2031, date: Self.today))
            == "Năm 2031 nằm ngoài giai đoạn 2025 - 2030.")
        #expect(message(DocumentRequest(kind: .nominationList, year: 2025, formID: "huan-chuong-lao-dong", date: Self.today))
            == "Huân chương Lao động không xét trong đợt «Năm 2025».")
        #expect(message(DocumentRequest(kind: .scoreSheet, year: 2025, date: Self.today))
            == "«Phiếu chấm điểm của một đơn vị, cá nhân» cần chọn một đơn vị hoặc cá nhân.")
        #expect(message(DocumentRequest(kind: .nominationList, year: 2025, formID: "giay-khen", date: Self.today))?
            .hasPrefix("Không có hình thức khen thưởng «giay-khen»") == true)
    }
}
