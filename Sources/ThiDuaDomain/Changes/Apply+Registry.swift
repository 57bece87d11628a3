extension Dataset {
    /// Units and people.
    mutating func mutateRegistry(_ change: Change, context: ChangeContext) throws(DomainError) -> Change {
        switch change {
        case .addUnit(let unit):
            guard units[unit.id] == nil else {
                throw DomainError(field: "Mã đơn vị", "Mã đơn vị «\(unit.id)» đã có; mỗi đơn vị một mã riêng.")
            }
            try Validate.unit(unit, in: self)
            units[unit.id] = unit
            return .removeUnit(id: unit.id)

        case .updateUnit(let unit):
            guard let old = units[unit.id] else { throw Dataset.missing(unit: unit.id) }
            try Validate.unit(unit, in: self)
            units[unit.id] = unit
            return .updateUnit(unit: old)

        case .setUnitArchived(let id, let archived):
            guard let old = units[id] else { throw Dataset.missing(unit: id) }
            units[id]?.archived = archived
            return .setUnitArchived(id: id, archived: old.archived)

        case .removeUnit(let id):
            guard let old = units[id] else { throw Dataset.missing(unit: id) }
            if let reason = referenceReason(for: .unit(id)) {
                throw DomainError(field: "Đơn vị",
                    "Không xóa được «\(old.name)» vì \(reason); hãy lưu trữ đơn vị thay vì xóa.")
            }
            units[id] = nil
            return .addUnit(unit: old)

        case .addPerson(let person):
            guard people[person.id] == nil else {
                throw DomainError(field: "Mã cá nhân", "Mã cá nhân «\(person.id)» đã có; mỗi người một mã riêng.")
            }
            try Validate.person(person, in: self, context: context)
            people[person.id] = person
            return .removePerson(id: person.id)

        case .updatePerson(let person):
            guard let old = people[person.id] else { throw Dataset.missing(person: person.id) }
            try Validate.person(person, in: self, context: context)
            people[person.id] = person
            return .updatePerson(person: old)

        case .setPersonArchived(let id, let archived):
            guard let old = people[id] else { throw Dataset.missing(person: id) }
            people[id]?.archived = archived
            return .setPersonArchived(id: id, archived: old.archived)

        case .removePerson(let id):
            guard let old = people[id] else { throw Dataset.missing(person: id) }
            if let reason = referenceReason(for: .person(id)) {
                throw DomainError(field: "Cá nhân",
                    "Không xóa được «\(old.fullName)» vì \(reason); hãy lưu trữ thay vì xóa.")
            }
            people[id] = nil
            return .addPerson(person: old)

        default:
            preconditionFailure("mutateRegistry called with \(change)")
        }
    }

    /// Why a subject cannot be deleted, or nil when nothing refers to it.
    public func referenceReason(for subject: Subject) -> String? {
        // The first record by id, so the message is the same in every process.
        if case .unit(let id) = subject,
           let person = people.values.filter({ $0.unitID == id }).min(by: { $0.id < $1.id }) {
            return "còn cá nhân «\(person.fullName)» thuộc đơn vị này"
        }
        if let sheet = sheets.values.filter({ $0.subject == subject }).min(by: { $0.key < $1.key }) {
            return "đã có phiếu chấm điểm năm \(sheet.year)"
        }
        if case .unit(let id) = subject,
           let report = reports.values.filter({ $0.unitID == id }).min(by: { $0.year < $1.year }) {
            return "đã có báo cáo năm \(report.year)"
        }
        if let nomination = nominations.values.filter({ $0.nominee == subject }).min(by: { $0.id < $1.id }) {
            return "đã có đề nghị khen thưởng \(nomination.id)"
        }
        if let award = awards.values.filter({ $0.recipient == subject }).min(by: { $0.id < $1.id }) {
            return "đã có khen thưởng năm \(award.year)"
        }
        return nil
    }

    static func missing(unit id: UnitID) -> DomainError {
        DomainError(field: "Đơn vị", "Không có đơn vị mã «\(id)».")
    }

    static func missing(person id: PersonID) -> DomainError {
        DomainError(field: "Cá nhân", "Không có cá nhân mã «\(id)».")
    }
}
