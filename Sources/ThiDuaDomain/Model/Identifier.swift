/// A stable identifier ("DV0001", "CN00001"): never reused, survives renames. The tag
/// keeps a unit's id from being passed where a person's is expected.
public struct Identifier<Tag>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public static func < (a: Identifier, b: Identifier) -> Bool { a.rawValue < b.rawValue }
    public var description: String { rawValue }
}

public enum UnitTag {}
public enum PersonTag {}
public enum NominationTag {}
public enum AwardRecordTag {}

public typealias UnitID = Identifier<UnitTag>
public typealias PersonID = Identifier<PersonTag>
public typealias NominationID = Identifier<NominationTag>
public typealias AwardRecordID = Identifier<AwardRecordTag>
