/// A member of the emulation council (Hội đồng Thi đua - Khen thưởng), as the minutes name them.
public struct CouncilMember: Codable, Equatable, Sendable {
    public var name: String
    /// «Phó Chủ tịch UBND xã, Phó Chủ tịch Hội đồng».
    public var position: String

    public init(name: String, position: String = "") {
        self.name = name
        self.position = position
    }

    /// «Nguyễn Văn A, Phó Chủ tịch UBND xã».
    public var described: String { position.isEmpty ? name : "\(name), \(position)" }
}

/// The council as it stands (a setting): who chairs it, who keeps the minutes, the members.
public struct CouncilRoster: Codable, Equatable, Sendable {
    public var chair: CouncilMember?
    public var secretary: CouncilMember?
    /// The other members.
    public var members: [CouncilMember]

    public init(chair: CouncilMember? = nil, secretary: CouncilMember? = nil, members: [CouncilMember] = []) {
        self.chair = chair
        self.secretary = secretary
        self.members = members
    }

    public var isEmpty: Bool { chair == nil && secretary == nil && members.isEmpty }
}

/// One meeting of the council for a period, as its minutes record it: when and where, who
/// chaired and kept the minutes, who was present and who was not. Start from the roster and
/// change what differs on the day.
public struct CouncilMeeting: Codable, Equatable, Sendable {
    public var period: Period
    /// «08:00»; empty: a blank to fill by hand.
    public var startTime: String
    public var endTime: String
    public var place: String
    public var chair: CouncilMember?
    public var secretary: CouncilMember?
    /// Members present besides the chair and the secretary.
    public var present: [CouncilMember]
    public var absent: [CouncilMember]

    public init(period: Period, startTime: String = "", endTime: String = "", place: String = "",
                chair: CouncilMember? = nil, secretary: CouncilMember? = nil,
                present: [CouncilMember] = [], absent: [CouncilMember] = []) {
        self.period = period
        self.startTime = startTime
        self.endTime = endTime
        self.place = place
        self.chair = chair
        self.secretary = secretary
        self.present = present
        self.absent = absent
    }

    /// Everyone at the meeting by name: the chair, the secretary, the members present.
    public var attendance: Int { (chair == nil ? 0 : 1) + (secretary == nil ? 0 : 1) + present.count }
}

extension Settings {
    /// The meeting recorded for `period`, else one drawn from the roster with everyone present
    /// and the day's details left blank; nil when neither says who sat on the council.
    public func councilMeeting(for period: Period) -> CouncilMeeting? {
        if let meeting = councilMeetings.first(where: { $0.period == period }) { return meeting }
        guard !councilRoster.isEmpty else { return nil }
        return CouncilMeeting(period: period, chair: councilRoster.chair, secretary: councilRoster.secretary,
                              present: councilRoster.members)
    }
}
