import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

/// The fast reader of journal lines (`FastJournal`) must give exactly the entry JSONDecoder
/// gives, for every kind of change in both formats, and must give up on every line it is not
/// sure of, so that the journal reads — entries, problems, errors — exactly as it did before.
@Suite struct FastJournalTests {
    typealias Entry = JournalEntry<JournalPayload>

    /// The kinds the fast reader reads; every other kind goes to JSONDecoder.
    static let fastTags: Set<ChangeTag> = [
        .setScore, .setItemDone, .setItemNote, .setItemEvidence, .setSheetState, .removeSheet,
        .setUnitArchived, .removeUnit, .setPersonArchived, .removePerson, .removeCriteriaSet, .removeReport,
        .removeNomination, .overrideFinding, .setNominationStatus, .removeAward, .batch,
    ]

    static func readsFast(_ change: Change) -> Bool {
        if case .batch(_, let changes) = change { return changes.allSatisfy(readsFast) }
        return fastTags.contains(change.tag)
    }

    static func fast(_ line: String) -> Entry? {
        Array(line.utf8).withUnsafeBufferPointer { FastJournal.entry($0) }
    }

    static func decoded(_ line: String) throws -> Entry {
        try JSONDecoder().decode(Entry.self, from: Data(line.utf8))
    }

    /// The entry's canonical bytes: equal entries whose text differs only in normalisation
    /// (which Swift's `==` does not see) still differ here.
    static func bytes(_ entry: Entry) throws -> Data {
        try JournalLineCodec.makeEncoder().encode(entry)
    }

    /// Decodes `line` both ways: the fast reader must read it exactly as JSONDecoder does when
    /// its kinds are ones it reads, and give up otherwise.
    static func expectBothWaysEqual(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let slow = try decoded(line)
        let expectFast = readsFast(slow.payload.change) && readsFast(slow.payload.inverse) && slow.payload.restore == nil
        let quick = fast(line)
        #expect((quick != nil) == expectFast, "\(slow.payload.change.tag.rawValue) / \(slow.payload.inverse.tag.rawValue)",
                sourceLocation: sourceLocation)
        if let quick {
            #expect(quick == slow, sourceLocation: sourceLocation)
            #expect(try bytes(quick) == bytes(slow), sourceLocation: sourceLocation)
        }
    }

    // MARK: Every kind, both formats

    @Test func everyFormatOneLineOfTheFixtureReadsTheSameBothWays() throws {
        let folder = try JournalFormatTests.copy("folder")
        defer { folder.remove() }
        let lines = try JournalFormatTests.journalLines(folder.path)
        #expect(Set(try lines.map { try Self.decoded($0).payload.change.tag }) == Set(ChangeTag.allCases))
        for line in lines { try Self.expectBothWaysEqual(line) }
        // Format 1 is read fast too, not only handed on.
        #expect(lines.filter { Self.fast($0) != nil }.count >= 5)
    }

    @Test func everyKindWrittenByThisProgramReadsTheSameBothWays() throws {
        let folder = try JournalFormatTests.copy("folder")
        defer { folder.remove() }
        let trail = try JournalFormatTests.open(folder.path).auditTrail()
        #expect(Set(trail.entries.map(\.change.tag)) == Set(ChangeTag.allCases))
        let encoder = JournalLineCodec.makeEncoder()
        var previous = JournalTip.genesis
        for audit in trail.entries {
            // Each change and its inverse also stand alone as the change, so that every kind is
            // read as a line's `change` and as its `inverse`.
            for (change, inverse) in [(audit.change, audit.inverse), (audit.inverse, audit.change)] {
                let payload = JournalPayload(change: change, inverse: inverse, summary: audit.summary, base: audit.seq - 1)
                let entry = Entry(seq: previous.seq + 1, time: audit.time, user: audit.user, host: audit.host,
                                  payload: payload, prev: previous.hash)
                let (line, hash) = try JournalLineCodec.encode(entry, with: encoder)
                try Self.expectBothWaysEqual(String(decoding: line.dropLast(), as: UTF8.self))
                previous = JournalTip(seq: entry.seq, hash: hash)
            }
        }
    }

    @Test func linesCommittedByAStoreReadTheSameBothWays() throws {
        let folder = try JournalFormatTests.copy("folder")
        defer { folder.remove() }
        let store = try JournalFormatTests.open(folder.path, readOnly: false)
        let subject = Subject.unit("DV0001")
        let evidence = [Evidence(documentNumber: "12/QĐ-UBND", date: try CalendarDate(year: 2026, month: 3, day: 9),
                                 summary: "Quyết định \"khen\" — đợt 1\\2", product: "a/b"),
                        Evidence(summary: "Không ngày")]
        for change: Change in [
            .setScore(year: 2026, subject: subject, item: "1.1", field: .selfScore, value: Points(hundredths: 875)),
            .setScore(year: 2026, subject: subject, item: "1.1", field: .appraised, value: Points(hundredths: 5)),
            .setScore(year: 2026, subject: subject, item: "1.1", field: .appraised, value: nil),
            .setItemDone(year: 2026, subject: subject, item: "1.2", done: true),
            .setItemNote(year: 2026, subject: subject, item: "1.2", note: "Ghi chú \"có ngoặc\" và / gạch"),
            .setItemEvidence(year: 2026, subject: subject, item: "1.2", evidence: evidence),
            .batch(label: "Nhập từ tệp", changes: [
                .setScore(year: 2026, subject: subject, item: "1.1", field: .selfScore, value: Points(12)),
                .setItemNote(year: 2026, subject: subject, item: "1.1", note: ""),
            ]),
        ] {
            try store.commit(change)
        }
        let lines = try JournalFormatTests.journalLines(folder.path).suffix(7)
        for line in lines {
            #expect(Self.fast(line) != nil)
            try Self.expectBothWaysEqual(line)
        }
    }

    // MARK: Lines the fast reader must refuse

    /// The outcome of parsing a journal, comparable: what the store would see.
    struct Outcome: Equatable {
        var lines: [String] = []
        var problems: [JournalProblem] = []
        var torn: [Int?] = []
        var error: String?

        init(_ text: [UInt8], fast: Bool) {
            do {
                let parsed = try JournalParser.parse(text, file: "journal.jsonl", as: JournalPayload.self,
                                                     fastReading: fast)
                lines = try parsed.lines.map { line in
                    "\(line.number) \(line.range) \(line.hashMatches) " + String(decoding: try FastJournalTests.bytes(line.entry), as: UTF8.self)
                }
                problems = parsed.problems
                torn = [parsed.tornOffset, parsed.tornLine]
            } catch {
                self.error = "\(error)"
            }
        }
    }

    /// A real score line written by this program.
    static func scoreLine() throws -> String {
        let payload = JournalPayload(change: .setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: Points(hundredths: 850)),
                                     inverse: .setScore(year: 2026, subject: .unit("DV0001"), item: "1.1", field: .selfScore, value: nil),
                                     summary: "Điểm tự chấm tiêu chí 1.1: 8,5", base: 7)
        let entry = Entry(seq: 8, time: "2026-12-06T09:15:02+07:00", user: "lan", host: "may-van-phong", payload: payload,
                          prev: String(repeating: "a", count: 64))
        let line = try JournalLineCodec.encode(entry, with: JournalLineCodec.makeEncoder()).line
        return String(decoding: line.dropLast(), as: UTF8.self)
    }

    @Test func linesTheFastReaderRefusesReadExactlyAsBefore() throws {
        let good = try Self.scoreLine()
        #expect(Self.fast(good) != nil)
        func replacing(_ old: String, _ new: String) -> [UInt8] {
            precondition(good.contains(old), old)
            return Array(good.replacingOccurrences(of: old, with: new).utf8)
        }
        let line = Array(good.utf8)
        let odd: [(String, [UInt8])] = [
            ("a repeated envelope key", replacing(#""seq":8"#, #""seq":8,"seq":9"#)),
            ("a repeated change key", replacing(#""op":"score.set""#, #""op":"score.set","op":"score.set""#)),
            ("a repeated payload key", replacing(#""summary":"#, #""summary":"x","summary":"#)),
            ("an exponent", replacing(#""year":2026"#, #""year":2.026e3"#)),
            ("an exponent in a score", replacing(#""value":8.5"#, #""value":85e-1"#)),
            ("three decimals", replacing(#""value":8.5"#, #""value":8.505"#)),
            ("a leading zero", replacing(#""seq":8"#, #""seq":08"#)),
            ("a fraction for an integer", replacing(#""seq":8"#, #""seq":8.0"#)),
            ("a huge number", replacing(#""seq":8"#, #""seq":123456789012345678901234567890"#)),
            ("a long fraction", replacing(#""value":8.5"#, #""value":8.123456789012345678901234567890"#)),
            ("an escaped key", replacing(#""user":"#, #""us\u0065r":"#)),
            ("escapes in text", replacing(#""summary":"Điểm"#, #""summary":"\u0110i\u1ec3m \/ \t \"x\" \ud83d\ude00"#)),
            ("a lone surrogate", replacing(#""summary":"Điểm"#, #""summary":"\ud800 Điểm"#)),
            ("an unknown escape", replacing(#""summary":"Điểm"#, #""summary":"\x Điểm"#)),
            ("a raw tab in text", replacing(#""summary":"Điểm"#, "\"summary\":\"\tĐiểm")),
            ("decomposed accents", replacing("Điểm tự chấm", "Điểm tự chấm".decomposedStringWithCanonicalMapping)),
            ("spaces between tokens", replacing(#""seq":8,"#, #" "seq" : 8 , "#)),
            ("an unknown key", replacing(#""seq":8"#, #""seq":8,"note":1"#)),
            ("an unknown payload key", replacing(#""summary":"#, #""future":[1,{"a":null}],"summary":"#)),
            ("an unknown change key", replacing(#""op":"score.set""#, #""op":"score.set","unit":{}"#)),
            ("an unknown tag", replacing(#""op":"score.set""#, #""op":"score.add""#)),
            ("a restore", replacing(#""summary":"#, #""restore":{"backup":"b.zip","contentHash":"h","previousStateBackup":"p.zip"},"summary":"#)),
            ("a null format", replacing(#""format":3"#, #""format":null"#)),
            ("a missing format", replacing(#""format":3,"#, "")),
            ("a string for a number", replacing(#""year":2026"#, #""year":"2026""#)),
            ("null for a string", replacing(#""item":"1.1""#, #""item":null"#)),
            ("a missing field", replacing(#""item":"1.1","#, "")),
            ("a bad subject", replacing(#""subject":"unit:DV0001""#, #""subject":"DV0001""#)),
            ("two formats at once", replacing(#""op":"score.set""#, #""op":"score.set","setScore":{}"#)),
            ("a format-1 object with two kinds", replacing(#"{"field":"selfScore","item":"1.1","op":"score.set","subject":"unit:DV0001","value":8.5,"year":2026}"#,
                                                          #"{"setScore":{"field":"selfScore","item":"1.1","subject":"unit:DV0001","value":8.5,"year":2026},"removeSheet":{"subject":"unit:DV0001","year":2026}}"#)),
            ("a newer format", replacing(#""format":3"#, #""format":4"#)),
            ("a torn line", Array(line.prefix(line.count / 2))),
            ("not an object", Array("[".utf8) + line + Array("]".utf8)),
            ("trailing bytes", line + Array("}".utf8)),
            ("invalid UTF-8", replacing("Điểm tự", "Đi\u{FFFF}m tự").map { $0 == 0xEF ? 0xC3 : $0 }),
            ("a NUL byte", replacing("Điểm tự", "Đi\u{0}m tự")),
        ]
        let newline: [UInt8] = [0x0A]
        for (name, odd) in odd {
            // In the middle of the journal, as its last line, and as a torn fragment.
            for text in [line + newline + odd + newline + line + newline, line + newline + odd + newline, line + newline + odd] {
                #expect(Outcome(text, fast: true) == Outcome(text, fast: false), "\(name)")
            }
        }
        // The refusal of a newer format is still the one the user sees.
        let newer = Outcome(line + newline + replacing(#""format":3"#, #""format":4"#) + newline, fast: true)
        #expect(newer.error == "\(JournalError.newerFormat(file: "journal.jsonl", line: 2, format: 4))")
    }

    // MARK: Writing

    /// The kinds a line is written for directly; every other kind goes to JSONEncoder.
    static let fastWrittenTags: Set<ChangeTag> = [.setScore, .setItemDone, .setItemNote, .setItemEvidence, .setSheetState, .removeSheet]

    /// The line's canonical JSON both ways: written directly it must be JSONEncoder's, byte for byte.
    /// `controlCharacters`: some text holds one (their escapes are left to JSONEncoder).
    static func expectWrittenAsJSONEncoderWrites(_ payload: JournalPayload, controlCharacters: Bool = false,
                                                 sourceLocation: SourceLocation = #_sourceLocation) throws {
        let entry = Entry(seq: 41, time: "2026-12-06T09:15:02+07:00", user: "lan", host: "may-van-phong", payload: payload,
                          prev: String(repeating: "0", count: 64))
        let fast = FastJournalWriter.canonical(entry)
        let expected = [UInt8](try JournalLineCodec.makeEncoder().encode(entry))
        let writesFast = fastWrittenTags.contains(payload.change.tag) && fastWrittenTags.contains(payload.inverse.tag)
            && payload.restore == nil && !controlCharacters
        #expect((fast != nil) == writesFast, "\(payload.change.tag) / \(payload.inverse.tag)", sourceLocation: sourceLocation)
        if let fast {
            #expect(String(decoding: fast, as: UTF8.self) == String(decoding: expected, as: UTF8.self), sourceLocation: sourceLocation)
            #expect(fast == expected, sourceLocation: sourceLocation)
        }
        // Through the codec, whichever way it went, the line is JSONEncoder's with the hash put in.
        let line = try JournalLineCodec.encode(entry, with: JournalLineCodec.makeEncoder()).line
        #expect(Array(line.dropLast().prefix(9)) + Array(line.dropLast().dropFirst(9 + 64)) == expected, sourceLocation: sourceLocation)
    }

    @Test func everyKindIsWrittenAsJSONEncoderWritesIt() throws {
        let folder = try JournalFormatTests.copy("folder")
        defer { folder.remove() }
        let trail = try JournalFormatTests.open(folder.path).auditTrail()
        #expect(Set(trail.entries.map(\.change.tag)) == Set(ChangeTag.allCases))
        for audit in trail.entries {
            for (change, inverse) in [(audit.change, audit.inverse), (audit.inverse, audit.change), (audit.change, audit.change)] {
                for base in [nil, audit.seq - 1] {
                    try Self.expectWrittenAsJSONEncoderWrites(JournalPayload(change: change, inverse: inverse, summary: audit.summary, base: base))
                }
            }
        }
    }

    @Test func scoresAndAwkwardTextAreWrittenAsJSONEncoderWritesThem() throws {
        let subject = Subject.person("CN00001")
        for hundredths in Array(-1_005...1_005) + [99_999, 100_001, 123_456_789, -987_654_321, 999_999_999_999] {
            let value = Points(hundredths: hundredths)
            try Self.expectWrittenAsJSONEncoderWrites(JournalPayload(
                change: .setScore(year: 2026, subject: subject, item: "2.10", field: .appraised, value: value),
                inverse: .setScore(year: 2026, subject: subject, item: "2.10", field: .appraised, value: nil), summary: "s"))
        }
        let texts = ["", "Ghi chú \"có ngoặc\" và \\ gạch / chéo", "Tiếng Việt có dấu: Đồng Tâm, Nà Kéo, ưởng",
                     "Tiếng Việt".decomposedStringWithCanonicalMapping, "emoji 😀 và «ngoặc kép»", "\u{7F}\u{2028}\u{FEFF}",
                     "hai\ndòng", "tab\there", "\u{0}"]
        for text in texts {
            let control = text.unicodeScalars.contains { $0.value < 0x20 }
            try Self.expectWrittenAsJSONEncoderWrites(JournalPayload(
                change: .setItemNote(year: 2026, subject: .unit("DV0001"), item: "1.1", note: text),
                inverse: .setItemEvidence(year: 2026, subject: .unit("DV0001"), item: "1.1", evidence: [
                    Evidence(documentNumber: text, date: try CalendarDate(year: 2026, month: 1, day: 31), summary: text, product: text),
                    Evidence(summary: text),
                ]),
                summary: text, base: 3), controlCharacters: control)
            try Self.expectWrittenAsJSONEncoderWrites(JournalPayload(
                change: .setSheetState(year: 2025, subject: subject, state: .submitted, reason: text),
                inverse: .removeSheet(year: 2025, subject: subject), summary: "Nộp phiếu"), controlCharacters: control)
        }
        try Self.expectWrittenAsJSONEncoderWrites(JournalPayload(
            change: .setItemDone(year: 2026, subject: subject, item: "1.1", done: true),
            inverse: .setItemDone(year: 2026, subject: subject, item: "1.1", done: false), summary: "x",
            restore: RestoreRecord(backup: "a.zip", contentHash: "h", previousStateBackup: "b.zip")))
    }
}

