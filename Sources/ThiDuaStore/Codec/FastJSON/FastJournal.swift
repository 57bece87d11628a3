import ThiDuaDomain

/// A payload whose journal lines `JSONReader` can read (see `FastJournal`).
protocol FastJournalPayload: Codable & Sendable {
    /// The entry on one line (without its "\n"), or nil: ask JSONDecoder. Implemented for the
    /// concrete type, so that the reading itself is compiled for it, not through generics.
    static func fastEntry(_ line: UnsafeBufferPointer<UInt8>) -> JournalEntry<Self>?
}

/// Journal lines read without JSONDecoder, for catching up on what other programs wrote: a
/// thousand score changes took JSONDecoder three times as long as applying them (its generic
/// Decoder machinery, and every line's two changes decoded through it).
///
/// Like `FastRecords`, it is strict and never explains: a line it is not sure of — an unknown
/// or repeated key, a kind of change it does not read, a number with an exponent, a string it
/// would have to guess about, a format newer than this program's — makes it give up, and that
/// line goes to JSONDecoder exactly as before, which then gives every error message (file,
/// line, reason) and refuses a newer format. So it only has to agree with JSONDecoder on the
/// lines it accepts. Text is kept exactly as written (no NFC), as JSONDecoder keeps it.
///
/// The kinds read here are the small ones that make up nearly every line (scores, the item's
/// done/note/evidence, sheet states, archive and remove, batches of these); a change carrying a
/// whole record (a unit, a person, a sheet …) goes to JSONDecoder. Field and tag names come
/// from `ChangeField` and `ChangeTag`, the table `Change+Coding.swift` decodes with.
enum FastJournal {
    /// The entry on one line (without its "\n"), or nil: ask JSONDecoder.
    static func entry(_ line: UnsafeBufferPointer<UInt8>) -> JournalEntry<JournalPayload>? {
        JSONReader.read(line, normalising: false) { reader in try envelope(&reader) }?.value
    }

    /// A reader for `P`'s lines when it has one, for the generic journal code.
    static func reader<P>(for _: P.Type) -> ((UnsafeBufferPointer<UInt8>) -> JournalEntry<P>?)? {
        guard let fast = P.self as? any FastJournalPayload.Type else { return nil }
        func read<F: FastJournalPayload>(_: F.Type, _ line: UnsafeBufferPointer<UInt8>) -> JournalEntry<P>? {
            F.fastEntry(line) as? JournalEntry<P>
        }
        return { line in read(fast, line) }
    }

    /// `JournalEntry`'s keys (its synthesized coding).
    private static func envelope(_ reader: inout JSONReader) throws -> JournalEntry<JournalPayload> {
        var seen = FastRecords.Seen()
        var seq: Int?, time: String?, user: String?, host: String?, payload: JournalPayload?, prev: String?, hash: String?
        try reader.object { reader, key in
            switch key {
            case "hash": try seen.mark(0); hash = try reader.string()
            case "host": try seen.mark(1); host = try reader.string()
            case "payload": try seen.mark(2); payload = try Self.payload(&reader)
            case "prev": try seen.mark(3); prev = try reader.string()
            case "seq": try seen.mark(4); seq = try reader.int()
            case "time": try seen.mark(5); time = try reader.string()
            case "user": try seen.mark(6); user = try reader.string()
            default: throw JSONReader.GiveUp()
            }
        }
        return JournalEntry(seq: try FastRecords.required(seq), time: try FastRecords.required(time),
                            user: try FastRecords.required(user), host: try FastRecords.required(host),
                            payload: try FastRecords.required(payload), prev: try FastRecords.required(prev),
                            hash: try FastRecords.required(hash))
    }

    // MARK: Changes

    /// A change in either format: flat with `"op"` (2 and later), or `{"caseName":{fields}}` (1).
    static func change(_ reader: inout JSONReader) throws -> Change {
        var fields = ChangeFields()
        var formatOne: (tag: ChangeTag, fields: ChangeFields)?
        var keys = 0
        try reader.object { reader, key in
            keys += 1
            if let (field, bit) = Self.field(key) {
                try fields.read(field, bit: bit, from: &reader)
            } else if let tag = Self.formatOneTag(key) {
                var nested = ChangeFields()
                try reader.object { reader, key in
                    // An "op" inside a format-1 object is not something this program wrote.
                    guard let (field, bit) = Self.field(key), field != .op else { throw JSONReader.GiveUp() }
                    try nested.read(field, bit: bit, from: &reader)
                }
                formatOne = (tag, nested)
            } else {
                throw JSONReader.GiveUp()
            }
        }
        if let tag = fields.op, formatOne == nil { return try fields.change(tag) }
        if let formatOne, keys == 1 { return try formatOne.fields.change(formatOne.tag) }
        throw JSONReader.GiveUp()
    }

    /// Each field name as bytes, from the codec's own table, and a bit of its own for `Seen`.
    private static let fieldNames: [(name: [UInt8], field: ChangeField, bit: Int)] =
        ChangeField.allCases.enumerated().map { (Array($1.rawValue.utf8), $1, $0) }
    /// Each kind's format-1 name as bytes.
    private static let formatOneNames: [(name: [UInt8], tag: ChangeTag)] = ChangeTag.allCases.map { (Array($0.formatOneName.utf8), $0) }

    /// `fieldNames` by the length of the name: a key is compared with the few names of its
    /// length, not with all of them (six keys a change, two changes a line).
    private static let fieldNamesByLength: [[(name: [UInt8], field: ChangeField, bit: Int)]] = {
        var table = Array(repeating: [(name: [UInt8], field: ChangeField, bit: Int)](),
                          count: (fieldNames.map(\.name.count).max() ?? 0) + 1)
        for entry in fieldNames { table[entry.name.count].append(entry) }
        return table
    }()

    private static func field(_ key: JSONReader.Key) -> (ChangeField, bit: Int)? {
        let table = fieldNamesByLength
        guard key.count < table.count else { return nil }
        return table[key.count].first { key.matches($0.name) }.map { ($0.field, $0.bit) }
    }

    private static func formatOneTag(_ key: JSONReader.Key) -> ChangeTag? {
        formatOneNames.first { key.matches($0.name) }?.tag
    }
}

/// The fields of one change as read, before its kind says which it needs. Each field has one
/// JSON type across every kind, so it can be read before the kind is known (with sorted keys,
/// `"op"` comes after `"field"` and `"item"`). Fields the kind does not use are ignored, as
/// JSONDecoder ignores them.
private struct ChangeFields {
    private var seen = FastRecords.Seen()
    var op: ChangeTag?
    var year: Int?, subject: Subject?, item: String?, field: ScoreField?, value: Points?
    var done: Bool?, note: String?, evidence: [Evidence]?, state: SheetState?, reason: String?
    var id: String?, archived: Bool?, groupID: String?, unitID: String?, ruleID: String?
    var status: NominationStatus?, label: String?, changes: [Change]?

    mutating func read(_ key: ChangeField, bit: Int, from reader: inout JSONReader) throws {
        try seen.mark(bit)
        switch key {
        case .op: op = try Self.parse(reader.string(), ChangeTag.init(rawValue:))
        case .year: year = try reader.int()
        case .subject: subject = try Self.parse(reader.string(), Subject.init(token:))
        case .item: item = try reader.string()
        case .field: field = try Self.parse(reader.string(), ScoreField.init(rawValue:))
        // `decodeIfPresent`: null and missing are both no value.
        case .value: value = try reader.null() ? nil : reader.points()
        case .done: done = try reader.bool()
        case .note: note = try reader.string()
        case .evidence: evidence = try reader.array { try FastRecords.evidence(&$0) }
        case .state: state = try Self.parse(reader.string(), SheetState.init(rawValue:))
        case .reason: reason = try reader.string()
        case .id: id = try reader.string()
        case .archived: archived = try reader.bool()
        case .groupID: groupID = try reader.string()
        case .unitID: unitID = try reader.string()
        case .ruleID: ruleID = try reader.string()
        case .status: status = try Self.parse(reader.string(), NominationStatus.init(rawValue:))
        case .label: label = try reader.string()
        case .changes: changes = try reader.array { try FastJournal.change(&$0) }
        // Whole records: JSONDecoder reads them.
        case .settings, .rules, .category, .group, .form, .unit, .person, .set, .sheet, .report,
             .nomination, .vote, .decision, .awardID, .award:
            throw JSONReader.GiveUp()
        }
    }

    /// The change of kind `tag`, each field required as `Change(tag:fields:)` requires it.
    func change(_ tag: ChangeTag) throws -> Change {
        func need<T>(_ value: T?) throws -> T { try FastRecords.required(value) }
        switch tag {
        case .setScore:
            return .setScore(year: try need(year), subject: try need(subject), item: try need(item), field: try need(field), value: value)
        case .setItemDone:
            return .setItemDone(year: try need(year), subject: try need(subject), item: try need(item), done: try need(done))
        case .setItemNote:
            return .setItemNote(year: try need(year), subject: try need(subject), item: try need(item), note: try need(note))
        case .setItemEvidence:
            return .setItemEvidence(year: try need(year), subject: try need(subject), item: try need(item), evidence: try need(evidence))
        case .setSheetState:
            return .setSheetState(year: try need(year), subject: try need(subject), state: try need(state), reason: try need(reason))
        case .removeSheet: return .removeSheet(year: try need(year), subject: try need(subject))
        case .setUnitArchived: return .setUnitArchived(id: UnitID(try need(id)), archived: try need(archived))
        case .removeUnit: return .removeUnit(id: UnitID(try need(id)))
        case .setPersonArchived: return .setPersonArchived(id: PersonID(try need(id)), archived: try need(archived))
        case .removePerson: return .removePerson(id: PersonID(try need(id)))
        case .removeCriteriaSet: return .removeCriteriaSet(year: try need(year), groupID: try need(groupID))
        case .removeReport: return .removeReport(year: try need(year), unitID: UnitID(try need(unitID)))
        case .removeNomination: return .removeNomination(id: NominationID(try need(id)))
        case .overrideFinding:
            return .overrideFinding(id: NominationID(try need(id)), ruleID: try need(ruleID), reason: try need(reason))
        case .setNominationStatus:
            return .setNominationStatus(id: NominationID(try need(id)), status: try need(status), reason: try need(reason))
        case .removeAward: return .removeAward(id: AwardRecordID(try need(id)))
        case .batch: return .batch(label: try need(label), changes: try need(changes))
        case .updateSettings, .updateRules, .updateCategory, .updateCriteriaGroup, .updateAwardForm, .addUnit, .updateUnit,
             .addPerson, .updatePerson, .putCriteriaSet, .putSheet, .recordReport, .putCommuneReport, .addNomination,
             .updateNomination, .recordVote, .recordDecision, .addAward, .updateAward:
            throw JSONReader.GiveUp()
        }
    }

    /// A text that must name a case (a tag, a subject, a state …); anything else gives up.
    private static func parse<T>(_ text: String, _ make: (String) -> T?) throws -> T {
        try FastRecords.required(make(text))
    }
}

extension JournalPayload: FastJournalPayload {
    static func fastEntry(_ line: UnsafeBufferPointer<UInt8>) -> JournalEntry<JournalPayload>? {
        FastJournal.entry(line)
    }
}

extension FastJournal {
    /// As `JournalPayload.init(from:)`: a missing format is 1, a newer one gives up (JSONDecoder
    /// refuses it). A restore line goes to JSONDecoder (there is one per restore).
    fileprivate static func payload(_ reader: inout JSONReader) throws -> JournalPayload {
        var seen = FastRecords.Seen()
        var format = 1, change: Change?, inverse: Change?, summary: String?, base: Int?
        try reader.object { reader, key in
            switch key {
            case "base": try seen.mark(0); base = try reader.null() ? nil : reader.int()
            case "change": try seen.mark(1); change = try FastJournal.change(&reader)
            case "format": try seen.mark(2); format = try reader.int()
            case "inverse": try seen.mark(3); inverse = try FastJournal.change(&reader)
            case "summary": try seen.mark(4); summary = try reader.string()
            default: throw JSONReader.GiveUp()
            }
        }
        guard format <= JournalPayload.currentFormat else { throw JSONReader.GiveUp() }
        return JournalPayload(change: try FastRecords.required(change), inverse: try FastRecords.required(inverse),
                              summary: try FastRecords.required(summary), base: base)
    }
}

// MARK: Writing

/// The canonical line of an entry (`JournalLineCodec`) written directly, byte for byte what
/// JSONEncoder with sorted keys writes, for the changes a durable edit usually makes: encoding
/// through JSONEncoder was more than a third of a commit's work. Anything else — another kind,
/// a restore, text with control characters (whose escapes are JSONEncoder's business) — is
/// left to JSONEncoder (nil). Field and tag names come from `ChangeField` and `ChangeTag`.
///
/// Each object's keys are written in sorted order by hand; debug builds (the tests) check the
/// order as they go, and the tests compare every byte with JSONEncoder's.
enum FastJournalWriter {
    struct GiveUp: Error {}

    /// The entry's canonical JSON, or nil: ask JSONEncoder.
    static func canonical(_ entry: JournalEntry<JournalPayload>) -> [UInt8]? {
        let payload = entry.payload
        guard payload.restore == nil else { return nil }
        var line = Line()
        do {
            line.open()
            try line.text("hash", entry.hash)
            try line.text("host", entry.host)
            line.key("payload")
            line.open()
            if let base = payload.base { line.int("base", base) }
            line.key("change")
            try change(&line, payload.change)
            line.int("format", JournalPayload.currentFormat)
            line.key("inverse")
            try change(&line, payload.inverse)
            try line.text("summary", payload.summary)
            line.close()
            try line.text("prev", entry.prev)
            line.int("seq", entry.seq)
            try line.text("time", entry.time)
            try line.text("user", entry.user)
            line.close()
        } catch {
            return nil
        }
        return line.bytes
    }

    /// A change as `Change.encode(to:)` writes it (flat, `"op"` among its fields).
    private static func change(_ line: inout Line, _ change: Change) throws {
        let year = ChangeField.year.rawValue, subject = ChangeField.subject.rawValue, item = ChangeField.item.rawValue
        let op = ChangeField.op.rawValue, tag = change.tag.rawValue
        line.open()
        switch change {
        case .setScore(let y, let s, let code, let field, let value):
            try line.text(ChangeField.field.rawValue, field.rawValue)
            try line.text(item, code)
            try line.text(op, tag)
            try line.text(subject, s.token)
            if let value { line.points(ChangeField.value.rawValue, value) }
            line.int(year, y)
        case .setItemDone(let y, let s, let code, let done):
            line.bool(ChangeField.done.rawValue, done)
            try line.text(item, code)
            try line.text(op, tag)
            try line.text(subject, s.token)
            line.int(year, y)
        case .setItemNote(let y, let s, let code, let note):
            try line.text(item, code)
            try line.text(ChangeField.note.rawValue, note)
            try line.text(op, tag)
            try line.text(subject, s.token)
            line.int(year, y)
        case .setItemEvidence(let y, let s, let code, let evidence):
            line.key(ChangeField.evidence.rawValue)
            line.openArray()
            for proof in evidence {
                line.element()
                line.open()
                if let date = proof.date { try line.text("date", date.iso) }
                try line.text("documentNumber", proof.documentNumber)
                try line.text("product", proof.product)
                try line.text("summary", proof.summary)
                line.close()
            }
            line.closeArray()
            try line.text(item, code)
            try line.text(op, tag)
            try line.text(subject, s.token)
            line.int(year, y)
        case .setSheetState(let y, let s, let state, let reason):
            try line.text(op, tag)
            try line.text(ChangeField.reason.rawValue, reason)
            try line.text(ChangeField.state.rawValue, state.rawValue)
            try line.text(subject, s.token)
            line.int(year, y)
        case .removeSheet(let y, let s):
            try line.text(op, tag)
            try line.text(subject, s.token)
            line.int(year, y)
        default:
            throw GiveUp()
        }
        line.close()
    }

    /// The bytes of a line being written, one key and value after another.
    private struct Line {
        var bytes: [UInt8] = []
        #if DEBUG
        /// The last key of each open object: keys must come in sorted order, as JSONEncoder's.
        private var lastKeys: [String] = []
        #endif

        init() { bytes.reserveCapacity(640) }

        mutating func open() {
            bytes.append(UInt8(ascii: "{"))
            #if DEBUG
            lastKeys.append("")
            #endif
        }

        mutating func close() {
            bytes.append(UInt8(ascii: "}"))
            #if DEBUG
            lastKeys.removeLast()
            #endif
        }

        mutating func openArray() { bytes.append(UInt8(ascii: "[")) }
        mutating func closeArray() { bytes.append(UInt8(ascii: "]")) }

        /// Before each element of an array.
        mutating func element() {
            if bytes.last != UInt8(ascii: "[") { bytes.append(UInt8(ascii: ",")) }
        }

        /// `"name":`, after a comma unless it is the object's first key. Names are ASCII, so
        /// String's order is the order of their bytes.
        mutating func key(_ name: String) {
            #if DEBUG
            precondition(lastKeys[lastKeys.count - 1] < name, "keys out of order: \(lastKeys.last!) before \(name)")
            lastKeys[lastKeys.count - 1] = name
            #endif
            if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            bytes.append(contentsOf: name.utf8)
            bytes.append(contentsOf: #"":"#.utf8)
        }

        mutating func int(_ name: String, _ value: Int) {
            key(name)
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func bool(_ name: String, _ value: Bool) {
            key(name)
            bytes.append(contentsOf: (value ? "true" : "false").utf8)
        }

        /// As `Points.encode(to:)`: whole points as an integer, else the decimal with no trailing zero.
        mutating func points(_ name: String, _ points: Points) {
            key(name)
            let hundredths = points.hundredths
            if hundredths % 100 == 0 {
                bytes.append(contentsOf: String(hundredths / 100).utf8)
                return
            }
            let magnitude = hundredths.magnitude
            if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(contentsOf: String(magnitude / 100).utf8)
            bytes.append(UInt8(ascii: "."))
            let fraction = magnitude % 100
            bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
            if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
        }

        /// A string: `"` and `\` escaped, everything else as is (`/` too, `.withoutEscapingSlashes`);
        /// control characters give up.
        mutating func text(_ name: String, _ value: String) throws {
            key(name)
            bytes.append(UInt8(ascii: "\""))
            var value = value
            try value.withUTF8 { utf8 in
                // Most text needs no escape: copied whole.
                guard utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 < 0x20 }) else {
                    bytes.append(contentsOf: utf8)
                    return
                }
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
                    case 0..<0x20: throw GiveUp()
                    default: bytes.append(byte)
                    }
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
    }
}
