import Foundation

extension Change {
    /// The same change with every text in NFC: one-line fields trimmed with inner runs of
    /// spaces collapsed, multi-line fields trimmed at both ends. Input may come as NFD from
    /// some keyboards or files; stored text is always NFC so search, sort and diffs agree.
    public func normalised() -> Change {
        switch self {
        case .addUnit(let unit): return .addUnit(unit: unit.normalised())
        case .updateUnit(let unit): return .updateUnit(unit: unit.normalised())
        case .addPerson(let person): return .addPerson(person: person.normalised())
        case .updatePerson(let person): return .updatePerson(person: person.normalised())
        case .putCriteriaSet(var set):
            set.items = set.items.map { item in
                var item = item
                item.code = TextCleaning.line(item.code)
                item.text = TextCleaning.block(item.text)
                item.evidenceExpected = TextCleaning.block(item.evidenceExpected)
                return item
            }
            return .putCriteriaSet(set: set)
        case .setItemNote(let year, let subject, let item, let note):
            return .setItemNote(year: year, subject: subject, item: item, note: TextCleaning.block(note))
        case .setItemEvidence(let year, let subject, let item, let evidence):
            return .setItemEvidence(year: year, subject: subject, item: item, evidence: evidence.map { proof in
                Evidence(documentNumber: TextCleaning.line(proof.documentNumber), date: proof.date,
                         summary: TextCleaning.block(proof.summary), product: TextCleaning.block(proof.product))
            })
        case .setSheetState(let year, let subject, let state, let reason):
            return .setSheetState(year: year, subject: subject, state: state, reason: TextCleaning.block(reason))
        case .recordReport(var report):
            report.documentNumber = TextCleaning.line(report.documentNumber)
            report.note = TextCleaning.block(report.note)
            return .recordReport(report: report)
        case .putCommuneReport(var report):
            for section in CommuneYearReport.Section.allCases { report[section] = TextCleaning.block(report[section]) }
            if var sent = report.sent {
                sent.number = TextCleaning.line(sent.number)
                sent.channel = TextCleaning.line(sent.channel)
                report.sent = sent
            }
            return .putCommuneReport(report: report)
        case .addNomination(let n): return .addNomination(nomination: n.normalised())
        case .updateNomination(let n): return .updateNomination(nomination: n.normalised())
        case .overrideFinding(let id, let ruleID, let reason):
            return .overrideFinding(id: id, ruleID: ruleID, reason: TextCleaning.block(reason))
        case .setNominationStatus(let id, let status, let reason):
            return .setNominationStatus(id: id, status: status, reason: TextCleaning.block(reason))
        case .recordDecision(let id, var decision, let awardID):
            decision.number = TextCleaning.line(decision.number)
            decision.issuer = TextCleaning.line(decision.issuer)
            return .recordDecision(id: id, decision: decision, awardID: awardID)
        case .addAward(let a): return .addAward(award: a.normalised())
        case .updateAward(let a): return .updateAward(award: a.normalised())
        case .batch(let label, let changes):
            return .batch(label: TextCleaning.line(label), changes: changes.map { $0.normalised() })
        default:
            return self
        }
    }
}

/// The two cleaning rules for text that enters the program.
enum TextCleaning {
    /// Names, numbers, codes: NFC, trimmed, inner whitespace collapsed, no control characters.
    static func line(_ text: String) -> String { VietnameseText.cleanedInput(text) }

    /// Summaries and notes: NFC, trimmed, line breaks kept, other control characters removed.
    static func block(_ text: String) -> String {
        // One clean line is its own result; loading 100,000 records mostly meets these (and "").
        if VietnameseText.isAlreadyClean(text) { return text }
        let nfc = VietnameseText.nfc(text)
        let lines = nfc.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
        let cleaned = lines.map { line in
            String(String.UnicodeScalarView(line.unicodeScalars.filter { scalar in
                scalar == "\t" || !CharacterSet.controlCharacters.contains(scalar)
            })).trimmingCharacters(in: .whitespaces)
        }
        return cleaned.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

extension OrgUnit {
    public func normalised() -> OrgUnit {
        var copy = self
        copy.id = UnitID(TextCleaning.line(id.rawValue))
        copy.name = TextCleaning.line(name)
        copy.head = TextCleaning.line(head)
        copy.phone = TextCleaning.line(phone)
        copy.notes = TextCleaning.block(notes)
        return copy
    }
}

extension Person {
    public func normalised() -> Person {
        var copy = self
        copy.id = PersonID(TextCleaning.line(id.rawValue))
        copy.fullName = TextCleaning.line(fullName)
        copy.givenName = givenName.map(TextCleaning.line).flatMap { $0.isEmpty ? nil : $0 }
        copy.position = TextCleaning.line(position)
        copy.address = TextCleaning.line(address)
        copy.notes = TextCleaning.block(notes)
        return copy
    }
}

extension Nomination {
    public func normalised() -> Nomination {
        var copy = self
        copy.achievementSummary = TextCleaning.block(achievementSummary)
        copy.note = TextCleaning.block(note)
        copy.decision?.number = TextCleaning.line(decision?.number ?? "")
        copy.decision?.issuer = TextCleaning.line(decision?.issuer ?? "")
        copy.findings = findings.map { finding in
            var finding = finding
            finding.overrideReason = finding.overrideReason.map(TextCleaning.block)
            return finding
        }
        copy.certificate?.number = TextCleaning.line(certificate?.number ?? "")
        copy.certificate?.edits = certificate?.edits.mapValues(TextCleaning.block) ?? [:]
        return copy
    }
}

extension AwardRecord {
    public func normalised() -> AwardRecord {
        var copy = self
        copy.decision.number = TextCleaning.line(decision.number)
        copy.decision.issuer = TextCleaning.line(decision.issuer)
        copy.note = TextCleaning.block(note)
        return copy
    }
}
