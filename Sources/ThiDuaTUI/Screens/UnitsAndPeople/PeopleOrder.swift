import ThiDuaDomain

/// Every person as the people list shows, sorts and searches them: its row texts, the
/// name order and the office's order of units, and the search index. Built once per session
/// (a third of a second at 100,000 people) and then kept up to date from the records each
/// change touched, one person at a time, so opening the list and an edit while it is open
/// fit in a frame. `ListCache` owns it; `PersonListScreen` filters it.
///
/// A person keeps its slot (the ordinal every array here is indexed by) for as long as it
/// exists; a deleted person's slot stays, out of both orders and with an empty search text.
/// What is shown never depends on slot numbers: both orders are total (the id decides last).
struct PeopleOrder: SlotKeptOrder, Sendable {
    /// One person as the list shows and searches it.
    final class Entry: Sendable {
        let person: Person
        let folded: String
        /// How many bytes of `folded` are the name and code (what the pickers search).
        let nameEnd: Int
        let place: String

        init(person: Person, folded: String, nameEnd: Int, place: String) {
            self.person = person
            self.folded = folded
            self.nameEnd = nameEnd
            self.place = place
        }
    }

    /// Where a person's unit stands in the office's order: khối order, unit order, unit id;
    /// people without a unit (or whose unit is not there) after everyone else.
    struct PlaceKey: Comparable, Sendable {
        var categoryOrder: Int
        var unitOrder: Int
        var unitID: String

        static func < (a: PlaceKey, b: PlaceKey) -> Bool {
            (a.categoryOrder, a.unitOrder, a.unitID) < (b.categoryOrder, b.unitOrder, b.unitID)
        }
    }

    /// The journal position of the data this was built from or last brought up to.
    private(set) var seq: Int
    private(set) var entries: [Entry] = []
    /// By slot, in plain arrays: filtering reads them for up to 100,000 people a key.
    private(set) var archived: [Bool] = []
    /// The person's tab: a slot of `tabSlots`, −1 without a unit, −2 for a unit not there.
    private(set) var tabOf: [Int32] = []
    private(set) var tabSlots: [String: Int32] = [:]
    private var nameKeys: [PersonNameSortKey] = []
    private var placeKeys: [PlaceKey] = []
    /// Live slots in name order (given name first), and in the office's order of units
    /// (name order within a unit).
    private(set) var byName: [Int32] = []
    private(set) var byPlace: [Int32] = []
    var index = EditableSearchIndex(folded: [])
    var slotOf: [PersonID: Int32] = [:]
    private var categoryOrder: [String: Int] = [:]

    /// Past this many people edited since the index was built, a key would read more texts
    /// directly than the index saves: the index is built again (once in thousands of edits).
    static let editedBeforeRebuild = 4_096

    /// Nobody: what a screen holds while the shared order is brought up to date.
    init() { seq = -1 }

    /// Everyone in `data`, which stands at journal position `seq`.
    init(data: Dataset, seq: Int) {
        self.seq = seq
        categoryOrder = Dictionary(data.categories.map { ($0.id, $0.order) }) { first, _ in first }
        tabSlots = Dictionary(data.categories.enumerated().map { ($0.element.id, Int32($0.offset)) }) { first, _ in first }
        let count = data.people.count
        entries.reserveCapacity(count)
        archived.reserveCapacity(count)
        tabOf.reserveCapacity(count)
        nameKeys.reserveCapacity(count)
        placeKeys.reserveCapacity(count)
        slotOf.reserveCapacity(count)
        // Slots in the dictionary's order: they only say where a person is kept; every
        // order shown is sorted on top of them.
        for person in data.people.values { append(person, data: data) }
        index = EditableSearchIndex(folded: entries.map(\.folded))
        let slots = (0..<Int32(entries.count)).map { $0 }
        byName = slots.sorted(by: nameBefore)
        byPlace = slots.sorted(by: placeBefore)
    }

    /// Name order: the name's collation key, then the id.
    private func nameBefore(_ a: Int32, _ b: Int32) -> Bool {
        let ka = nameKeys[Int(a)], kb = nameKeys[Int(b)]
        if ka != kb { return ka < kb }
        return entries[Int(a)].person.id.rawValue < entries[Int(b)].person.id.rawValue
    }

    /// The office's order: the unit's place, then name order.
    private func placeBefore(_ a: Int32, _ b: Int32) -> Bool {
        let pa = placeKeys[Int(a)], pb = placeKeys[Int(b)]
        return pa != pb ? pa < pb : nameBefore(a, b)
    }

    /// What the list shows and sorts of one person, at `slot` (a new one when it is `entries.count`).
    mutating func put(_ person: Person, at slot: Int, data: Dataset) {
        let unit = person.unitID.flatMap { data.units[$0] }
        let place = person.unitID.map { unit?.name ?? $0.rawValue } ?? person.address
        // Folded in two parts (the fold maps each character alone, so the text is the same),
        // so that the pickers can read only the name and code.
        let name = VietnameseText.searchFold("\(person.fullName) \(person.id.rawValue)")
        let entry = Entry(person: person, folded: name + " " + VietnameseText.searchFold("\(person.position) \(place)"),
                          nameEnd: name.utf8.count, place: place)
        let tab: Int32
        if let unit {
            if tabSlots[unit.categoryID] == nil { tabSlots[unit.categoryID] = Int32(tabSlots.count) }
            tab = tabSlots[unit.categoryID]!
        } else {
            tab = person.unitID == nil ? -1 : -2
        }
        let nameKey = PersonName(fullName: person.fullName, givenName: person.givenName).sortKey
        let placeKey = unit.map { PlaceKey(categoryOrder: categoryOrder[$0.categoryID] ?? 0, unitOrder: $0.order, unitID: $0.id.rawValue) }
            ?? PlaceKey(categoryOrder: Int.max, unitOrder: 0, unitID: "")
        if slot == entries.count {
            entries.append(entry)
            archived.append(person.archived)
            tabOf.append(tab)
            nameKeys.append(nameKey)
            placeKeys.append(placeKey)
        } else {
            entries[slot] = entry
            archived[slot] = person.archived
            tabOf[slot] = tab
            nameKeys[slot] = nameKey
            placeKeys[slot] = placeKey
        }
        slotOf[person.id] = Int32(slot)
    }

    private mutating func append(_ person: Person, data: Dataset) {
        put(person, at: entries.count, data: data)
    }

    /// Takes in the records changed since this was built (`DataView.recordsTouched`), the data
    /// now standing at `seq`. False, with nothing changed, when that is not enough: a khối
    /// changed (tabs and the office's order of every unit may move), so build anew.
    mutating func absorb(_ touched: Set<RecordRef>, data: Dataset, seq: Int) -> Bool {
        var people = Set<PersonID>(), units = Set<UnitID>()
        for record in touched {
            switch record {
            case .category: return false
            case .person(let id): people.insert(id)
            case .unit(let id): units.insert(id)
            default: break
            }
        }
        // A unit's name is its people's place; its khối and order place them.
        if !units.isEmpty {
            for (slot, entry) in entries.enumerated() {
                if let unitID = entry.person.unitID, units.contains(unitID), slotOf[entry.person.id] == Int32(slot) {
                    people.insert(entry.person.id)
                }
            }
        }
        // In id order, so that new people get the same slots whatever the set's order.
        for id in people.sorted() { replace(id, with: data.people[id], data: data) }
        if index.edited.count > Self.editedBeforeRebuild { index = index.compacted() }
        self.seq = seq
        return true
    }

    var slotCount: Int { entries.count }

    func folded(at slot: Int) -> String { entries[slot].folded }

    static var sortedLists: [(list: WritableKeyPath<PeopleOrder, [Int32]>, before: (PeopleOrder) -> (Int32, Int32) -> Bool)] {
        [(\.byName, { $0.nameBefore }), (\.byPlace, { $0.placeBefore })]
    }
}
