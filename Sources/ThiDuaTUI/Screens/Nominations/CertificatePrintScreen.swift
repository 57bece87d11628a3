import Foundation
import ThiDuaDomain
import ThiDuaOutput

/// The certificates (Giấy khen) of one decision before they print: what each says, its
/// number in the register (kept from an earlier printing, or the next ones), and the blank it
/// prints on. F5 records the printing in the register, then prints; if printing fails, the
/// record is taken back, so the register never lists a printing that did not happen.
public final class CertificatePrintScreen: CommandScreen {
    public enum Message {
        /// The register recorded the printing (or refused it); `job` prints next.
        case recorded(CommitResult, job: CertificatePrintJob)
        /// What printing did; `undo` takes the register's record back when it failed.
        case printed(Result<PrintOutcome, DocumentOutputError>, undo: Change)
        /// The register's record of a printing that failed for `reason` was taken back.
        case takenBack(CommitResult, reason: String)
    }

    public enum Commands: CommandSet {
        case print
        public static let context: CommandContext = "certificates"
        public var declaration: CommandDeclaration {
            switch self {
            case .print: CommandDeclaration("In", fKey: 5, twin: .char("p"),
                                            help: "ghi số vào sổ cấp phát rồi in lên phôi (máy không có máy in thì lưu PDF)")
            }
        }
    }

    public let title = "In giấy khen"
    private let decision: String
    private let formID: String
    private let chosen: Set<NominationID>?
    /// The certificates as they would print now, and the lines that show them.
    private(set) var preview: [CertificateText] = []
    private(set) var pager = Pager(lines: [], keysHint: "↑↓ PgUp PgDn cuộn")
    private var problem: String?

    /// The certificates of `decision` for `formID`: those of `chosen` only, when given.
    public init(session: Session, decision: String, formID: String, chosen: Set<NominationID>?) {
        self.decision = decision
        self.formID = formID
        self.chosen = chosen
        refresh(session)
    }

    public var hint: String? { problem ?? "F5 hoặc p: ghi số vào sổ và in · Esc về danh sách" }

    public func dataChanged(session: Session) { refresh(session) }

    /// What would print now: numbers given so far are kept, new ones are the next free.
    private func refresh(_ session: Session) {
        do {
            let plan = try plan(session)
            preview = plan.certificates
            problem = nil
            let data = session.data
            let reprints = plan.certificates.filter { data.nominations[$0.nominationID]?.certificate != nil }.count
            var lines = ["Quyết định \(decision): \(plan.certificates.count) giấy"
                         + (reprints > 0 ? ", \(reprints) giấy đã in (in lại giữ số cũ)." : "."), ""]
            for text in plan.certificates {
                let blank = layout(of: text, data: data)
                lines.append(text[.number] + "  " + [text[.salutation], text[.name]].filter { !$0.isEmpty }.joined(separator: " "))
                if !text[.positionAndUnit].isEmpty { lines.append("    \(text[.positionAndUnit])") }
                lines.append("    \(text[.achievement])")
                lines.append("    Phôi \(CertificateLayout.millimetres(blank.pageWidth)) × \(CertificateLayout.millimetres(blank.pageHeight)) mm")
                lines.append("")
            }
            pager.setLines(lines)
        } catch {
            preview = []
            problem = error.message
            pager.setLines([error.message])
        }
    }

    private func plan(_ session: Session) throws(DomainError) -> (change: Change, certificates: [CertificateText]) {
        try CertificateRegister.printing(decisionNumber: decision, formID: formID, chosen: chosen, in: session.data,
                                         time: Timestamp.string(session.context.clock.now()), user: session.context.user)
    }

    private func layout(of text: CertificateText, data: Dataset) -> CertificateLayout {
        let kind = data.nominations[text.nominationID]?.nominee.kind ?? .individual
        return data.catalog.form(formID)?.certificateLayout(for: kind)
            ?? CertificateLayout.defaults[0]
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        pager.screenActions(for: key)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .print:
            let plan: (change: Change, certificates: [CertificateText])
            do { plan = try self.plan(session) } catch { return [.message(error.message)] }
            let form = session.data.catalog.form(formID)
            let job = CertificatePrintJob(
                certificates: plan.certificates, layouts: plan.certificates.map { layout(of: $0, data: session.data) },
                title: "\(form?.shortName ?? formID) \(decision)",
                fileName: "giay-khen-\(VietnameseText.searchFold(decision).replacingOccurrences(of: "/", with: "-")).pdf")
            return [.commit(plan.change) { .recorded($0, job: job) }]
        }
    }

    public func update(_ message: Message, session: Session) -> [Action] {
        switch message {
        case .recorded(.success(let applied), let job):
            return [.printCertificates(job) { .printed($0, undo: applied.inverse) }]
        case .recorded(.failure(let error), _):
            return [.message("Chưa in: \(error.message)")]
        case .printed(.success(let outcome), _):
            let numbers = preview.compactMap { session.data.nominations[$0.nominationID]?.certificate?.number }
            let range = numbers.count > 3 ? "\(numbers[0]) … \(numbers[numbers.count - 1])" : numbers.joined(separator: ", ")
            return [.pop, .message(outcome.message + " Sổ cấp phát: \(range) (\(numbers.count) giấy).")]
        case .printed(.failure(let error), let undo):
            return [.commit(undo) { .takenBack($0, reason: error.message) }]
        case .takenBack(.success, let reason):
            return [.message("\(reason) Sổ cấp phát không ghi lần in này.")]
        case .takenBack(.failure(let error), let reason):
            return [.message("\(reason) Sổ cấp phát vẫn ghi lần in này (không bỏ được: \(error.message)); hoàn tác bằng u.")]
        }
    }

    public func layout(_ rect: Rect, session: Session) {
        pager.setViewportRows(rect.height)
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        guard !rect.isEmpty else { return }
        pager.render(into: &buffer, rect: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 1, height: rect.height),
                     focused: true)
    }
}
