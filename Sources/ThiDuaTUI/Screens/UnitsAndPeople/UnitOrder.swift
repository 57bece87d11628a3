import ThiDuaDomain

/// Every unit as the unit list shows, sorts and searches them: the name order, the office's
/// order, and the search index. Like `PeopleOrder` (see there), built once per session and
/// then kept up to date from the records each change touched, one unit at a time.
struct UnitOrder: SlotKeptOrder, Sendable {
    /// One unit with its folded search text and khối name.
    struct Entry: Sendable {
        let unit: OrgUnit
        let folded: String
        /// How many bytes of `folded` are the name and code (what the pickers search).
        let nameEnd: Int
        let categoryName: String
    }

    /// The journal position of the data this was built from or last brought up to.
    private(set) var seq: Int
    /// By slot; a deleted unit's slot stays, out of both orders.
    private(set) var entries: [Entry] = []
    private var nameKeys: [CollationKey] = []
    /// (khối order, unit order) by slot.
    private var placeKeys: [(Int, Int)] = []
    /// Live slots in Vietnamese name order, and in the office's order (khối, then the
    /// unit's order, then name order); the id decides last in both.
    private(set) var byName: [Int32] = []
    private(set) var byOrder: [Int32] = []
    var index = EditableSearchIndex(folded: [])
    var slotOf: [UnitID: Int32] = [:]
    private var categoryOrder: [String: Int] = [:]

    /// Nothing: what a screen holds while the shared order is brought up to date.
    init() { seq = -1 }

    /// Every unit in `data`, which stands at journal position `seq`.
    init(data: Dataset, seq: Int) {
        self.seq = seq
        categoryOrder = Dictionary(data.categories.map { ($0.id, $0.order) }) { first, _ in first }
        for unit in data.units.values { put(unit, at: entries.count, data: data) }
        index = EditableSearchIndex(folded: entries.map(\.folded))
        let slots = (0..<Int32(entries.count)).map { $0 }
        byName = slots.sorted(by: nameBefore)
        byOrder = slots.sorted(by: orderBefore)
    }

    private func nameBefore(_ a: Int32, _ b: Int32) -> Bool {
        let result = nameKeys[Int(a)].compare(nameKeys[Int(b)])
        return result != 0 ? result < 0 : entries[Int(a)].unit.id < entries[Int(b)].unit.id
    }

    private func orderBefore(_ a: Int32, _ b: Int32) -> Bool {
        let pa = placeKeys[Int(a)], pb = placeKeys[Int(b)]
        return pa != pb ? pa < pb : nameBefore(a, b)
    }

    mutating func put(_ unit: OrgUnit, at slot: Int, data: Dataset) {
        // In two parts, as `PeopleOrder` does.
        let name = VietnameseText.searchFold("\(unit.name) \(unit.id.rawValue)")
        let entry = Entry(unit: unit, folded: name + " " + VietnameseText.searchFold("\(unit.head) \(unit.phone)"),
                          nameEnd: name.utf8.count,
                          categoryName: data.category(unit.categoryID)?.shortName ?? unit.categoryID)
        let nameKey = VietnameseCollation.key(unit.name)
        let placeKey = (categoryOrder[unit.categoryID] ?? 0, unit.order)
        if slot == entries.count {
            entries.append(entry)
            nameKeys.append(nameKey)
            placeKeys.append(placeKey)
        } else {
            entries[slot] = entry
            nameKeys[slot] = nameKey
            placeKeys[slot] = placeKey
        }
        slotOf[unit.id] = Int32(slot)
    }

    /// Takes in the records changed since (`DataView.recordsTouched`), the data now at `seq`.
    /// False, with nothing changed, when a khối changed (names and order of every unit's
    /// khối may move): build anew.
    mutating func absorb(_ touched: Set<RecordRef>, data: Dataset, seq: Int) -> Bool {
        var units = Set<UnitID>()
        for record in touched {
            switch record {
            case .category: return false
            case .unit(let id): units.insert(id)
            default: break
            }
        }
        for id in units.sorted() { replace(id, with: data.units[id], data: data) }
        if index.edited.count > PeopleOrder.editedBeforeRebuild { index = index.compacted() }
        self.seq = seq
        return true
    }

    var slotCount: Int { entries.count }

    func folded(at slot: Int) -> String { entries[slot].folded }

    static var sortedLists: [(list: WritableKeyPath<UnitOrder, [Int32]>, before: (UnitOrder) -> (Int32, Int32) -> Bool)] {
        [(\.byName, { $0.nameBefore }), (\.byOrder, { $0.orderBefore })]
    }
}
