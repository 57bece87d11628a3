extension Document {
    /// A line drawn under a header line, as the decree asks under the issuing body and the motto.
    public enum Rule: Sendable, Equatable {
        case none
        /// As long as the text above it ("Độc lập - Tự do - Hạnh phúc").
        case underText
        /// 40 % of the text above it, centred (under the issuing body; the decree says 1/3 to 1/2).
        case short
    }

    public struct HeaderLine: Sendable, Equatable {
        public var text: String
        public var style: FontStyle
        /// nil means the page's body size.
        public var fontSize: Double?
        public var rule: Rule

        public init(_ text: String, style: FontStyle = .regular, fontSize: Double? = nil, rule: Rule = .none) {
            self.text = text
            self.style = style
            self.fontSize = fontSize
            self.rule = rule
        }
    }

    /// The two-column block at the top of an administrative document. Lines are centred in their
    /// column; either column may be empty (an attachment list often has no header at all).
    public struct Header: Sendable, Equatable {
        public var left: [HeaderLine]
        public var right: [HeaderLine]

        public init(left: [HeaderLine] = [], right: [HeaderLine] = []) {
            self.left = left
            self.right = right
        }

        /// The decree's layout: issuing body (bold capitals, short rule under), number line;
        /// national name (bold, 12 pt), motto (bold, rule under), place and date in italics.
        /// Pass an empty `issuingBody` or `nationalMotto: false` to leave a column out.
        /// A body under another (an office of the People's Committee) has the superior body's
        /// full name above its own, in regular capitals; only the issuing body is bold.
        public static func administrative(
            superiorBody: String? = nil,
            issuingBody: [String],
            number: String? = nil,
            regarding: String? = nil,
            nationalMotto: Bool = true,
            placeAndDate: String? = nil
        ) -> Header {
            var left: [HeaderLine] = superiorBody.map { [HeaderLine($0.uppercased())] } ?? []
            left += issuingBody.enumerated().map { index, text in
                HeaderLine(text.uppercased(), style: .bold,
                           rule: index == issuingBody.count - 1 ? .short : .none)
            }
            if let number { left.append(HeaderLine(number)) }
            // A công văn's trích yếu («V/v …») stands under its number.
            if let regarding { left.append(HeaderLine("V/v " + regarding, fontSize: 12)) }
            var right: [HeaderLine] = []
            if nationalMotto {
                right.append(HeaderLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: .bold, fontSize: 12))
                right.append(HeaderLine("Độc lập - Tự do - Hạnh phúc", style: .bold, rule: .underText))
            }
            if let placeAndDate { right.append(HeaderLine(placeAndDate, style: .italic)) }
            return Header(left: left, right: right)
        }
    }
}
