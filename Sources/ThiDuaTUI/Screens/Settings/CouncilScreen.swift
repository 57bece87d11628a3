import ThiDuaDomain

/// The emulation council for the minutes: its roster (chair, secretary, members), and the
/// meeting of the period now chosen (times, place, who was absent). Members are typed one
/// after another, «Tên, chức vụ; Tên, chức vụ». Nothing left empty is ever filled with a guess:
/// the minutes print blanks for it. Saved as one undoable change of the settings.
public final class CouncilScreen: SettingsFormScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "council"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi thành phần hội đồng và cuộc họp của đợt")
            }
        }
    }

    public let title = "Hội đồng Thi đua - Khen thưởng"
    public var form: Form
    public let originalSettings: Settings
    public let closeQuestion = "Đóng mà không lưu thành phần hội đồng?"
    public let savedMessage = "Đã lưu thành phần hội đồng."
    private let period: Period

    public init(session: Session) {
        let settings = session.data.settings, period = Period.year(session.year)
        originalSettings = settings
        self.period = period
        let roster = settings.councilRoster
        let meeting = settings.councilMeetings.first { $0.period == period }
        func text(_ value: String, _ width: Int = 40) -> FormField { .text(TextField(value, maxLength: 4000, visibleWidth: width)) }
        form = Form([
            FormItem(id: "chair", label: "Chủ tịch Hội đồng", field: text(roster.chair?.name ?? "", 30)),
            FormItem(id: "chairPosition", label: "Chức vụ", field: text(roster.chair?.position ?? "")),
            FormItem(id: "secretary", label: "Thư ký", field: text(roster.secretary?.name ?? "", 30)),
            FormItem(id: "secretaryPosition", label: "Chức vụ", field: text(roster.secretary?.position ?? "")),
            FormItem(id: "members", label: "Thành viên", field: text(CouncilScreen.list(roster.members), 50)),
            FormItem(id: "start", label: "Họp \(period.label(settings: settings).lowercased()): bắt đầu", field: text(meeting?.startTime ?? "", 6)),
            FormItem(id: "end", label: "Kết thúc", field: text(meeting?.endTime ?? "", 6)),
            FormItem(id: "place", label: "Địa điểm", field: text(meeting?.place ?? "")),
            FormItem(id: "absent", label: "Vắng mặt", field: text(CouncilScreen.list(meeting?.absent ?? []), 50)),
        ])
    }

    /// «Tên, chức vụ; Tên, chức vụ».
    static func list(_ members: [CouncilMember]) -> String {
        members.map(\.described).joined(separator: "; ")
    }

    /// The members typed as «Tên, chức vụ; …»: the name is what comes before the first comma.
    static func members(_ text: String) -> [CouncilMember] {
        text.split(separator: ";").compactMap { entry in
            let parts = entry.split(separator: ",", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return CouncilMember(name: name, position: parts.count > 1 ? parts[1] : "")
        }
    }

    public var hint: String? {
        switch form.focusedItem?.id {
        case "members", "absent": return "Mỗi người «Tên, chức vụ», cách nhau bằng «;» · F2/^S lưu."
        case "start", "end": return "Giờ dạng 08:00; để trống thì biên bản để chỗ điền tay."
        default: return "Để trống thì biên bản để chỗ điền tay · F2/^S lưu · Esc đóng."
        }
    }

    public func draftSettings() throws(DomainError) -> Settings {
        var settings = originalSettings
        func member(_ name: String, _ position: String) -> CouncilMember? {
            let name = form.text(name) ?? ""
            return name.isEmpty ? nil : CouncilMember(name: name, position: form.text(position) ?? "")
        }
        let chair = member("chair", "chairPosition"), secretary = member("secretary", "secretaryPosition")
        let members = Self.members(form.text("members") ?? "")
        settings.councilRoster = CouncilRoster(chair: chair, secretary: secretary, members: members)
        let absent = Self.members(form.text("absent") ?? "")
        let meeting = CouncilMeeting(period: period, startTime: form.text("start") ?? "", endTime: form.text("end") ?? "",
                                     place: form.text("place") ?? "", chair: chair, secretary: secretary,
                                     present: members.filter { member in !absent.contains { $0.name == member.name } },
                                     absent: absent)
        settings.councilMeetings.removeAll { $0.period == period }
        let blankDay = meeting.startTime.isEmpty && meeting.endTime.isEmpty && meeting.place.isEmpty && absent.isEmpty
        if !blankDay { settings.councilMeetings.append(meeting) }
        settings.councilMeetings.sort { $0.period < $1.period }
        return settings
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: saveChange(session)
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        renderForm(into: &buffer, rect: rect, heading: "Thành phần Hội đồng và cuộc họp xét khen thưởng, in trong biên bản")
    }
}
