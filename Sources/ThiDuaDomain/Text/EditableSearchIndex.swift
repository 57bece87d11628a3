/// A `SearchIndex` whose texts can be replaced and added to without building it again, for
/// lists that outlive one screen (100,000 people: a build costs a third of a second, an
/// edit must fit in a frame).
///
/// The index built last answers for the texts it was built with; the positions edited since
/// are read directly with `SearchQuery.matches`, so the answer is exactly what a fresh
/// `SearchIndex` over `texts` gives. Once many positions are edited, reading them costs more
/// than the index saves, and the owner asks for `compacted()` (a fresh build).
public struct EditableSearchIndex: Sendable {
    private var base: SearchIndex
    /// The texts now, by position (folded with `VietnameseText.searchFold`).
    public private(set) var texts: [String]
    /// Positions whose text is not the one `base` was built with (replaced, or past its
    /// end), ascending and unique: the answer must not depend on the order of edits.
    public private(set) var edited: [Int] = []

    public init(folded: [String]) {
        base = SearchIndex(folded: folded)
        texts = folded
    }

    public var count: Int { texts.count }

    /// Sets the text at `position`; `position == count` adds one.
    public mutating func set(_ text: String, at position: Int) {
        precondition(position >= 0 && position <= texts.count, "position outside the index")
        if position == texts.count { texts.append(text) } else { texts[position] = text }
        var low = 0, high = edited.count
        while low < high {
            let mid = (low + high) / 2
            if edited[mid] < position { low = mid + 1 } else { high = mid }
        }
        if low == edited.count || edited[low] != position { edited.insert(position, at: low) }
    }

    /// The same texts in a fresh index, nothing left to read directly.
    public func compacted() -> EditableSearchIndex { EditableSearchIndex(folded: texts) }

    /// The texts `query` matches.
    public func matches(_ query: SearchQuery) -> SearchHits {
        var hits = base.matches(query)
        guard !edited.isEmpty else { return hits }
        hits.resize(to: texts.count)
        for position in edited { hits.set(position, query.matches(texts[position])) }
        return hits
    }
}

extension SearchHits {
    /// Grows or shrinks the set to `count` positions; positions added are not in it.
    mutating func resize(to count: Int) {
        guard count != capacity else { return }
        let old = self
        self = SearchHits(count: count, all: false)
        for w in 0..<min(words.count, old.words.count) { words[w] = old.words[w] }
        if count % 64 != 0, !words.isEmpty { words[words.count - 1] &= (1 << UInt64(count % 64)) - 1 }
    }

    mutating func set(_ position: Int, _ member: Bool) {
        let bit: UInt64 = 1 << UInt64(position & 63)
        if member { words[position >> 6] |= bit } else { words[position >> 6] &= ~bit }
    }
}
