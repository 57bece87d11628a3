/// Rows marked for an edit of many at once (Space on a row; a key for all rows shown): the
/// marked ids, kept while the rows are rebuilt and forgotten for rows no longer shown.
public struct RowMarks<ID: Hashable & Sendable>: Sendable {
    public private(set) var ids: Set<ID> = []

    public init() {}

    public var isEmpty: Bool { ids.isEmpty }
    public var count: Int { ids.count }
    public func contains(_ id: ID) -> Bool { ids.contains(id) }

    /// Marks or unmarks one row; returns whether it is now marked.
    @discardableResult
    public mutating func toggle(_ id: ID) -> Bool {
        if ids.remove(id) != nil { return false }
        ids.insert(id)
        return true
    }

    public mutating func remove(_ id: ID) { ids.remove(id) }

    /// Marks every row of `shown`, or unmarks them all when all are marked already; returns
    /// whether they are now marked.
    @discardableResult
    public mutating func toggleAll(_ shown: [ID]) -> Bool {
        if !shown.isEmpty && shown.allSatisfy(ids.contains) {
            ids.subtract(shown)
            return false
        }
        ids.formUnion(shown)
        return true
    }

    /// Keeps only marks of rows still shown.
    public mutating func keep(only shown: [ID]) {
        ids.formIntersection(shown)
    }

    public mutating func clear() { ids.removeAll() }

    /// The marked rows in the order shown (never set order), or the focused one when none is
    /// marked: what an edit of many applies to.
    public func targets(in shown: [ID], focused: ID?) -> [ID] {
        if ids.isEmpty { return focused.map { [$0] } ?? [] }
        return shown.filter(ids.contains)
    }

    /// The mark column's text for a row.
    public func glyph(_ id: ID) -> String { ids.contains(id) ? "■" : " " }
}
