import Foundation
import Testing
import ThiDuaDomain
@testable import ThiDuaStore

/// The journal is the office's record until 2030 and after: every journal and history segment
/// ever written must read back to the same data. `Fixtures/journal-format-1` was written by the
/// program of November 2026 (format 1): `base/` is the folder before any edit, `folder/` is the
/// folder after 42 edits of every kind — 18 checkpointed into `history/`, 24 still only in
/// `journal.jsonl`, as a crash would leave it — and `expected/` is that folder checkpointed.
@Suite struct JournalFormatTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures").path
    static let formatOne = fixtures + "/journal-format-1"
    static let identity = Identity(user: "lan", host: "may-van-phong", pid: 4242)

    /// A scratch copy of a fixture folder (fixtures are never opened in place).
    static func copy(_ name: String) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        try? FileManager.default.removeItem(atPath: scratch.path)
        try FileManager.default.copyItem(atPath: formatOne + "/" + name, toPath: scratch.path)
        return scratch
    }

    static func open(_ folder: String, readOnly: Bool = true) throws -> DataStore {
        try DataStore.open(folder: folder, options: .init(createIfMissing: false, readOnly: readOnly),
                           clock: StoreFixtures.clock, identity: identity)
    }

    static func expected() throws -> Dataset {
        let folder = try copy("expected")
        defer { folder.remove() }
        return try open(folder.path).dataset
    }

    @Test func aFormatOneFolderOpensToTheSameDataset() throws {
        let folder = try Self.copy("folder")
        defer { folder.remove() }
        let store = try Self.open(folder.path)
        #expect(store.notices.isEmpty)
        #expect(store.dataset == (try Self.expected()))
        #expect(store.dataset.nominations["DN00001"]?.status == .awarded)
        #expect(store.dataset.units["DV0004"]?.name == "Thôn Đồng Tâm")
    }

    @Test func historyAndJournalReplayedFromTheBaseGiveTheSameDataset() throws {
        let folder = try Self.copy("folder")
        let base = try Self.copy("base")
        defer { folder.remove(); base.remove() }
        let trail = try Self.open(folder.path).auditTrail()
        #expect(trail.problems.isEmpty)
        #expect(trail.entries.map(\.seq) == Array(1...42))
        var data = try Self.open(base.path).dataset
        let context = ChangeContext(clock: StoreFixtures.clock, user: Self.identity.user)
        for entry in trail.entries {
            data = try data.apply(entry.change, context: context).dataset
        }
        #expect(data == (try Self.expected()))
        // Every inverse still applies where it was recorded: undo back to the base.
        for entry in trail.entries.reversed() {
            data = try data.apply(entry.inverse, context: context).dataset
        }
        #expect(data == (try Self.open(base.path).dataset))
    }

    @Test func everyRecordedChangeRewritesInTheCurrentFormatAndReadsBackEqual() throws {
        let folder = try Self.copy("folder")
        defer { folder.remove() }
        let trail = try Self.open(folder.path).auditTrail()
        let encoder = JournalLineCodec.makeEncoder()
        for entry in trail.entries {
            let payload = JournalPayload(change: entry.change, inverse: entry.inverse, summary: entry.summary,
                                         base: entry.seq - 1)
            let text = String(decoding: try encoder.encode(payload), as: UTF8.self)
            #expect(text.contains(#""format":3"#))
            #expect(text.contains(#""base":\#(entry.seq - 1)"#))
            #expect(!text.contains(#"{"\#(entry.change.tag.formatOneName)":"#), "format 2 and 3 never write a case name as a key")
            #expect(try JSONDecoder().decode(JournalPayload.self, from: Data(text.utf8)) == payload)
        }
    }

    @Test func aJournalGoesOnInTheCurrentFormatAfterFormatOneLines() throws {
        let folder = try Self.copy("folder")
        defer { folder.remove() }
        let store = try Self.open(folder.path, readOnly: false)
        try store.commit(.setItemNote(year: 2026, subject: .unit("DV0001"), item: "1.2", note: "Bổ sung sau"))
        let after = store.dataset
        let lines = try String(contentsOfFile: folder.file("journal.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 25)
        #expect(!lines[23].contains(#""format""#))
        #expect(lines[24].contains(#""format":3"#) && lines[24].contains(#""op":"item.note""#))
        // Without a close (a crash), the mixed journal replays; the chain has no break.
        let reopened = try Self.open(folder.path)
        #expect(reopened.dataset == after)
        #expect(try reopened.auditTrail().problems.isEmpty)
    }

    @Test func aLineOfANewerFormatIsRefusedAndLeftInPlace() throws {
        let folder = try Self.copy("folder")
        defer { folder.remove() }
        let path = folder.file("journal.jsonl")
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let last = text.split(separator: "\n").last!
        text += last.replacingOccurrences(of: #""payload":{"#, with: #""payload":{"format":4,"#) + "\n"
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        let error = #expect(throws: StoreFailure.self) { try Self.open(folder.path, readOnly: false) }
        #expect(error?.message.contains("/journal.jsonl» dòng 25 được ghi bằng định dạng nhật ký 4, mới hơn định dạng 3") == true, "\(error?.message ?? "")")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == text)
    }

    // MARK: The tags are the file format

    /// Every kind of change, its tag, its format-1 name and its fields, as written in 2026.
    /// Changing any of these strings breaks every journal written so far: add a migration
    /// (a new `JournalPayload.currentFormat` and a reader for the old one) instead.
    static let fixedTags: [(tag: String, formatOne: String, fields: [String])] = [
        ("settings.update", "updateSettings", ["settings"]),
        ("rules.update", "updateRules", ["rules"]),
        ("category.update", "updateCategory", ["category"]),
        ("criteriaGroup.update", "updateCriteriaGroup", ["group"]),
        ("awardForm.update", "updateAwardForm", ["form"]),
        ("unit.add", "addUnit", ["unit"]),
        ("unit.update", "updateUnit", ["unit"]),
        ("unit.archive", "setUnitArchived", ["archived", "id"]),
        ("unit.remove", "removeUnit", ["id"]),
        ("person.add", "addPerson", ["person"]),
        ("person.update", "updatePerson", ["person"]),
        ("person.archive", "setPersonArchived", ["archived", "id"]),
        ("person.remove", "removePerson", ["id"]),
        ("criteriaSet.put", "putCriteriaSet", ["set"]),
        ("criteriaSet.remove", "removeCriteriaSet", ["groupID", "year"]),
        ("score.set", "setScore", ["field", "item", "subject", "value", "year"]),
        ("item.done", "setItemDone", ["done", "item", "subject", "year"]),
        ("item.note", "setItemNote", ["item", "note", "subject", "year"]),
        ("item.evidence", "setItemEvidence", ["evidence", "item", "subject", "year"]),
        ("sheet.state", "setSheetState", ["reason", "state", "subject", "year"]),
        ("sheet.put", "putSheet", ["sheet"]),
        ("sheet.remove", "removeSheet", ["subject", "year"]),
        ("report.record", "recordReport", ["report"]),
        ("report.remove", "removeReport", ["unitID", "year"]),
        ("communeReport.put", "putCommuneReport", ["report"]),
        ("nomination.add", "addNomination", ["nomination"]),
        ("nomination.update", "updateNomination", ["nomination"]),
        ("nomination.remove", "removeNomination", ["id"]),
        ("nomination.vote", "recordVote", ["id", "vote"]),
        ("nomination.override", "overrideFinding", ["id", "reason", "ruleID"]),
        ("nomination.status", "setNominationStatus", ["id", "reason", "status"]),
        ("nomination.decision", "recordDecision", ["awardID", "decision", "id"]),
        ("award.add", "addAward", ["award"]),
        ("award.update", "updateAward", ["award"]),
        ("award.remove", "removeAward", ["id"]),
        ("batch", "batch", ["changes", "label"]),
    ]

    @Test func everyTagAndFieldNameIsTheOneFixedIn2026() throws {
        #expect(ChangeTag.allCases.map(\.rawValue) == Self.fixedTags.map(\.tag))
        #expect(ChangeTag.allCases.map(\.formatOneName) == Self.fixedTags.map(\.formatOne))
        let folder = try Self.copy("folder")
        defer { folder.remove() }
        // The fixture holds every kind of change; each is written with exactly its fixed fields,
        // and its format-1 line had exactly the same fields under its format-1 name.
        let trail = try Self.open(folder.path).auditTrail()
        let recorded = trail.entries.map(\.change)
        #expect(Set(recorded.map(\.tag)) == Set(ChangeTag.allCases))
        let lines = try Self.journalLines(folder.path)
        for (change, line) in zip(recorded, lines) {
            let fixed = try #require(Self.fixedTags.first { $0.tag == change.tag.rawValue })
            let written = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(change)) as! [String: Any]
            #expect(written["op"] as? String == fixed.tag)
            #expect(written.keys.sorted() == (fixed.fields + ["op"]).sorted(), "fields of \(fixed.tag)")
            let payload = (try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any])["payload"] as! [String: Any]
            let old = payload["change"] as! [String: Any]
            #expect(old.keys.sorted() == [fixed.formatOne])
            #expect((old[fixed.formatOne] as! [String: Any]).keys.sorted() == fixed.fields, "format-1 fields of \(fixed.tag)")
        }
    }

    /// The fixture's history segment and journal, line by line, oldest first.
    static func journalLines(_ folder: String) throws -> [String] {
        let history = try FileManager.default.contentsOfDirectory(atPath: folder + "/history").sorted()
        return try (history.map { "history/" + $0 } + ["journal.jsonl"]).flatMap { name in
            try String(contentsOfFile: folder + "/" + name, encoding: .utf8).split(separator: "\n").map(String.init)
        }
    }
}
