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

    /// The sample commune as `thidua init --sample` makes it: the 2025 round voted, decided by
    /// the commune (215/QĐ-UBND) and the province, with two late proposals still «Dự kiến».
    static let sample: Dataset = try! SampleCommune.build(from: try! Defaults.dataset(), names: try! SampleNames.load())

    static let councilDay = try! CalendarDate(year: 2025, month: 12, day: 16)
    static let decisionDay = try! CalendarDate(year: 2025, month: 12, day: 22)

    static var firstUnit: Subject {
        sample.sheets.keys.filter { $0.year == 2025 && $0.subject.kind == .collective }.map(\.subject).sorted().first!
    }

    static let requests: [(String, DocumentRequest)] = [
        ("danh-sach-giay-khen-xa-2025", DocumentRequest(kind: .nominationList, year: 2025, formID: "giay-khen-xa", date: today)),
        ("danh-sach-2025", DocumentRequest(kind: .nominationList, year: 2025, date: today)),
        ("to-trinh-giay-khen-xa-2025", DocumentRequest(kind: .submission, year: 2025, formID: "giay-khen-xa", number: "12", date: councilDay)),
        ("to-trinh-tinh-2025", DocumentRequest(kind: .submission, year: 2025, target: .provinceChairman, date: councilDay)),
        ("quyet-dinh-2025", DocumentRequest(kind: .decision, year: 2025, number: "215/QĐ-UBND", date: decisionDay)),
        ("tien-thuong-2025", DocumentRequest(kind: .rewardList, year: 2025, number: "215", date: decisionDay)),
        ("bien-ban-2025", DocumentRequest(kind: .minutes, year: 2025, date: councilDay)),
        ("tong-hop-diem-2025", DocumentRequest(kind: .scoreSummary, year: 2025, date: today)),
        ("phieu-cham-2025", DocumentRequest(kind: .scoreSheet, year: 2025, subject: firstUnit, date: today)),
        ("tinh-hinh-bao-cao-2026", DocumentRequest(kind: .reportStatus, year: 2026, date: today)),
        ("bao-cao-nam-2025", DocumentRequest(kind: .yearReport, year: 2025, number: "88", date: today)),
        ("lich-su-khen-thuong", DocumentRequest(kind: .awardHistory, year: 2025, subject: firstAwarded, date: today)),
        ("don-doc-2026", DocumentRequest(kind: .reportReminder, year: 2026, number: "52", date: today)),
        ("so-cap-phat-2025", DocumentRequest(kind: .certificateRegister, year: 2025, date: today)),
    ]

    /// The sample after the Giấy khen of 215/QĐ-UBND were printed on 23/12/2025, the first of
    /// them printed again the next day with its achievement edited: what the register lists.
    static let printed: Dataset = {
        var data = sample
        let first = try! CertificateRegister.printing(decisionNumber: "215/QĐ-UBND", formID: "giay-khen-xa", in: data,
                                                      time: "2025-12-23T09:00:00+07:00", user: "lan")
        _ = try! data.applyInPlace(first.change, context: context)
        let id = first.certificates[0].nominationID
        _ = try! data.applyInPlace(try! CertificateRegister.editing(id, texts: [.achievement: "Có sáng kiến số hoá hồ sơ một cửa."],
                                                                    in: data), context: context)
        let again = try! CertificateRegister.printing(decisionNumber: "215/QĐ-UBND", formID: "giay-khen-xa", chosen: [id], in: data,
                                                      time: "2025-12-24T14:00:00+07:00", user: "minh")
        _ = try! data.applyInPlace(again.change, context: context)
        return data
    }()

    /// The document `request` makes of the sample: the register of `printed`, the others of
    /// `sample`.
    static func build(_ request: DocumentRequest) throws -> Document {
        try DocumentBuilder.build(request, data: request.kind == .certificateRegister ? printed : sample)
    }

    /// The first subject that received an award in the sample.
    static var firstAwarded: Subject {
        sample.awards.values.sorted { $0.id < $1.id }.first!.recipient
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__documents__")

    @Test(arguments: requests.map(\.0)) func textRendering(name: String) throws {
        let request = try #require(Self.requests.first { $0.0 == name }?.1)
        let document = try Self.build(request)
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
        #expect(DocumentRequest(kind: .certificateRegister, year: 2025, formID: "giay-khen-xa", date: Self.today)
                    .fileName(extension: "xlsx") == "so-cap-phat-giay-khen-xa-2025.xlsx")
    }

    @Test func theRegisterIsRefusedBeforeAnythingIsPrinted() {
        let request = DocumentRequest(kind: .certificateRegister, year: 2025, formID: "bang-khen-tinh", date: Self.today)
        #expect(throws: DocumentError("Sổ cấp phát năm 2025 chưa có Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh nào được in "
                                      + "(giấy khen được ghi sổ khi in từ quyết định).")) {
            try DocumentBuilder.build(request, data: Self.printed)
        }
    }

    @Test func theCouncilListHasTheOpenNominationsInSections() throws {
        let document = try DocumentBuilder.build(Self.requests[0].1, data: Self.sample)
        let open = Self.sample.nominations.values.filter { $0.period == .year(2025) && $0.status == .proposed }
        let collectives = Set(open.filter { $0.nominee.kind == .collective }.map(\.nominee)).count
        let individuals = Set(open.filter { $0.nominee.kind == .individual }.map(\.nominee)).count
        #expect(collectives > 0 && individuals > 0, "the sample's late 2025 proposals have both kinds")
        let text = TextWriter(width: 160).render(document)
        #expect(text.contains("I. TẬP THỂ (\(collectives))"))
        #expect(text.contains("II. CÁ NHÂN (\(individuals))"))
        #expect(text.contains("(Trình Hội đồng Thi đua - Khen thưởng xã xét, lập ngày 24/11/2026)"))
        let tables = document.tables
        let names = tables.flatMap(\.rows).compactMap { row -> String? in
            if case .data(let cells) = row { return cells[1] } else { return nil }
        }
        #expect(names.sorted() == open.map { Self.sample.name(of: $0.nominee) }.sorted())
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
