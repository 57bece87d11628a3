extension Document {
    public enum Orientation: Sendable, Equatable {
        case portrait
        case landscape
    }

    /// Margins in millimetres, as Nghị định 30/2020 states them.
    public struct Margins: Sendable, Equatable {
        public var top: Double
        public var bottom: Double
        public var left: Double
        public var right: Double

        /// The decree's usual values: top 20, bottom 20, left 30, right 15 mm.
        public init(top: Double = 20, bottom: Double = 20, left: Double = 30, right: Double = 15) {
            self.top = top
            self.bottom = bottom
            self.left = left
            self.right = right
        }
    }

    /// A4 in either orientation; the body font size is in points.
    public struct PageSetup: Sendable, Equatable {
        public var orientation: Orientation
        public var margins: Margins
        public var fontSize: Double

        public init(orientation: Orientation = .portrait, margins: Margins = Margins(), fontSize: Double = 13) {
            self.orientation = orientation
            self.margins = margins
            self.fontSize = fontSize
        }

        /// Page width and height in millimetres (A4, swapped for landscape).
        public var sizeInMillimetres: (width: Double, height: Double) {
            orientation == .portrait ? (210, 297) : (297, 210)
        }
    }
}
