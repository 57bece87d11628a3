extension Document {
    /// Room left in a line to be filled in by hand, such as the number of a letter that gets its
    /// number only when it is signed («Số:      /TTr-VHXH»). Spaces cannot hold that room: the
    /// writers collapse or narrow them. A blank travels inside any text of the model (header
    /// lines, titles, paragraphs, cells) as one private-use character that every writer
    /// replaces: PDF by an advance of its width, DOCX by non-breaking spaces, text by spaces.
    public struct Blank: Sendable, Equatable {
        /// Width in millimetres, to a tenth.
        public var millimetres: Double

        public init(millimetres: Double) {
            self.millimetres = min(Self.largest, max(0.1, millimetres))
        }

        /// Room for a document's number written in by hand.
        public static let number = Blank(millimetres: 12)

        /// The character that stands for this blank inside a string.
        public var text: String { String(Character(Unicode.Scalar(Self.firstScalar + tenths)!)) }

        private var tenths: UInt32 { UInt32((millimetres * 10).rounded()) }

        /// Blanks are the scalars U+F0000 + tenths of a millimetre (plane 15, private use: no
        /// font draws them and no keyboard types them).
        static let firstScalar: UInt32 = 0xF0000
        private static let largest = 6000.0

        /// The blank `scalar` stands for, if it is one.
        static func decode(_ scalar: Unicode.Scalar) -> Blank? {
            guard scalar.value > firstScalar, scalar.value <= firstScalar + UInt32(largest * 10) else { return nil }
            return Blank(millimetres: Double(scalar.value - firstScalar) / 10)
        }

        /// A character of text (one grapheme) as a blank, if it is one.
        static func decode(_ character: Character) -> Blank? {
            guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else { return nil }
            return decode(scalar)
        }

        /// The text as a sequence of plain stretches and blanks, in order (no empty stretches).
        static func pieces(of text: String) -> [Piece] {
            var result: [Piece] = []
            var current = ""
            for character in text {
                if let blank = decode(character) {
                    if !current.isEmpty { result.append(.text(current)) }
                    current = ""
                    result.append(.blank(blank))
                } else {
                    current.append(character)
                }
            }
            if !current.isEmpty { result.append(.text(current)) }
            return result
        }

        enum Piece: Equatable {
            case text(String)
            case blank(Blank)
        }
    }
}
