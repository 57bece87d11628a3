extension Document {
    /// The document type in bold capitals, centred, then its summary and an optional italic line
    /// such as "(Kèm theo Tờ trình số 12/TTr-UBND ngày 05/01/2026)".
    public struct Title: Sendable, Equatable {
        /// Written in capitals by every writer, whatever case it is given in.
        public var text: String
        public var summary: [String]
        public var note: String?
        /// A short centred line under the summary, as the decree draws under the trích yếu of a
        /// letter, decision, minutes or report. Off for lists and annexes, which have none.
        public var rule: Bool

        public init(_ text: String, summary: [String] = [], note: String? = nil, rule: Bool = false) {
            self.text = text
            self.summary = summary
            self.note = note
            self.rule = rule
        }

        /// A title with the rule under its summary (a document's own title, not a list's).
        public static func ruled(_ text: String, summary: [String] = [], note: String? = nil) -> Title {
            Title(text, summary: summary, note: note, rule: true)
        }
    }
}
