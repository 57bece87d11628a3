import Foundation

/// A value built on another thread, so that it is ready by the time a key asks for it;
/// asked for before then, the asker waits for it (never a half-built value).
final class Prebuild<Value: Sendable>: @unchecked Sendable {
    // Unchecked: `value` is only read and written with `condition` locked.
    private let condition = NSCondition()
    private var value: Value?

    init(_ build: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            let built = build()
            condition.lock()
            value = built
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Whether the value is built (`wait()` would not wait).
    var isDone: Bool {
        condition.lock()
        defer { condition.unlock() }
        return value != nil
    }

    /// The value, once built.
    func wait() -> Value {
        condition.lock()
        defer { condition.unlock() }
        while value == nil { condition.wait() }
        return value!
    }
}
