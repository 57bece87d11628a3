import Foundation
import ThiDuaDomain
import ThiDuaOutput

/// The certificates (Giấy khen) of one decision before they print: what each says, its
/// number in the register (kept from an earlier printing, or the next ones), and the blank it
/// prints on. Tab picks a certificate and e edits its text. F5 records the printing in the
/// register, then prints; if printing fails, the record is taken back, so the register never
/// lists a printing that did not happen.
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
        case print, next, previous, edit
        public static let context: CommandContext = "certificates"
        public var declaration: CommandDeclaration {
            switch self {
            case .print: CommandDeclaration("In", fKey: 5, twin: .char("p"),
                                            help: "ghi số vào sổ cấp phát rồi in lên phôi (máy không có máy in thì lưu PDF)")
            case .next: CommandDeclaration("Giấy sau", twin: .tab)
            case .previous: CommandDeclaration("Giấy trước", twin: .backTab)
            case .edit: CommandDeclaration("Sửa chữ", fKey: 4, twin: .char("e"), keys: [.enter],
                                           help: "sửa chữ của giấy đang chọn; in lại vẫn dùng chữ đã sửa")
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
    /// The preview's lines before wrapping (a certificate's texts are indented under its
    /// heading; a heading names the certificate's index), and the width they were last wrapped
    /// to: every word of the text is read before it prints.
    private var lines: [(indented: Bool, heading: Int?, text: String)] = []
    private var wrappedWidth = 0
    /// The certificate Tab has picked, marked ▶ and kept in view.
    private(set) var selected = 0
    private var problem: String?

    /// The certificates of `decision` for `formID`: those of `chosen` only, when given.
    public init(session: Session, decision: String, formID: String, chosen: Set<NominationID>?) {
        self.decision = decision
        self.formID = formID
        self.chosen = chosen
        refresh(session)
    }

    public var hint: String? { problem ?? "F5 hoặc p: ghi số vào sổ và in · Tab chọn giấy, e sửa chữ · Esc về danh sách" }

    public func dataChanged(session: Session) { refresh(session) }

    /// What would print now: numbers given so far are kept, new ones are the next free.
    private func refresh(_ session: Session) {
        do {
            let plan = try plan(session)
            preview = plan.certificates
            problem = nil
            let data = session.data
            let reprints = plan.certificates.filter { data.nominations[$0.nominationID]?.certificate?.isPrinted == true }.count
            lines = [(false, nil, "Quyết định \(decision): \(plan.certificates.count) giấy"
                      + (reprints > 0 ? ", \(reprints) giấy đã in (in lại giữ số cũ)." : ".")), (false, nil, "")]
            for (index, text) in plan.certificates.enumerated() {
                let blank = data.certificateLayout(of: text)
                let edited = data.nominations[text.nominationID]?.certificate?.edits.isEmpty == false
                lines.append((false, index, text[.number] + " · " + [text[.salutation], text[.name]].filter { !$0.isEmpty }.joined(separator: " ")
                              + (edited ? " (chữ đã sửa riêng)" : "")))
                if !text[.positionAndUnit].isEmpty { lines.append((true, nil, text[.positionAndUnit])) }
                lines.append((true, nil, text[.achievement]))
                let signer = text[.signerName].isEmpty ? "chưa có họ tên người ký (e để gõ)" : text[.signerName]
                lines.append((true, nil, "Ký: \(CertificateTextScreen.shown(text[.signerTitle])) — \(signer); \(text[.placeAndDate])"))
                lines.append((true, nil, "Phôi \(CertificateLayout.millimetres(blank.pageWidth)) × \(CertificateLayout.millimetres(blank.pageHeight)) mm"))
                lines.append((false, nil, ""))
            }
        } catch {
            preview = []
            problem = error.message
            lines = [(false, nil, error.message)]
        }
        selected = min(selected, max(0, preview.count - 1))
        wrappedWidth = 0
    }

    private func plan(_ session: Session) throws(DomainError) -> (change: Change, certificates: [CertificateText]) {
        try CertificateRegister.printing(decisionNumber: decision, formID: formID, chosen: chosen, in: session.data,
                                         time: Timestamp.string(session.context.clock.now()), user: session.context.user)
    }

    public func handle(_ key: Key, session: Session) -> [Action]? {
        pager.screenActions(for: key)
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .print:
            let plan: (change: Change, certificates: [CertificateText])
            do { plan = try self.plan(session) } catch { return [.message(error.message)] }
            guard let form = session.data.catalog.form(formID) else { return [.message("Không có hình thức «\(formID)».")] }
            let job = CertificatePrintJob(decision: decision, form: form, certificates: plan.certificates, in: session.data)
            return [.commit(plan.change) { .recorded($0, job: job) }]
        case .next, .previous:
            guard !preview.isEmpty else { return [] }
            selected = (selected + (command == .next ? 1 : -1) + preview.count) % preview.count
            wrappedWidth = 0
            return []
        case .edit:
            guard preview.indices.contains(selected) else { return [.message(problem ?? "Không có giấy nào để sửa.")] }
            return [.push(CertificateTextScreen(session: session, certificate: preview[selected]))]
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
        let width = max(10, rect.width - 1)
        pager.fitScreen(rect)
        if width != wrappedWidth {
            // The picked certificate's lines: from its heading to the blank line after it.
            var wrapped: [String] = []
            var first: Int?, last = 0
            for line in lines {
                let indent = line.indented ? "    " : line.heading == nil ? "" : line.heading == selected ? "▶ " : "  "
                if line.heading == selected { first = wrapped.count }
                wrapped += TextWrap.wrap(line.text, width: width - indent.count).map { indent + $0 }
                if first != nil, last == 0, line.text.isEmpty { last = wrapped.count }
            }
            pager.setLines(wrapped)
            if let first { pager.reveal(first..<max(first + 1, last)) }
            wrappedWidth = width
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        pager.renderScreen(into: &buffer, rect: rect)
    }
}
