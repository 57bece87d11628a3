/// What two people editing at once can collide on: the rule by which a change based on an old
/// view of the data is refused when someone else wrote the same thing since.
///
/// A change *replaces* whole records (a unit's form, a nomination, the settings …) or one cell
/// of a score sheet (a score, the evidence of an item …). Two changes conflict when what they
/// replace overlaps: the same record, the same cell, or a cell and its whole sheet. Adding a
/// record replaces nothing (its code, if taken meanwhile, is given anew: `Change.withFreeCodes`).
public enum ConflictKey: Hashable, Sendable, CustomStringConvertible {
    /// A whole record.
    case record(RecordRef)
    /// One part of one item of a score sheet.
    case sheetItem(SheetKey, item: String, part: SheetItemPart)
    /// The step a score sheet is at (tự chấm, thẩm định, khóa …).
    case sheetState(SheetKey)

    /// The parts of an item of a score sheet that are edited on their own.
    public enum SheetItemPart: String, Hashable, Sendable, CaseIterable {
        case selfScore, appraised, done, note, evidence
    }

    /// The record this key belongs to, for messages and for «who changed it last».
    public var record: RecordRef {
        switch self {
        case .record(let record): return record
        case .sheetItem(let key, _, _), .sheetState(let key): return .sheet(key)
        }
    }

    /// Whether a change replacing `self` and one replacing `other` collide.
    public func overlaps(_ other: ConflictKey) -> Bool {
        switch (self, other) {
        case (.record(let a), .record(let b)): return a == b
        case (.record(let whole), let part), (let part, .record(let whole)): return whole == part.record
        default: return self == other
        }
    }

    /// Vietnamese, fit to follow a verb: "đơn vị DV0003", "điểm thẩm định mục 1.2 của …".
    public var description: String {
        switch self {
        case .record(let record): return record.description
        case .sheetState(let key): return "bước của \(RecordRef.sheet(key))"
        case .sheetItem(let key, let item, let part):
            let what: String
            switch part {
            case .selfScore: what = "điểm tự chấm"
            case .appraised: what = "điểm thẩm định"
            case .done: what = "đánh dấu hoàn thành"
            case .note: what = "ghi chú"
            case .evidence: what = "minh chứng"
            }
            return "\(what) mục \(item) của \(RecordRef.sheet(key))"
        }
    }
}

extension Change {
    /// What this change replaces, in order (a batch: its parts' keys, each once).
    public var conflictKeys: [ConflictKey] {
        switch self {
        case .addUnit, .addPerson, .addNomination, .addAward:
            return []
        case .setScore(let year, let subject, let item, let field, _):
            return [.sheetItem(SheetKey(year: year, subject: subject), item: item,
                               part: field == .selfScore ? .selfScore : .appraised)]
        case .setItemDone(let year, let subject, let item, _):
            return [.sheetItem(SheetKey(year: year, subject: subject), item: item, part: .done)]
        case .setItemNote(let year, let subject, let item, _):
            return [.sheetItem(SheetKey(year: year, subject: subject), item: item, part: .note)]
        case .setItemEvidence(let year, let subject, let item, _):
            return [.sheetItem(SheetKey(year: year, subject: subject), item: item, part: .evidence)]
        case .setSheetState(let year, let subject, _, _):
            return [.sheetState(SheetKey(year: year, subject: subject))]
        case .recordDecision(let id, _, _):
            // The award it creates is new; the nomination is what was read.
            return [.record(.nomination(id))]
        case .batch(_, let changes):
            var seen = Set<ConflictKey>()
            return changes.flatMap(\.conflictKeys).filter { seen.insert($0).inserted }
        case .updateSettings, .updateRules, .updateCategory, .updateCriteriaGroup, .updateAwardForm,
             .updateUnit, .setUnitArchived, .removeUnit, .updatePerson, .setPersonArchived, .removePerson,
             .putCriteriaSet, .removeCriteriaSet, .putSheet, .removeSheet, .recordReport, .removeReport,
             .putCommuneReport, .updateNomination, .removeNomination, .recordVote, .overrideFinding,
             .setNominationStatus, .updateAward, .removeAward:
            return touchedRecords.sorted().map { .record($0) }
        }
    }

    /// The first key of this change that `other` also replaces, if any.
    public func conflict(with other: Change) -> ConflictKey? {
        let theirs = other.conflictKeys
        return conflictKeys.first { mine in theirs.contains { mine.overlaps($0) } }
    }
}
