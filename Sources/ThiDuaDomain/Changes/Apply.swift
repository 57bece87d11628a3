extension Dataset {
    /// Validates `change` against this dataset and applies it.
    ///
    /// Text in the change is normalised first (NFC, trimmed), so the journal records
    /// exactly what the files will hold. Errors name the field and the allowed range.
    public func apply(_ change: Change, context: ChangeContext) throws(DomainError) -> AppliedChange {
        var next = self
        let normalised = try change.normalised().canonicalised(in: self)
        let inverse = try next.mutate(normalised, context: context)
        return AppliedChange(dataset: next, change: normalised, inverse: inverse)
    }

    /// Validates and applies `change` in place, returning the change as applied
    /// (normalised) and its inverse; on error `self` is unchanged.
    ///
    /// Unlike `apply`, no second dataset is kept alive, so when the caller holds the
    /// only reference the collections are edited without being copied: one edit costs
    /// the same in a commune of 1,000 people as in a province of 100,000.
    public mutating func applyInPlace(_ change: Change, context: ChangeContext) throws(DomainError)
        -> (change: Change, inverse: Change) {
        let normalised = try change.normalised().canonicalised(in: self)
        let inverse = try mutate(normalised, context: context)
        return (normalised, inverse)
    }

    /// Applies in place and returns the inverse; on error `self` is unchanged.
    mutating func mutate(_ change: Change, context: ChangeContext) throws(DomainError) -> Change {
        switch change {
        case .updateSettings(let settings):
            try Validate.settings(settings)
            let old = self.settings
            self.settings = settings
            return .updateSettings(settings: old)

        case .updateRules(let rules):
            try rules.validate()
            for rule in rules.eligibility {
                try Validate.eligibilityRule(rule, rules: rules, in: self)
            }
            for rule in rules.suggestions {
                try Validate.suggestionRule(rule, rules: rules, in: self)
            }
            let old = self.rules
            self.rules = rules
            return .updateRules(rules: old)

        case .updateCategory(let category):
            guard let index = categories.firstIndex(where: { $0.id == category.id }) else {
                throw DomainError(field: "Khối", "Không có khối «\(category.id)».")
            }
            try Validate.required(category.name, field: "Tên khối")
            guard criteriaGroup(category.criteriaGroupID) != nil else {
                throw DomainError(field: "Bộ tiêu chí", "Không có nhóm tiêu chí «\(category.criteriaGroupID)».")
            }
            let old = categories[index]
            categories[index] = category
            return .updateCategory(category: old)

        case .updateCriteriaGroup(let group):
            guard let index = criteriaGroups.firstIndex(where: { $0.id == group.id }) else {
                throw DomainError(field: "Nhóm tiêu chí", "Không có nhóm tiêu chí «\(group.id)».")
            }
            try Validate.required(group.name, field: "Tên nhóm tiêu chí")
            let old = criteriaGroups[index]
            criteriaGroups[index] = group
            return .updateCriteriaGroup(group: old)

        case .updateAwardForm(let form):
            guard let index = catalog.forms.firstIndex(where: { $0.id == form.id }) else {
                throw DomainError(field: "Hình thức khen thưởng", "Không có hình thức «\(form.id)».")
            }
            try Validate.required(form.name, field: "Tên hình thức")
            guard !form.periods.isEmpty else {
                throw DomainError(field: "Đợt", "Hình thức «\(form.name)» phải được phép trong ít nhất một đợt.")
            }
            try CertificateRegister.validatePattern(form.certificateNumberPattern)
            let old = catalog.forms[index]
            catalog.forms[index] = form
            return .updateAwardForm(form: old)

        case .putCommuneReport(let report):
            try Validate.year(report.year, in: settings)
            for section in CommuneYearReport.Section.allCases {
                try Validate.length(report[section], max: 20_000, field: section.heading)
            }
            if let sent = report.sent { try Validate.dispatch(sent, year: report.year, context: context) }
            let old = communeReports[report.year] ?? CommuneYearReport(year: report.year)
            communeReports[report.year] = report.isEmpty ? nil : report
            return .putCommuneReport(report: old)

        case .addUnit, .updateUnit, .setUnitArchived, .removeUnit,
             .addPerson, .updatePerson, .setPersonArchived, .removePerson:
            return try mutateRegistry(change, context: context)

        case .putCriteriaSet, .removeCriteriaSet, .setScore, .setItemDone, .setItemNote, .setItemEvidence,
             .setSheetState, .putSheet, .removeSheet, .recordReport, .removeReport:
            return try mutateScoring(change, context: context)

        case .addNomination, .updateNomination, .removeNomination, .recordVote, .overrideFinding,
             .setNominationStatus, .recordDecision, .addAward, .updateAward, .removeAward:
            return try mutateAwards(change, context: context)

        case .batch(let label, let changes):
            var copy = self
            var inverses: [Change] = []
            for (index, part) in changes.enumerated() {
                do {
                    inverses.append(try copy.mutate(part, context: context))
                } catch {
                    throw DomainError(field: error.field, "Mục \(index + 1) của «\(label)»: \(error.message)")
                }
            }
            self = copy
            return .batch(label: "Hoàn tác: \(label)", changes: inverses.reversed())
        }
    }
}
