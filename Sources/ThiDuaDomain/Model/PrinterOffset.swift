/// How far one printer puts everything from where the layout says: printers feed the blank a
/// little to one side or lower, each its own way, so the office measures it once on the
/// calibration page and sets it here instead of moving every field of every layout.
public struct PrinterOffset: Codable, Equatable, Sendable {
    /// The printer's queue name as the print system knows it («HP-LaserJet»); empty for every
    /// printer that has no offset of its own (and for a PDF saved to print later).
    public var printer: String
    /// Millimetres to the right (negative: to the left) and down (negative: up).
    public var x: Double
    public var y: Double

    public init(printer: String, x: Double, y: Double) {
        self.printer = printer
        self.x = x
        self.y = y
    }

    /// The largest offset the office may set: more than this is not a feed error but a wrong
    /// blank or layout, which the layout editor is for.
    public static let limit: Double = 30

    /// «máy in HP-LaserJet», «mọi máy in khác».
    public var printerLabel: String { printer.isEmpty ? "mọi máy in khác" : "máy in \(printer)" }

    /// The offset of `offsets` that applies to `queue`: its own, else the one for every other
    /// printer, else none. `queue` is nil when the print system's default printer is not known
    /// (or a PDF is saved instead).
    public static func applying(to queue: String?, in offsets: [PrinterOffset]) -> PrinterOffset? {
        if let queue, let own = offsets.first(where: { $0.printer == queue }) { return own }
        return offsets.first { $0.printer.isEmpty }
    }
}
