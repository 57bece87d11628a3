/// The widths of a ruled table's columns, worked out the same way by the PDF, DOCX and text
/// writers (each in its own unit and with its own measure) so that no writer breaks a number,
/// a date, a code or a header word while another keeps it whole.
///
/// Every column starts at its widest unbreakable piece (any single word of a cell or of the
/// header, header words in bold). Space beyond that follows the columns' relative widths, so a
/// column that needs more than its share takes it from the others. Only text columns (some
/// cell holds several words) may wrap; when even the widest pieces do not fit, text columns
/// shrink first, and only then every column, which is when a word gets cut.
enum ColumnWidths {
    /// Width of one unbreakable piece of text in a style, in the writer's unit.
    typealias Measure = (String, FontStyle) throws -> Double

    /// What one column asks for.
    struct Need: Equatable {
        /// The widest unbreakable piece plus the cell's padding on both sides.
        var minimum: Double
        /// The column's relative width in the model.
        var weight: Double
        /// Some cell holds several words, so the column can wrap and give up width.
        var isText: Bool
    }

    static func needs(_ table: Document.Table, padding: Double, measure: Measure) rethrows -> [Need] {
        var needs = try table.columns.map { column in
            Need(minimum: try widest(column.header, style: .bold, measure: measure) + 2 * padding,
                 weight: max(0, column.width), isText: false)
        }
        // Each word is measured once per table: a list's cells repeat the same few hundred
        // words, and shaping every occurrence was half of laying out a 500-row list.
        var measured: [String: Double] = [:]
        for row in table.rows {
            guard case .data(let cells) = row else { continue }   // a group row spans every column
            for (index, cell) in cells.prefix(needs.count).enumerated() {
                let pieces = PlainText.unbreakablePieces(cell)
                if pieces.count > 1 { needs[index].isText = true }
                for piece in pieces {
                    let width: Double
                    if let known = measured[piece] {
                        width = known
                    } else {
                        width = try measure(piece, .regular)
                        measured[piece] = width
                    }
                    needs[index].minimum = max(needs[index].minimum, width + 2 * padding)
                }
            }
        }
        return needs
    }

    private static func widest(_ text: String, style: FontStyle, measure: Measure) rethrows -> Double {
        try PlainText.unbreakablePieces(text).map { try measure($0, style) }.max() ?? 0
    }

    /// How narrow a printed text column may get (about two letters) before every column gives way.
    static func printedFloor(fontSize: Double, padding: Double) -> Double { 2 * padding + 2 * fontSize }

    /// Widths that add up to `available`. `floor` is how narrow a text column may get when the
    /// widest pieces do not all fit (below that every column shrinks alike).
    static func solve(_ needs: [Need], available: Double, floor: Double) -> [Double] {
        guard !needs.isEmpty else { return [] }
        let minimums = needs.map(\.minimum)
        let required = minimums.reduce(0, +)
        if required <= available { return share(needs, available: available) }

        // Text columns give up what they need beyond the floor, in proportion to it.
        var widths = minimums
        let deficit = required - available
        let give = needs.map { $0.isText ? max(0, $0.minimum - min($0.minimum, floor)) : 0 }
        let givable = give.reduce(0, +)
        if givable >= deficit {
            for index in widths.indices { widths[index] -= deficit * give[index] / givable }
            return widths
        }
        for index in widths.indices { widths[index] -= give[index] }
        // Last resort: every column narrower than its widest piece, so words get cut.
        let total = widths.reduce(0, +)
        return widths.map { $0 * available / total }
    }

    /// `available` spread by weight, no column below its minimum (water filling: a column whose
    /// minimum exceeds its share is fixed at the minimum and the rest share what is left).
    private static func share(_ needs: [Need], available: Double) -> [Double] {
        let anyWeight = needs.contains { $0.weight > 0 }
        let weights = needs.map { anyWeight ? $0.weight : 1 }
        // Columns without weight only ever get their minimum. (An array, not a Set: sums are
        // taken in column order so that the same table always gives the same bytes.)
        var fixed = weights.map { $0 <= 0 }
        while true {
            let free = needs.indices.filter { !fixed[$0] }
            let left = available - needs.indices.filter { fixed[$0] }.map { needs[$0].minimum }.reduce(0, +)
            let totalWeight = free.map { weights[$0] }.reduce(0, +)
            guard totalWeight > 0 else {
                // Every weighted column is at its minimum: the rest goes to all alike.
                let extra = (available - needs.map(\.minimum).reduce(0, +)) / Double(needs.count)
                return needs.map { $0.minimum + extra }
            }
            let scale = left / totalWeight
            let tooNarrow = free.filter { needs[$0].minimum > scale * weights[$0] }
            if tooNarrow.isEmpty {
                return needs.indices.map { fixed[$0] ? needs[$0].minimum : scale * weights[$0] }
            }
            for index in tooNarrow { fixed[index] = true }
        }
    }
}
