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
            if let award = awards.values.first(where: { $0.nominationID == id }) {
                throw DomainError(field: "Đề nghị",
                    "Không xoá được đề nghị \(id) vì đã ghi vào lịch sử khen thưởng (\(award.decision.number)).")
            }
            nominations[id] = nil
            return .addNomination(nomination: old)

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
}
