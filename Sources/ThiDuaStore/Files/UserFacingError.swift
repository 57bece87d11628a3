/// An error that carries a finished Vietnamese sentence for the user. The CLI and the screens
/// show `message` as is; it names the file (and line) concerned.
public protocol UserFacingError: Error, Sendable {
    var message: String { get }
}

extension FileSystemError: UserFacingError {}

/// The Vietnamese message of any error: `message` when it has one, otherwise a generic sentence
/// with the error's own text (for errors from libraries).
public func userMessage(for error: any Error) -> String {
    if let error = error as? any UserFacingError { return error.message }
    return "Lỗi không mong đợi: \(error)."
}
