extension Dataset {
    /// Nominations and the award history.
    mutating func mutateAwards(_ change: Change, context: ChangeContext) throws(DomainError) -> Change {
        switch change {
        case .addNomination(let nomination):
            guard nominations[nomination.id] == nil else {
                throw DomainError(field: "Mã đề nghị", "Mã đề nghị «\(nomination.id)» đã có.")
            }
            try Validate.nomination(nomination, in: self)
            nominations[nomination.id] = nomination
            return .removeNomination(id: nomination.id)

        case .updateNomination(let nomination):
            guard let old = nominations[nomination.id] else {
                throw DomainError(field: "Đề nghị", "Không có đề nghị mã «\(nomination.id)».")
            }
            try Validate.nomination(nomination, in: self)
            nominations[nomination.id] = nomination
            return .updateNomination(nomination: old)

        case .removeNomination(let id):
            guard let old = nominations[id] else {
                throw DomainError(field: "Đề nghị", "Không có đề nghị mã «\(id)».")
            }
            if let award = awards.values.filter({ $0.nominationID == id }).min(by: { $0.id < $1.id }) {
                throw DomainError(field: "Đề nghị",
                    "Không xóa được đề nghị \(id) vì đã ghi vào lịch sử khen thưởng (\(award.decision.number)).")
            }
            nominations[id] = nil
            return .addNomination(nomination: old)

        case .recordVote(let id, let vote):
            let old = try nomination(id)
            var updated = old
            updated.vote = vote
            try vote.validate()
            if let decision = old.decision { try Dataset.requireDecision(decision, after: updated) }
            if old.status == .proposed {
                let threshold = rules.voteThreshold(forForm: old.formID)
                updated = try moved(updated, to: .councilReviewed,
                    reason: "Hội đồng biểu quyết: \(vote.agree)/\(vote.membersTotal) thành viên đồng ý (\(vote.agreePercentText) %; ngưỡng \(threshold.label))",
                    context: context)
            }
            updated.findings = Eligibility.findings(for: updated, in: self)
            nominations[id] = updated
            return .updateNomination(nomination: old)

        case .overrideFinding(let id, let ruleID, let reason):
            let old = try nomination(id)
            guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw DomainError(field: "Lý do", "Cần ghi lý do vẫn đề nghị \(id) dù có cảnh báo.")
            }
            try Validate.length(reason, max: 2000, field: "Lý do")
            var findings = Eligibility.findings(for: old, in: self)
            guard let index = findings.firstIndex(where: { $0.ruleID == ruleID }) else {
                throw DomainError(field: "Cảnh báo",
                    "Đề nghị \(id) không có cảnh báo của quy tắc «\(ruleID)» (có thể đã được khắc phục).")
            }
            guard isOverridable(ruleID) else {
                throw DomainError(field: "Cảnh báo",
                    "Kết quả biểu quyết của hội đồng không phải cảnh báo để bỏ qua: \(findings[index].reason) Nếu nhập sai thì ghi lại biểu quyết.")
            }
            findings[index].overrideReason = reason
            var updated = old
            // Keep overrides of findings that come and go (a vote re-recorded, evidence removed).
            updated.findings = findings + old.findings.filter { kept in
                kept.overrideReason != nil && !findings.contains { $0.ruleID == kept.ruleID }
            }
            nominations[id] = updated
            return .updateNomination(nomination: old)

        case .setNominationStatus(let id, let status, let reason):
            let old = try nomination(id)
            if status == .awarded {
                throw DomainError(field: "Trạng thái",
                    "Chuyển sang «Đã khen» bằng cách ghi quyết định khen thưởng (số, ngày, cơ quan ban hành).")
            }
            var updated = try moved(old, to: status, reason: reason, context: context)
            if old.status == .awarded, let award = awards.values.filter({ $0.nominationID == id }).min(by: { $0.id < $1.id }) {
                throw DomainError(field: "Trạng thái",
                    "Đề nghị \(id) đã ghi vào lịch sử khen thưởng (\(award.decision.number)); hãy xóa khen thưởng đó trước.")
            }
            if status.step < NominationStatus.awarded.step { updated.decision = nil }
            nominations[id] = updated
            return .updateNomination(nomination: old)

        case .recordDecision(let id, let decision, let awardID):
            let old = try nomination(id)
            guard old.status == .submitted else {
                throw DomainError(field: "Trạng thái",
                    "Đề nghị \(id) đang «\(old.status.label)»; chỉ ghi quyết định khi đề nghị đã trình.")
            }
            guard awards[awardID] == nil else {
                throw DomainError(field: "Mã khen thưởng", "Mã khen thưởng «\(awardID)» đã có.")
            }
            try requirePassed(old, toward: .awarded)
            try Dataset.requireDecision(decision, after: old)
            var updated = old
            updated.decision = decision
            updated = try moved(updated, to: .awarded, reason: "Quyết định \(decision.number) ngày \(decision.date.display)",
                                context: context)
            let award = AwardRecord(id: awardID, recipient: old.nominee, recognition: .form(id: old.formID, grade: old.grade),
                                    kind: old.kind, year: old.period.referenceYear(settings: settings),
                                    decision: decision, nominationID: id)
            try Validate.award(award, in: self, context: context)
            nominations[id] = updated
            awards[awardID] = award
            return .batch(label: "Hoàn tác ghi quyết định \(decision.number)",
                          changes: [.removeAward(id: awardID), .updateNomination(nomination: old)])

        case .addAward(let award):
            guard awards[award.id] == nil else {
                throw DomainError(field: "Mã khen thưởng", "Mã khen thưởng «\(award.id)» đã có.")
            }
            try Validate.award(award, in: self, context: context)
            awards[award.id] = award
            return .removeAward(id: award.id)

        case .updateAward(let award):
            guard let old = awards[award.id] else {
                throw DomainError(field: "Khen thưởng", "Không có khen thưởng mã «\(award.id)».")
            }
            try Validate.award(award, in: self, context: context)
            awards[award.id] = award
            return .updateAward(award: old)

        case .removeAward(let id):
            guard let old = awards[id] else {
                throw DomainError(field: "Khen thưởng", "Không có khen thưởng mã «\(id)».")
            }
            awards[id] = nil
            return .addAward(award: old)

        default:
            preconditionFailure("mutateAwards called with \(change)")
        }
    }

    private func nomination(_ id: NominationID) throws(DomainError) -> Nomination {
        guard let nomination = nominations[id] else {
            throw DomainError(field: "Đề nghị", "Không có đề nghị mã «\(id)».")
        }
        return nomination
    }
}
