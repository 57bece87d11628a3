import ThiDuaDomain

/// What `PeopleOrder` and `UnitOrder` share: records kept in slots (a record keeps its slot
/// while it exists), lists of live slots each sorted by a total order, and a search index by
/// slot. `replace` moves one record in all of them, so a change costs a few binary searches.
protocol SlotKeptOrder: Sendable {
    associatedtype ID: Hashable
    associatedtype Record

    /// Everything in `data`, which stands at journal position `seq`.
    init(data: Dataset, seq: Int)
    /// The journal position of the data this was built from or last brought up to.
    var seq: Int { get }
    /// Takes in the records changed since `seq` (`DataView.recordsTouched`), the data now at
    /// `seq`; false, with nothing changed, when only building anew will do.
    mutating func absorb(_ touched: Set<RecordRef>, data: Dataset, seq: Int) -> Bool

    /// The slot of each record kept.
    var slotOf: [ID: Int32] { get set }
    var index: EditableSearchIndex { get set }
    /// How many slots there are (deleted records' slots included).
    var slotCount: Int { get }
    /// Each sorted list with the order it is sorted by.
    static var sortedLists: [(list: WritableKeyPath<Self, [Int32]>, before: (Self) -> (Int32, Int32) -> Bool)] { get }
    /// Writes what the lists show, sort and search of `record` into `slot` (a new one when
    /// it is `slotCount`).
    mutating func put(_ record: Record, at slot: Int, data: Dataset)
    /// The record's search text in `slot`.
    func folded(at slot: Int) -> String
}

extension SlotKeptOrder {
    /// The record `id` taken out of every list and put back as `record` (or left out, gone).
    mutating func replace(_ id: ID, with record: Record?, data: Dataset) {
        let old = slotOf[id]
        if let old {
            for (list, before) in Self.sortedLists {
                let at = SlotOrder.position(of: old, in: self[keyPath: list], before: before(self))
                self[keyPath: list].remove(at: at)
            }
        }
        guard let record else {
            if let old {
                slotOf[id] = nil
                index.set("", at: Int(old))
            }
            return
        }
        let slot = old.map(Int.init) ?? slotCount
        put(record, at: slot, data: data)
        index.set(folded(at: slot), at: slot)
        let new = Int32(slot)
        for (list, before) in Self.sortedLists {
            // The order reads a copy of `self`; it is gone before the list changes, which
            // then changes in place instead of being copied.
            let at = Self.place(new, in: self[keyPath: list], by: before(self))
            self[keyPath: list].insert(new, at: at)
        }
    }

    private static func place(_ slot: Int32, in list: [Int32], by before: (Int32, Int32) -> Bool) -> Int {
        SlotOrder.lowerBound(list) { before($0, slot) }
    }
}
