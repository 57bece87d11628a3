/// A typed search query, folded once so that matching each candidate is a byte search.
///
/// Every whitespace-separated token must occur somewhere in the folded haystack, in any
/// order: "nguyen van" finds "Nguyễn Văn An", "duc" finds "Đức", "hoa" finds "Hòa" and "Hoà".
public struct SearchQuery: Sendable, Hashable {
    /// The query as typed.
    public let text: String
    /// The folded tokens (see `VietnameseText.searchFold`).
    public let tokens: [String]
    private let tokenBytes: [[UInt8]]

    public init(_ text: String) {
        self.text = text
        let folded = VietnameseText.searchFold(text)
        tokens = folded.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .map(String.init)
        tokenBytes = tokens.map { Array($0.utf8) }
    }

    /// True when nothing was typed: an empty query matches everything.
    public var isEmpty: Bool { tokens.isEmpty }

    /// Whether every token occurs in `foldedHaystack`, which must already be the output of
    /// `VietnameseText.searchFold` (callers fold each record once, not per keystroke).
    public func matches(_ foldedHaystack: String) -> Bool {
        matches(foldedHaystack, within: Int.max)
    }

    /// Whether every token occurs in the first `byteCount` bytes of `foldedHaystack` (a
    /// record's text whose first part is what a narrower search reads, such as name and code).
    public func matches(_ foldedHaystack: String, within byteCount: Int) -> Bool {
        if tokenBytes.isEmpty { return true }
        let fast = foldedHaystack.utf8.withContiguousStorageIfAvailable { haystack in
            let part = UnsafeBufferPointer(rebasing: haystack.prefix(byteCount))
            return tokenBytes.allSatisfy { SearchQuery.contains(part, $0) }
        }
        if let fast { return fast }
        let haystack = Array(foldedHaystack.utf8.prefix(byteCount))
        return haystack.withUnsafeBufferPointer { buffer in
            tokenBytes.allSatisfy { SearchQuery.contains(buffer, $0) }
        }
    }

    /// Convenience for one-off checks: folds `text` and matches it.
    public func matches(unfolded text: String) -> Bool {
        matches(VietnameseText.searchFold(text))
    }

    /// Naive substring search: tokens are a few bytes long, and UTF-8 is self-synchronising,
    /// so a byte match is always a whole-character match.
    private static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        let n = haystack.count, m = needle.count
        if m == 0 { return true }
        if m > n { return false }
        let first = needle[0]
        var i = 0
        while i <= n - m {
            if haystack[i] == first {
                var j = 1
                while j < m && haystack[i + j] == needle[j] { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }
}
