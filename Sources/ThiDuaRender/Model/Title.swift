extension Document {
    /// The document type in bold capitals, centred, then its summary and an optional italic line
    /// such as "(Kèm theo Tờ trình số 12/TTr-UBND ngày 05/01/2026)".
    public struct Title: Sendable, Equatable {
        /// Written in capitals by every writer, whatever case it is given in.
        public var text: String
        public var summary: [String]
        public var note: String?

        public init(_ text: String, summary: [String] = [], note: String? = nil) {
            self.text = text
            self.summary = summary
            self.note = note
        }
    }
}
