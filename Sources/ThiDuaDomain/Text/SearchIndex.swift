/// Which of many folded texts a `SearchQuery` matches, without reading every text.
///
/// For every byte, and every pair of adjacent bytes, that occurs in the texts, the set of texts
/// holding it: a bitmap when common, a sorted list of positions when rare, so the index stays
/// small (a few MB for 100,000 people). A query token of one or two bytes is answered by its
/// set alone; a longer one by intersecting the sets of its pairs, and then only the texts left
/// are read with `SearchQuery.matches`. The sets never leave out a text that holds the token,
/// so the answer is exactly what reading every text gives (the tests compare both on random
/// names). Matching is on bytes, as in `SearchQuery`, so any script works the same way.
public struct SearchIndex: Sendable {
    /// The texts, folded with `VietnameseText.searchFold`, by position.
    public let texts: [String]
    private let wordsPerBitmap: Int
    /// One slot per byte (0…255) and per pair of bytes (256 + first × 256 + second):
    /// 0 = occurs nowhere, k > 0 = bitmap k − 1, k < 0 = list −k − 1.
    private var slots: [Int32]
    /// The bitmaps, one after another, `wordsPerBitmap` words each.
    private var bitmaps: [UInt64] = []
    /// The lists, one after another: list k is `listItems[listStarts[k]..<listStarts[k + 1]]`.
    private var listItems: [UInt32] = []
    private var listStarts: [Int] = [0]

    private static let slotCount = 256 + 256 * 256

    /// Indexes `folded`, texts already folded with `VietnameseText.searchFold`.
    public init(folded: [String]) {
        texts = folded
        let n = folded.count
        wordsPerBitmap = (n + 63) / 64
        // Pass 1: in how many texts each byte and pair occurs. (Buffers, not arrays, in the
        // loops over every byte of 100,000 texts: an array a closure changes is boxed.)
        let counts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: Self.slotCount)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        Self.forEachGram(of: folded) { gram, _ in counts[gram] += 1 }
        // A list costs 4 bytes a text, a bitmap 1 bit a text: lists for the rare ones.
        slots = [Int32](repeating: 0, count: Self.slotCount)
        var bitmapCount = 0, listLengths: [Int] = []
        for gram in 0..<Self.slotCount where counts[gram] > 0 {
            if Int(counts[gram]) * 32 >= n {
                bitmapCount += 1
                slots[gram] = Int32(bitmapCount)
            } else {
                listLengths.append(Int(counts[gram]))
                slots[gram] = -Int32(listLengths.count)
            }
        }
        // Pass 2: fill them, texts in order, so every list is sorted.
        bitmaps = [UInt64](repeating: 0, count: bitmapCount * wordsPerBitmap)
        listStarts.reserveCapacity(listLengths.count + 1)
        for length in listLengths { listStarts.append(listStarts[listStarts.count - 1] + length) }
        listItems = [UInt32](repeating: 0, count: listStarts[listStarts.count - 1])
        let filled = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, listLengths.count))
        _ = filled.initialize(from: listStarts.dropLast())
        defer { filled.deallocate() }
        let words = wordsPerBitmap
        let slots = self.slots
        bitmaps.withUnsafeMutableBufferPointer { bitmaps in
            listItems.withUnsafeMutableBufferPointer { items in
                Self.forEachGram(of: folded) { gram, text in
                    let slot = Int(slots[gram])
                    if slot > 0 {
                        bitmaps[(slot - 1) * words + text >> 6] |= 1 << UInt64(text & 63)
                    } else {
                        items[filled[-slot - 1]] = UInt32(text)
                        filled[-slot - 1] += 1
                    }
                }
            }
        }
    }

    /// Calls `body` once for each distinct byte and pair of bytes of each text, texts in order.
    @inline(__always)
    private static func forEachGram(of texts: [String], _ body: (_ gram: Int, _ text: Int) -> Void) {
        let seenIn = UnsafeMutableBufferPointer<Int32>.allocate(capacity: slotCount)
        seenIn.initialize(repeating: -1)
        defer { seenIn.deallocate() }
        for (position, text) in texts.enumerated() {
            let mark = Int32(position)
            var copy = text
            copy.withUTF8 { bytes in
                var previous = -1
                for byte in bytes {
                    let single = Int(byte)
                    if seenIn[single] != mark {
                        seenIn[single] = mark
                        body(single, position)
                    }
                    if previous >= 0 {
                        let pair = 256 + previous << 8 | single
                        if seenIn[pair] != mark {
                            seenIn[pair] = mark
                            body(pair, position)
                        }
                    }
                    previous = single
                }
            }
        }
    }

    public var count: Int { texts.count }

    /// The texts `query` matches.
    public func matches(_ query: SearchQuery) -> SearchHits {
        var hits = SearchHits(count: texts.count, all: true)
        guard !query.isEmpty else { return hits }
        var needsReading = false
        var grams: [Int] = []
        for token in query.tokens {
            let bytes = Array(token.utf8)
            if bytes.count == 1 {
                grams.append(Int(bytes[0]))
            } else {
                for i in 1..<bytes.count { grams.append(256 + Int(bytes[i - 1]) << 8 | Int(bytes[i])) }
                needsReading = needsReading || bytes.count > 2
            }
        }
        // Rare sets first: once few texts are left, the common ones cost little.
        let ordered = Array(Set(grams)).sorted { size(of: $0) != size(of: $1) ? size(of: $0) < size(of: $1) : $0 < $1 }
        for gram in ordered {
            let slot = Int(slots[gram])
            if slot == 0 { return SearchHits(count: texts.count, all: false) }
            if slot > 0 {
                hits.formIntersection(bitmaps[(slot - 1) * wordsPerBitmap ..< slot * wordsPerBitmap])
            } else {
                hits.formIntersection(list: listItems[listStarts[-slot - 1] ..< listStarts[-slot]])
            }
        }
        if needsReading {
            hits.removeAll { !query.matches(texts[$0]) }
        }
        return hits
    }

    /// How many texts a gram's set may hold, for ordering: a list's length, else all texts.
    private func size(of gram: Int) -> Int {
        let slot = Int(slots[gram])
        if slot == 0 { return 0 }
        return slot > 0 ? texts.count : listStarts[-slot] - listStarts[-slot - 1]
    }
}

/// A set of text positions, as a bitmap.
public struct SearchHits: Sendable, Equatable {
    var words: [UInt64]
    public let capacity: Int

    init(count: Int, all: Bool) {
        capacity = count
        words = [UInt64](repeating: all ? ~0 : 0, count: (count + 63) / 64)
        if all, count % 64 != 0 { words[words.count - 1] = (1 << UInt64(count % 64)) - 1 }
    }

    public func contains(_ position: Int) -> Bool {
        words[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// How many positions are in the set.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// The positions, in increasing order.
    public var positions: [Int] {
        var result: [Int] = []
        for (w, word) in words.enumerated() {
            var bits = word
            while bits != 0 {
                result.append(w << 6 | bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    mutating func formIntersection(_ bitmap: ArraySlice<UInt64>) {
        var i = bitmap.startIndex
        for w in words.indices {
            words[w] &= bitmap[i]
            i += 1
        }
    }

    mutating func formIntersection(list: ArraySlice<UInt32>) {
        var kept = [UInt64](repeating: 0, count: words.count)
        for item in list {
            let position = Int(item)
            let bit: UInt64 = 1 << UInt64(position & 63)
            if words[position >> 6] & bit != 0 { kept[position >> 6] |= bit }
        }
        words = kept
    }

    mutating func removeAll(where drop: (Int) -> Bool) {
        for w in words.indices {
            var bits = words[w]
            while bits != 0 {
                let bit = bits & (~bits &+ 1)
                if drop(w << 6 | bits.trailingZeroBitCount) { words[w] &= ~bit }
                bits &= bits - 1
            }
        }
    }
}
