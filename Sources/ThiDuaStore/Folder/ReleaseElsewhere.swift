import Dispatch

/// Lets go of a large value on a background thread, for a caller that is done with it and
/// should not wait while its objects are freed one by one. The value is moved in, so the
/// box holds the last reference and the freeing happens there.
final class ReleaseElsewhere: @unchecked Sendable {
    private var value: Any?

    private init(_ value: Any) { self.value = value }

    static func release(_ value: consuming some Any) {
        let box = ReleaseElsewhere(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }
}
