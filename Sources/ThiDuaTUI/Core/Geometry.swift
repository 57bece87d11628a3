/// Terminal geometry in display columns and rows.
///
/// All coordinates are zero-based cells: `x` counts display columns (a wide
/// glyph takes two), `y` counts rows from the top.

/// A width × height in cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The office minimum: every screen must work fully at 80×24.
    public static let minimum = Size(width: 80, height: 24)

    /// True when both sides are at least those of `other`.
    public func fits(_ other: Size) -> Bool {
        width >= other.width && height >= other.height
    }

    /// "80×24", the form shown to users.
    public var description: String { "\(width)×\(height)" }
}

/// A cell position.
public struct Point: Hashable, Sendable {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells. Widgets render only inside the rect they are given.
public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public init(origin: Point = Point(x: 0, y: 0), size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }

    public var origin: Point { Point(x: x, y: y) }
    public var size: Size { Size(width: width, height: height) }
    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    public func contains(_ p: Point) -> Bool {
        p.x >= x && p.x < maxX && p.y >= y && p.y < maxY
    }

    /// The overlap of two rects (empty when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let nx = max(x, other.x), ny = max(y, other.y)
        let mx = min(maxX, other.maxX), my = min(maxY, other.maxY)
        return Rect(x: nx, y: ny, width: mx - nx, height: my - ny)
    }

    /// Shrinks every side by `by` cells (a border or margin).
    public func inset(by d: Int) -> Rect {
        Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d)
    }

    /// One row of this rect, relative to its top (`0` = first row).
    public func row(_ i: Int) -> Rect {
        Rect(x: x, y: y + i, width: width, height: (i >= 0 && i < height) ? 1 : 0)
    }

    /// Splits off `rows` rows at the top; returns (top, rest).
    public func splitTop(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: r),
                Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Splits off `rows` rows at the bottom; returns (rest, bottom).
    public func splitBottom(_ rows: Int) -> (Rect, Rect) {
        let r = min(max(0, rows), height)
        return (Rect(x: x, y: y, width: width, height: height - r),
                Rect(x: x, y: y + height - r, width: width, height: r))
    }

    /// A rect of `size` centred in this one (clamped to fit).
    public func centered(_ size: Size) -> Rect {
        let w = min(size.width, width), h = min(size.height, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}
