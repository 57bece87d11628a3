extension Document {
    /// The closing block, kept whole on one page: "Nơi nhận:" and its list on the left, the
    /// signing authority, space for signature and seal, and the signer's name on the right.
    public struct Signature: Sendable, Equatable {
        /// Lines under "Nơi nhận:", e.g. "- UBND tỉnh;" … "- Lưu: VT, VHXH.". Empty leaves the column out.
        public var recipients: [String]
        /// E.g. ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]; drawn bold.
        public var authority: [String]
        public var signer: String
        /// Space for signature and seal, in millimetres.
        public var signatureSpace: Double
        /// A second signer drawn in the left column instead of the recipients (minutes are
        /// signed by the secretary on the left and the chair on the right).
        public var leftSigner: Column?

        /// A signing authority and the name under its signature.
        public struct Column: Sendable, Equatable {
            public var authority: [String]
            public var signer: String

            public init(authority: [String], signer: String) {
                self.authority = authority
                self.signer = signer
            }
        }

        public init(recipients: [String] = [], authority: [String], signer: String, signatureSpace: Double = 25,
                    leftSigner: Column? = nil) {
            self.recipients = recipients
            self.authority = authority
            self.signer = signer
            self.signatureSpace = signatureSpace
            self.leftSigner = leftSigner
        }

        public static let recipientsHeading = "Nơi nhận:"
    }
}
