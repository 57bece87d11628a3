import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
@testable import ThiDuaRender

/// What a certificate says, from the sample commune's decided 2025 round: whom it names and
/// how, the decision's place and date, who signs; and the whole decision printed as one PDF.
@Suite struct CertificateTextTests {
    static let sample: Dataset = try! SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load())

    /// The round's Giấy khen xã granted by a decision, people and collectives.
    static var decided: [Nomination] {
        sample.nominations.values.filter { $0.formID == "giay-khen-xa" && $0.decision != nil }.sorted { $0.id < $1.id }
    }

    @Test func aPersonIsNamedWithTheirSalutationPositionAndUnit() throws {
        let nomination = try #require(Self.decided.first { if case .person = $0.nominee { true } else { false } })
        guard case .person(let id) = nomination.nominee, let person = Self.sample.people[id] else { return }
        let decision = try #require(nomination.decision)
        let text = CertificateText.make(for: nomination, number: "3/GK-2025", in: Self.sample)
        #expect(text[.salutation] == (person.gender == .male ? "Ông" : "Bà"))
        #expect(text[.name] == person.fullName)
        let unit = person.unitID.flatMap { Self.sample.units[$0]?.name }
        #expect(text[.positionAndUnit] == [person.position, unit ?? ""].filter { !$0.isEmpty }.joined(separator: ", "))
        #expect(text[.placeAndDate] == VietnameseDate.long(decision.date, place: Self.sample.settings.communeName))
        #expect(text[.decision] == "Quyết định số \(decision.number) ngày \(decision.date.display)")
        #expect(text[.number] == "Số: 3/GK-2025")
        #expect(text[.signerTitle] == "CHỦ TỊCH" && text[.signerName] == Self.sample.settings.signer.name)
        #expect(text.label == "\(person.fullName) (\(id.rawValue))")
    }

    @Test func aCollectiveHasNoSalutationAndItsFullName() throws {
        let nomination = try #require(Self.decided.first { if case .unit = $0.nominee { true } else { false } })
        let text = CertificateText.make(for: nomination, number: "", in: Self.sample)
        #expect(text[.salutation].isEmpty && text[.positionAndUnit].isEmpty && text[.number].isEmpty)
        #expect(text[.name] == Self.sample.name(of: nomination.nominee))
    }

    @Test func aDeputySignsWhenTheSettingsSaySoAndEditsReplaceTheirFields() throws {
        var data = Self.sample
        var settings = data.settings
        settings.decisionSigning = DecisionSigning(byDeputy: true, deputyName: "Lương Thị Hạnh")
        _ = try data.applyInPlace(.updateSettings(settings: settings), context: ChangeContext(clock: FixedClock(year: 2025, month: 12, day: 20), user: "lan"))
        let nomination = try #require(Self.decided.first)
        let text = CertificateText.make(for: nomination, number: "1/GK-2025", in: data,
                                        edits: [.achievement: "Có sáng kiến số hoá hồ sơ một cửa."])
        #expect(text[.signerTitle] == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" && text[.signerName] == "Lương Thị Hạnh")
        #expect(text[.achievement] == "Có sáng kiến số hoá hồ sơ một cửa.")
    }

    @Test func aHigherAwardIsSignedInItsIssuersNameNeverTheCommuneChairmans() throws {
        let provincial = try #require(Self.sample.nominations.values.sorted { $0.id < $1.id }
            .first { $0.formID == "bang-khen-tinh" && $0.decision != nil })
        let decision = try #require(provincial.decision)
        let text = CertificateText.make(for: provincial, number: "1/BK-2026", in: Self.sample)
        #expect(text[.placeAndDate] == VietnameseDate.long(decision.date, place: "Thái Nguyên"))
        #expect(text[.signerTitle] == "CHỦ TỊCH" && text[.signerName].isEmpty)
        let catalog = Self.sample.catalog
        #expect(CertificateText.signing(catalog.form("bang-khen-thu-tuong"), settings: Self.sample.settings) == ("Hà Nội", "THỦ TƯỚNG", ""))
        #expect(CertificateText.signing(catalog.form("huan-chuong-lao-dong"), settings: Self.sample.settings)
                == ("Hà Nội", "CHỦ TỊCH NƯỚC", ""))
    }

    @Test func anEmptySummaryGivesTheMovementsWording() throws {
        var nomination = try #require(Self.decided.first)
        nomination.achievementSummary = ""
        let text = CertificateText.make(for: nomination, number: "", in: Self.sample)
        #expect(text[.achievement] == "Đã có thành tích xuất sắc trong phong trào thi đua “\(Self.sample.settings.movementName)” năm 2025.")
    }

    /// The decision's certificates as one PDF on the default Giấy khen layouts (a person's and a
    /// collective's differ): every name is on its own page, in the PDF's text.
    @Test func aWholeDecisionPrintsOnePagePerCertificate() throws {
        var pages = 0
        for kind in SubjectKind.allCases {
            let layout = try #require(CertificateLayout.defaults.first { $0.formID == "giay-khen-xa" && $0.subjectKind == kind })
            let chosen = Self.decided.filter { $0.nominee.kind == kind }
            let texts = chosen.enumerated().map { CertificateText.make(for: $1, number: "\($0 + 1)/GK-2025", in: Self.sample) }
            guard !texts.isEmpty else { continue }
            let data = try CertificatePDF().data(texts, layout: layout, title: "Giấy khen")
            let reading = try PDFReading(data, name: "certificates-\(UUID().uuidString).pdf")
            let read = try reading.pages()
            #expect(read.count == texts.count)
            for (page, text) in zip(read, texts) {
                #expect(page.contains(text[.name].uppercased()), "\(text.label)")
            }
            pages += read.count
        }
        #expect(pages == Self.decided.count && pages > 1)
    }
}
