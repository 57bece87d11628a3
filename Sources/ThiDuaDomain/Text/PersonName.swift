/// A person's name as Vietnamese lists use it: sorted by tên (given name) first.
///
/// The given name is the last word by default. Compound given names ("Phạm Bình Minh" with
/// tên "Bình Minh") cannot be detected automatically, so the user may set `givenName`.
public struct PersonName: Codable, Sendable, Hashable {
    /// Họ và tên, cleaned (NFC, single spaces, trimmed).
    public let fullName: String
    /// The tên chosen by the user, or nil to use the last word.
    public let givenName: String?

    public init(fullName: String, givenName: String? = nil) {
        self.fullName = VietnameseText.cleanedInput(fullName)
        let given = givenName.map(VietnameseText.cleanedInput)
        self.givenName = (given?.isEmpty ?? true) ? nil : given
    }

    /// The user's given name, else the last word of the full name.
    public var givenNameResolved: String {
        givenName ?? PersonName.split(fullName).given
    }

    /// Họ and tên đệm: the words before the given name. When the user's given name is not
    /// the end of the full name (a nickname, say), it is the whole full name, so nothing
    /// the user typed is lost from the ordering.
    public var familyAndMiddle: String {
        guard let givenName else { return PersonName.split(fullName).familyAndMiddle }
        if fullName == givenName { return "" }
        if fullName.hasSuffix(" " + givenName) {
            return String(fullName.dropLast(givenName.count + 1))
        }
        return fullName
    }

    /// Orders by given name, then family and middle names (which begin with the family
    /// name, so this is họ then đệm), then the full name as a final tie-breaker.
    public var sortKey: PersonNameSortKey {
        PersonNameSortKey(
            given: VietnameseCollation.key(givenNameResolved),
            familyAndMiddle: VietnameseCollation.key(familyAndMiddle),
            fullName: VietnameseCollation.key(fullName)
        )
    }

    /// The default split: the last word is the given name, the rest is family and middle.
    public static func splitDefault(_ full: String) -> (familyAndMiddle: String, given: String) {
        split(VietnameseText.cleanedInput(full))
    }

    /// `splitDefault` for text already cleaned (the stored `fullName`): one space between words.
    private static func split(_ cleaned: String) -> (familyAndMiddle: String, given: String) {
        guard let space = cleaned.lastIndex(of: " ") else { return ("", cleaned) }
        return (String(cleaned[..<space]), String(cleaned[cleaned.index(after: space)...]))
    }

    private enum CodingKeys: String, CodingKey {
        case fullName, givenName
    }

    /// Decoding goes through `init` so stored files get the same cleaning as typed input.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            fullName: try container.decode(String.self, forKey: .fullName),
            givenName: try container.decodeIfPresent(String.self, forKey: .givenName)
        )
    }
}

/// See `PersonName.sortKey`.
public struct PersonNameSortKey: Comparable, Hashable, Sendable {
    public let given: CollationKey
    public let familyAndMiddle: CollationKey
    public let fullName: CollationKey

    public static func < (lhs: PersonNameSortKey, rhs: PersonNameSortKey) -> Bool {
        if lhs.given != rhs.given { return lhs.given < rhs.given }
        if lhs.familyAndMiddle != rhs.familyAndMiddle { return lhs.familyAndMiddle < rhs.familyAndMiddle }
        return lhs.fullName < rhs.fullName
    }
}
