/// A rule the data broke, as a value: the field (named as the user sees it) and a
/// Vietnamese sentence saying what is allowed. Screens and the CLI show `message` as is.
public struct DomainError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { message }
}

extension DomainError {
    /// What the user typed, as a message quotes it: whole when short, else its start and its
    /// length, so that a 100,000-character spreadsheet cell never makes a 100,000-character message.
    public static func quote(_ text: String, limit: Int = 60) -> String {
        guard text.count > limit else { return "«\(text)»" }
        return "«\(text.prefix(limit))…» (\(text.count) ký tự)"
    }
}
