/// Which form tabs of the nominations screen fit in a row: a run of tabs that always holds
/// the selected one (a period like «Tổng kết» has more forms than 80 columns show). One
/// column is kept on each side that hides tabs, for its « or » marker.
struct FormTabWindow: Equatable {
    /// The tabs drawn.
    let range: Range<Int>
    var first: Int { range.lowerBound }

    init(widths: [Int], selected: Int?, room: Int) {
        let selected = min(max(0, selected ?? 0), max(0, widths.count - 1))
        func width(_ r: Range<Int>) -> Int {
            r.reduce(0) { $0 + widths[$1] } + (r.lowerBound > 0 ? 1 : 0) + (r.upperBound < widths.count ? 1 : 0)
        }
        guard !widths.isEmpty else { range = 0..<0; return }
        // Start as far left as possible while the selected tab still fits, then add tabs
        // to the right while they fit.
        var first = 0
        while first < selected, width(first..<(selected + 1)) > room { first += 1 }
        var end = selected + 1
        while end < widths.count, width(first..<(end + 1)) <= room { end += 1 }
        range = first..<end
    }
}
