import Foundation
import Testing
import ThiDuaDomain
import ThiDuaStore
import ThiDuaTestSupport

/// The register of printed certificates, from the sample commune's decided 2025 round: numbers
/// are given once, in the decision's list order, per form and year; printing again keeps them
/// and marks a reprint; a number taken twice is refused; what is printed lasts in the folder.
@Suite struct CertificateRegisterTests {
    static let context = ChangeContext(clock: FixedClock(year: 2025, month: 12, day: 23), user: "lan")
    static let time = "2025-12-23T09:00:00+07:00"

    /// The sample, and the number of the Giấy khen xã decision of its 2025 round.
    static func sample() throws -> (Dataset, String) {
        let data = CertificateTextTests.sample
        let number = try #require(CertificateTextTests.decided.first?.decision?.number)
        return (data, number)
    }

    @Test func aDecisionIsNumberedInItsListOrderFromOne() throws {
        var (data, decision) = try Self.sample()
        let printed = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: data,
                                                       time: Self.time, user: "lan")
        _ = try data.applyInPlace(printed.change, context: Self.context)
        let decided = CertificateTextTests.decided
        let inOrder = data.sortedNominations(decided).map(\.id)
        let numbers = inOrder.map { data.nominations[$0]?.certificate?.number }
        #expect(numbers == (1...decided.count).map { "\($0)/GK-2025" })
        #expect(printed.certificates.map(\.nominationID) == inOrder)
        #expect(printed.certificates.map { $0[.number] } == numbers.map { "Số: \($0!)" })
        #expect(CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: data).map(\.nomination.id) == inOrder)
    }

    @Test func printingTheDecisionAgainKeepsEveryNumberAndMarksAReprint() throws {
        var (data, decision) = try Self.sample()
        let first = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: data,
                                                     time: Self.time, user: "lan")
        _ = try data.applyInPlace(first.change, context: Self.context)
        let second = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: data,
                                                      time: "2025-12-24T08:00:00+07:00", user: "minh")
        _ = try data.applyInPlace(second.change, context: Self.context)
        #expect(second.certificates.map { $0[.number] } == first.certificates.map { $0[.number] })
        for entry in CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: data) {
            #expect(entry.issue.isReprinted && entry.issue.printings.map(\.user) == ["lan", "minh"])
        }
    }

    @Test func theMarkedFirstThenTheRestContinueTheCount() throws {
        var (data, decision) = try Self.sample()
        let decided = data.sortedNominations(CertificateTextTests.decided)
        let marked = Set(decided.suffix(2).map(\.id))
        let some = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", chosen: marked,
                                                    in: data, time: Self.time, user: "lan")
        _ = try data.applyInPlace(some.change, context: Self.context)
        #expect(some.certificates.map { $0[.number] } == ["Số: 1/GK-2025", "Số: 2/GK-2025"])
        let all = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: data,
                                                   time: Self.time, user: "lan")
        _ = try data.applyInPlace(all.change, context: Self.context)
        let serials = CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: data).map(\.issue.serial)
        #expect(serials == Array(1...decided.count))
        #expect(Set(marked.compactMap { data.nominations[$0]?.certificate?.serial }) == [1, 2])
    }

    @Test func aNumberGivenTwiceIsRefusedNamingWhoHasIt() throws {
        var (data, decision) = try Self.sample()
        let printed = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: data,
                                                       time: Self.time, user: "lan")
        _ = try data.applyInPlace(printed.change, context: Self.context)
        let entries = CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: data)
        var second = entries[1].nomination
        second.certificate?.serial = 1
        #expect {
            _ = try data.applyInPlace(.updateNomination(nomination: second), context: Self.context)
        } throws: { error in
            (error as? DomainError)?.message.contains("đã cấp cho đề nghị \(entries[0].nomination.id)") == true
        }
        var open = try #require(data.nominations.values.first { $0.status != .awarded })
        open.certificate = entries[0].issue
        #expect(throws: DomainError.self) {
            _ = try data.applyInPlace(.updateNomination(nomination: open), context: Self.context)
        }
    }

    @Test func aDecisionThatGrantsNothingOfTheFormIsNamed() throws {
        let (data, _) = try Self.sample()
        #expect {
            _ = try CertificateRegister.printing(decisionNumber: "999/QĐ-UBND", formID: "giay-khen-xa", in: data,
                                                 time: Self.time, user: "lan")
        } throws: { error in
            (error as? DomainError)?.message == "Quyết định 999/QĐ-UBND không khen Giấy khen của Chủ tịch UBND xã cho ai."
        }
    }

    /// Edited text is kept with the certificate, printed again as edited, and everything lasts
    /// through the journal: a fresh open of the folder has the register as printed.
    @Test func theRegisterAndEditedTextLastInTheFolder() throws {
        let root = NSTemporaryDirectory() + "thidua-register-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (sample, decision) = try Self.sample()
        try DataStore.initialize(folder: root, with: sample)
        let store = try DataStore.open(folder: root, clock: FixedClock(year: 2025, month: 12, day: 23),
                                       identity: Identity(user: "lan", host: "may1", pid: 1))
        let printed = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: store.dataset,
                                                       time: Self.time, user: "lan")
        _ = try store.commit(printed.change)
        var edited = try #require(store.dataset.nominations[printed.certificates[0].nominationID])
        edited.certificate?.edits = [.achievement: "Có sáng kiến số hoá hồ sơ một cửa."]
        _ = try store.commit(.updateNomination(nomination: edited))
        let again = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: store.dataset,
                                                     time: Self.time, user: "lan")
        #expect(again.certificates[0][.achievement] == "Có sáng kiến số hoá hồ sơ một cửa.")
        try store.close()
        let reopened = try DataStore.open(folder: root, options: .init(createIfMissing: false, readOnly: true)).dataset
        #expect(CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: reopened).count == printed.certificates.count)
        #expect(reopened.nominations[edited.id]?.certificate?.edits == [.achievement: "Có sáng kiến số hoá hồ sơ một cửa."])
    }

    @Test func textEditedBeforeTheFirstPrintingIsKeptUnnumberedThenPrintedAndReused() throws {
        var (data, decision) = try Self.sample()
        let first = try #require(data.sortedNominations(CertificateTextTests.decided).first)
        let edit = try CertificateRegister.editing(first.id, texts: [.achievement: "Có sáng kiến số hoá hồ sơ một cửa.",
                                                                     .signerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"], in: data)
        _ = try data.applyInPlace(edit, context: Self.context)
        let unprinted = try #require(data.nominations[first.id]?.certificate)
        #expect(!unprinted.isPrinted && unprinted.number.isEmpty && unprinted.edits.count == 2)
        // Not in the register, and it takes no number from it.
        #expect(CertificateRegister.entries(formID: "giay-khen-xa", year: 2025, in: data).isEmpty)

        let printed = try CertificateRegister.printing(decisionNumber: decision, formID: "giay-khen-xa", in: data,
                                                       time: Self.time, user: "lan")
        _ = try data.applyInPlace(printed.change, context: Self.context)
        let certificate = try #require(printed.certificates.first { $0.nominationID == first.id })
        #expect(certificate[.achievement] == "Có sáng kiến số hoá hồ sơ một cửa." && certificate[.number] == "Số: 1/GK-2025")
        #expect(data.nominations[first.id]?.certificate?.edits.count == 2)

        // Typed back as the record has it, a field follows the record again.
        let record = CertificateText.make(for: first, number: "", in: data)
        let back = try CertificateRegister.editing(first.id, texts: [.achievement: record[.achievement]], in: data)
        _ = try data.applyInPlace(back, context: Self.context)
        #expect(data.nominations[first.id]?.certificate?.edits == [.signerTitle: "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"])
        #expect(data.nominations[first.id]?.certificate?.number == "1/GK-2025")
    }

    @Test func theNumberIsNotEditedAndOnlyADecidedNominationHasACertificate() throws {
        let (data, _) = try Self.sample()
        let first = try #require(CertificateTextTests.decided.first)
        #expect(throws: DomainError.self) { try CertificateRegister.editing(first.id, texts: [.number: "Số: 7/GK-2025"], in: data) }
        let undecided = try #require(data.nominations.values.sorted { $0.id < $1.id }.first { $0.status != .awarded })
        do {
            _ = try CertificateRegister.editing(undecided.id, texts: [.name: "Tên khác"], in: data)
            Issue.record("an undecided nomination took a certificate text")
        } catch {
            #expect(error.message.contains("đã có quyết định khen"))
        }
        // Typing the record's own text leaves no certificate behind.
        let same = try CertificateRegister.editing(first.id, texts: [.name: CertificateText.make(for: first, number: "", in: data)[.name]],
                                                   in: data)
        #expect(same == .updateNomination(nomination: first))
    }

    @Test func aPrinterTakesItsOwnOffsetElseTheOneForEveryOtherPrinter() {
        let own = PrinterOffset(printer: "HP-LaserJet", x: 2.5, y: -1)
        let others = PrinterOffset(printer: "", x: 1, y: 1)
        #expect(PrinterOffset.applying(to: "HP-LaserJet", in: [others, own]) == own)
        #expect(PrinterOffset.applying(to: "Canon", in: [others, own]) == others)
        #expect(PrinterOffset.applying(to: nil, in: [others, own]) == others)
        #expect(PrinterOffset.applying(to: "Canon", in: [own]) == nil)
    }

    @Test func aBoxIsPlacedOnlyInsideTheBlank() throws {
        let (data, _) = try Self.sample()
        let form = try #require(data.catalog.form("giay-khen-xa"))
        var box = try #require(form.certificateLayout(for: .individual).layout(of: .name))
        box.x = 12.5
        let placed = try form.placing(box, kind: .individual)
        #expect(placed.certificateLayout(for: .individual).layout(of: .name)?.x == 12.5)
        #expect(placed.certificateLayout(for: .collective) == form.certificateLayout(for: .collective))
        box.x = 290
        do {
            _ = try form.placing(box, kind: .individual)
            Issue.record("a box off the blank was placed")
        } catch {
            #expect(error.message == "Ô «Họ tên / tên tập thể» phải nằm trong phôi 297 × 210 mm, rộng ít nhất 10 mm, chữ cỡ 6 trở lên, ít nhất 1 dòng.")
        }
    }
}
