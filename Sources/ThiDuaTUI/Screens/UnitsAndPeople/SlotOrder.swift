/// Binary search over a list's slots sorted by a total order, for the orders kept up to date
/// one record at a time (`PeopleOrder`, `UnitOrder`).
enum SlotOrder {
    /// The first position in `order` whose slot is not `isBefore`.
    static func lowerBound(_ order: [Int32], _ isBefore: (Int32) -> Bool) -> Int {
        var low = 0, high = order.count
        while low < high {
            let mid = (low + high) / 2
            if isBefore(order[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Where `slot` is in `order`, which is sorted by `before` with `slot`'s keys as they are now.
    static func position(of slot: Int32, in order: [Int32], before: (Int32, Int32) -> Bool) -> Int {
        let at = lowerBound(order) { before($0, slot) }
        precondition(at < order.count && order[at] == slot, "a list's order out of step with its keys")
        return at
    }
}
