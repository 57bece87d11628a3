import ThiDuaDomain

/// The «Căn cứ» lines of award documents, each with the days it is in force and the
/// documents that cite it: a document cites the texts in force on its own date. The office
/// corrects the wording here when a law or decree changes; saved as one undoable change.
public final class LegalBasesScreen: SettingsFormScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "legalBases"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi các căn cứ pháp lý")
            }
        }
    }

    public let title = "Căn cứ pháp lý"
    public var form: Form
    public let originalSettings: Settings
    public let closeQuestion = "Đóng mà không lưu các căn cứ đã sửa?"
    public let savedMessage = "Đã lưu các căn cứ pháp lý."

    public init(session: Session) {
        originalSettings = session.data.settings
        form = Form(originalSettings.legalBases.enumerated().map { index, basis in
            FormItem(id: "basis\(index)", label: LegalBasesScreen.label(basis),
                     field: .text(TextField(basis.text, maxLength: 1000, visibleWidth: 60)))
        })
    }

    /// «Từ 01/07/2025 · quyết định»: when the line is in force and which documents cite it.
    static func label(_ basis: LegalBasis) -> String {
        let days: String
        switch (basis.validFrom, basis.validUntil) {
        case (nil, nil): days = "Mọi lúc"
        case (let from?, nil): days = "Từ \(from.display)"
        case (nil, let until?): days = "Đến \(until.display)"
        case (let from?, let until?): days = "\(from.display)–\(until.display)"
        }
        let uses = basis.usedIn == LegalBasisUse.allCases ? "" : " · " + basis.usedIn.map(\.label).joined(separator: ", ")
        return days + uses
    }

    public var hint: String? { "Mỗi dòng in nguyên văn trên văn bản có ngày trong khoảng hiệu lực · F2/^S lưu · Esc đóng." }

    public func draftSettings() throws(DomainError) -> Settings {
        var settings = originalSettings
        for index in settings.legalBases.indices {
            settings.legalBases[index].text = form.text("basis\(index)") ?? ""
        }
        return settings
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: saveChange(session)
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put("Căn cứ in trên tờ trình và quyết định, theo ngày ghi trên văn bản", at: Point(x: rect.x + 2, y: rect.y),
                   style: .bold, clipWidth: rect.width - 4)
        buffer.put("(Nghị định 98/2023 đến 30/06/2025, Nghị định 152/2025 từ 01/07/2025)",
                   at: Point(x: rect.x + 2, y: rect.y + 1), style: .dim, clipWidth: rect.width - 4)
        // The chosen line whole, as it will print.
        form.renderWithFocusedText(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3)))
    }
}

extension LegalBasisUse {
    /// «quyết định», «tờ trình».
    var label: String {
        switch self {
        case .decision: return "quyết định"
        case .submission: return "tờ trình"
        }
    }
}
