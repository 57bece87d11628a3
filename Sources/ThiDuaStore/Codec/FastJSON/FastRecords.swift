import ThiDuaDomain

/// The record types that make up nearly all of a large folder — score sheets, people and
/// units — read with `JSONReader`, field for field as their `init(from:)` reads them:
/// required fields must be there, optional ones may be missing or null, unknown keys are
/// skipped. A repeated key or anything unexpected gives up, and the file goes to JSONDecoder.
enum FastRecords {
    /// The sheets, and whether some text had to be put in NFC; nil: ask JSONDecoder.
    static func scoreSheets(_ bytes: [UInt8]) -> (value: [ScoreSheet], normalised: Bool)? {
        JSONReader.read(bytes) { reader in try reader.array { try scoreSheet(&$0) } }
    }

    static func people(_ bytes: [UInt8]) -> (value: [Person], normalised: Bool)? {
        JSONReader.read(bytes) { reader in try reader.array { try person(&$0) } }
    }

    /// JSONDecoder spent 50,000 instructions per unit of a province's 15,000.
    static func units(_ bytes: [UInt8]) -> (value: [OrgUnit], normalised: Bool)? {
        JSONReader.read(bytes) { reader in try reader.array { try unit(&$0) } }
    }

    /// Marks each key as seen once; a second sighting gives up (which copy JSONDecoder keeps
    /// is its business).
    struct Seen {
        private var bits: UInt64 = 0
        mutating func mark(_ bit: Int) throws {
            guard bits & (1 << bit) == 0 else { throw JSONReader.GiveUp() }
            bits |= 1 << bit
        }
    }

    static func required<T>(_ value: T?) throws -> T {
        guard let value else { throw JSONReader.GiveUp() }
        return value
    }

    private static func scoreSheet(_ reader: inout JSONReader) throws -> ScoreSheet {
        var seen = Seen()
        var year: Int?, subject: Subject?, groupID: String?, state: SheetState?, items: [String: ItemScore]?
        try reader.object { reader, key in
            switch key {
            case "year": try seen.mark(0); year = try reader.int()
            case "subject": try seen.mark(1); subject = Subject(token: try reader.string())
                if subject == nil { throw JSONReader.GiveUp() }
            case "groupID": try seen.mark(2); groupID = try reader.string()
            case "state": try seen.mark(3); state = SheetState(rawValue: try reader.string())
                if state == nil { throw JSONReader.GiveUp() }
            case "items":
                try seen.mark(4)
                // Gathered first so the table is made at its size: filled one by one it
                // grew (rehashing every code) two or three times per sheet of 90,000.
                var read: [(code: String, score: ItemScore)] = []
                read.reserveCapacity(16)
                try reader.object { reader, key in
                    read.append((try reader.text(of: key), try itemScore(&reader)))
                }
                var table = [String: ItemScore](minimumCapacity: read.count)
                for (code, score) in read where table.updateValue(score, forKey: code) != nil {
                    throw JSONReader.GiveUp()
                }
                items = table
            default: try reader.skipValue()
            }
        }
        return ScoreSheet(year: try required(year), subject: try required(subject), groupID: try required(groupID),
                          state: try required(state), items: try required(items))
    }

    private static func itemScore(_ reader: inout JSONReader) throws -> ItemScore {
        var seen = Seen()
        var score = ItemScore()
        try reader.object { reader, key in
            switch key {
            case "done": try seen.mark(0); score.done = try reader.null() ? false : try reader.bool()
            case "selfScore": try seen.mark(1); score.selfScore = try reader.null() ? nil : try reader.points()
            case "appraised": try seen.mark(2); score.appraised = try reader.null() ? nil : try reader.points()
            case "evidence": try seen.mark(3); score.evidence = try reader.null() ? [] : try reader.array { try evidence(&$0) }
            case "note": try seen.mark(4); score.note = try reader.null() ? "" : try reader.string()
            default: try reader.skipValue()
            }
        }
        return score
    }

    static func evidence(_ reader: inout JSONReader) throws -> Evidence {
        var seen = Seen()
        var documentNumber: String?, date: CalendarDate?, summary: String?, product: String?
        try reader.object { reader, key in
            switch key {
            case "documentNumber": try seen.mark(0); documentNumber = try reader.string()
            case "date":
                try seen.mark(1)
                if try !reader.null() {
                    guard let parsed = try? CalendarDate(parsing: try reader.string()) else { throw JSONReader.GiveUp() }
                    date = parsed
                }
            case "summary": try seen.mark(2); summary = try reader.string()
            case "product": try seen.mark(3); product = try reader.string()
            default: try reader.skipValue()
            }
        }
        return Evidence(documentNumber: try required(documentNumber), date: date, summary: try required(summary),
                        product: try required(product))
    }

    private static func person(_ reader: inout JSONReader) throws -> Person {
        var seen = Seen()
        var id: String?, fullName: String?, gender: Gender?, kind: PersonKind?
        var givenName: String?, birthYear: Int?, position = "", unitID: String?, address = ""
        var underDiscipline = false, archived = false, notes = "", isSample = false
        try reader.object { reader, key in
            switch key {
            case "id": try seen.mark(0); id = try reader.string()
            case "fullName": try seen.mark(1); fullName = try reader.string()
            case "givenName": try seen.mark(2); givenName = try reader.null() ? nil : try reader.string()
            case "gender": try seen.mark(3); gender = Gender(rawValue: try reader.string())
                if gender == nil { throw JSONReader.GiveUp() }
            case "birthYear": try seen.mark(4); birthYear = try reader.null() ? nil : try reader.int()
            case "position": try seen.mark(5); position = try reader.null() ? "" : try reader.string()
            case "unitID": try seen.mark(6); unitID = try reader.null() ? nil : try reader.string()
            case "address": try seen.mark(7); address = try reader.null() ? "" : try reader.string()
            case "kind": try seen.mark(8); kind = PersonKind(rawValue: try reader.string())
                if kind == nil { throw JSONReader.GiveUp() }
            case "underDiscipline": try seen.mark(9); underDiscipline = try reader.null() ? false : try reader.bool()
            case "archived": try seen.mark(10); archived = try reader.null() ? false : try reader.bool()
            case "notes": try seen.mark(11); notes = try reader.null() ? "" : try reader.string()
            case "isSample": try seen.mark(12); isSample = try reader.null() ? false : try reader.bool()
            default: try reader.skipValue()
            }
        }
        return Person(id: PersonID(try required(id)), fullName: try required(fullName), givenName: givenName,
                      gender: try required(gender), birthYear: birthYear, position: position,
                      unitID: unitID.map { UnitID($0) }, address: address, kind: try required(kind),
                      underDiscipline: underDiscipline, archived: archived, notes: notes, isSample: isSample)
    }

    private static func unit(_ reader: inout JSONReader) throws -> OrgUnit {
        var seen = Seen()
        var id: String?, name: String?, categoryID: String?, order = 0, head = "", phone = ""
        var archived = false, notes = "", isSample = false
        try reader.object { reader, key in
            switch key {
            case "id": try seen.mark(0); id = try reader.string()
            case "name": try seen.mark(1); name = try reader.string()
            case "categoryID": try seen.mark(2); categoryID = try reader.string()
            case "order": try seen.mark(3); order = try reader.null() ? 0 : try reader.int()
            case "head": try seen.mark(4); head = try reader.null() ? "" : try reader.string()
            case "phone": try seen.mark(5); phone = try reader.null() ? "" : try reader.string()
            case "archived": try seen.mark(6); archived = try reader.null() ? false : try reader.bool()
            case "notes": try seen.mark(7); notes = try reader.null() ? "" : try reader.string()
            case "isSample": try seen.mark(8); isSample = try reader.null() ? false : try reader.bool()
            default: try reader.skipValue()
            }
        }
        return OrgUnit(id: UnitID(try required(id)), name: try required(name), categoryID: try required(categoryID),
                       order: order, head: head, phone: phone, archived: archived, notes: notes, isSample: isSample)
    }
}
