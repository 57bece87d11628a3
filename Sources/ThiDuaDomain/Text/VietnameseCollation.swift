import Foundation

/// Vietnamese alphabetical order (compatible with CLDR's "vi" collation):
/// letters first (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y), then tones
/// (ngang < huyền < hỏi < ngã < sắc < nặng), then lower case before upper case.
public enum VietnameseCollation {
    /// The sort key for `s`. Build keys once and sort by them when ordering many strings.
    public static func key(_ s: String) -> CollationKey {
        var builder = CollationKeyBuilder(capacity: s.utf8.count)
        for scalar in s.unicodeScalars {
            builder.add(scalar)
        }
        return builder.finish()
    }

    public static func compare(_ lhs: String, _ rhs: String) -> ComparisonResult {
        let result = key(lhs).compare(key(rhs))
        return result < 0 ? .orderedAscending : (result > 0 ? .orderedDescending : .orderedSame)
    }
}

extension Sequence where Element == String {
    /// The strings in Vietnamese alphabetical order (each key is built once).
    public func sortedVietnamese() -> [String] {
        sortedVietnamese(by: { $0 })
    }
}

extension Sequence {
    /// The elements ordered by a text property in Vietnamese alphabetical order.
    /// The sort is stable, so elements with equal text keep their input order.
    public func sortedVietnamese(by text: (Element) throws -> String) rethrows -> [Element] {
        let elements = Array(self)
        var keys = [CollationKey]()
        keys.reserveCapacity(elements.count)
        for element in elements {
            keys.append(VietnameseCollation.key(try text(element)))
        }
        // Sorting indices moves plain integers instead of keys and elements.
        var order = Array(elements.indices)
        keys.withUnsafeBufferPointer { keys in
            order.sort { lhs, rhs in
                let result = keys[lhs].compare(keys[rhs])
                return result != 0 ? result < 0 : lhs < rhs
            }
        }
        return order.map { elements[$0] }
    }
}
