/// A precomputed sort key: comparing two keys is a plain array comparison.
///
/// Layout: primary weights (letters, digits, separators), a 0, tone weights, a 0, case
/// weights. Levels 2 and 3 drop trailing minimum weights; that stays correct because the
/// separator 0 is below every weight (see `CollationKeyBuilder`).
public struct CollationKey: Comparable, Hashable, Sendable {
    /// The raw weights; exposed for storage and debugging, not for interpretation.
    public let weights: [UInt16]

    public init(weights: [UInt16]) {
        self.weights = weights
    }

    /// Negative, zero or positive, like `memcmp`; one pass where `<` plus `==` would take two.
    public func compare(_ other: CollationKey) -> Int {
        weights.withUnsafeBufferPointer { lhs in
            other.weights.withUnsafeBufferPointer { rhs in
                let count = min(lhs.count, rhs.count)
                var index = 0
                while index < count {
                    let left = lhs[index], right = rhs[index]
                    if left != right { return left < right ? -1 : 1 }
                    index += 1
                }
                return lhs.count - rhs.count
            }
        }
    }

    public static func < (lhs: CollationKey, rhs: CollationKey) -> Bool {
        lhs.compare(rhs) < 0
    }
}
