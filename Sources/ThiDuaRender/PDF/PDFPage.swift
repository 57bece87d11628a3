/// What is drawn on a page, in layout coordinates: points, origin at the top-left corner, y down.
/// The serializer flips y into PDF space.
enum PDFMark {
    case text(style: FontStyle, size: Double, x: Double, baseline: Double, glyphs: [UInt16])
    case line(x1: Double, y1: Double, x2: Double, y2: Double)
    /// A thin grey line, under the rules: a calibration page's millimetre grid.
    case hairline(x1: Double, y1: Double, x2: Double, y2: Double)
    case rect(x: Double, y: Double, width: Double, height: Double)
}

struct PDFPage {
    var marks: [PDFMark] = []
    /// The page's own size in points (width, height), when it differs from the file's: the
    /// certificates of one decision may go on blanks of two sizes.
    var size: (width: Double, height: Double)?
}

enum Units {
    static let pointsPerMillimetre = 72.0 / 25.4

    static func points(_ millimetres: Double) -> Double { millimetres * pointsPerMillimetre }

    /// A4 in points as PDF readers report it (595.28 × 841.89), swapped for landscape.
    static func pageSize(_ setup: Document.PageSetup) -> (width: Double, height: Double) {
        setup.orientation == .portrait ? (595.28, 841.89) : (841.89, 595.28)
    }
}
