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
