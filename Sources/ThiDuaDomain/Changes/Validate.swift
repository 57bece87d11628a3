/// The invariants of each entity, shared by every change that writes it.
enum Validate {
    static let maxNameLength = 200

    static func required(_ text: String, field: String, max: Int = maxNameLength) throws(DomainError) {
        guard !text.isEmpty else {
            throw DomainError(field: field, "\(field) không được để trống.")
        }
        try length(text, max: max, field: field)
    }

    static func length(_ text: String, max: Int, field: String) throws(DomainError) {
        let count = text.count
        guard count <= max else {
            throw DomainError(field: field, "\(field) dài tối đa \(max) ký tự (hiện có \(count)).")
        }
    }

    static func year(_ year: Int, in settings: Settings) throws(DomainError) {
        guard settings.phaseYears.contains(year) else {
            throw DomainError(field: "Năm",
                "Năm phải từ \(settings.phaseStartYear) đến \(settings.phaseEndYear) (giai đoạn của phong trào); đã nhập \(year).")
        }
    }

    static func settings(_ s: Settings) throws(DomainError) {
        try required(s.communeName, field: "Tên xã")
        try required(s.provinceName, field: "Tên tỉnh")
        try required(s.officeCode, field: "Mã phòng", max: 20)
        try required(s.signer.name, field: "Người ký")
        if s.decisionSigning.byDeputy {
            try required(s.decisionSigning.deputyName, field: "Phó Chủ tịch ký thay")
        }
        for meeting in s.councilMeetings {
            for (time, what) in [(meeting.startTime, "Giờ bắt đầu họp"), (meeting.endTime, "Giờ kết thúc họp")] where !time.isEmpty {
                let parts = time.split(separator: ":").map { Int($0) }
                guard parts.count == 2, let hour = parts[0], let minute = parts[1], (0...23).contains(hour), (0...59).contains(minute),
                      time.count <= 5 else {
                    throw DomainError(field: what, "\(what) «\(time)» không đúng dạng giờ:phút, ví dụ 08:00.")
                }
            }
        }
        for (index, meeting) in s.councilMeetings.enumerated()
        where s.councilMeetings[..<index].contains(where: { $0.period == meeting.period }) {
            throw DomainError(field: "Cuộc họp", "Đợt «\(meeting.period.label(settings: s))» đã có một cuộc họp hội đồng.")
        }
        for salary in s.rewardMoney.baseSalaries where salary.amount <= 0 {
            throw DomainError(field: "Mức lương cơ sở",
                "Mức lương cơ sở từ ngày \(salary.validFrom.display) phải lớn hơn 0 (đã nhập \(salary.amount)).")
        }
        for (index, basis) in s.legalBases.enumerated() {
            try required(basis.text, field: "Căn cứ pháp lý \(index + 1)", max: 1000)
            if let from = basis.validFrom, let until = basis.validUntil, until < from {
                throw DomainError(field: "Căn cứ pháp lý \(index + 1)",
                    "Căn cứ pháp lý \(index + 1): ngày hết hiệu lực (\(until.display)) trước ngày có hiệu lực (\(from.display)).")
            }
        }
        guard !s.issuingBodyLines.isEmpty else {
            throw DomainError(field: "Cơ quan ban hành", "Cơ quan ban hành cần ít nhất một dòng.")
        }
        guard (2000...2100).contains(s.phaseStartYear), s.phaseStartYear <= s.phaseEndYear else {
            throw DomainError(field: "Giai đoạn",
                "Năm bắt đầu giai đoạn (\(s.phaseStartYear)) phải không sau năm kết thúc (\(s.phaseEndYear)).")
        }
        guard s.phaseYears.contains(s.midTermYear) else {
            throw DomainError(field: "Năm sơ kết",
                "Năm sơ kết phải từ \(s.phaseStartYear) đến \(s.phaseEndYear) (đã nhập \(s.midTermYear)).")
        }
        for (deadline, field) in [(s.unitReportDeadline, "Hạn báo cáo của đơn vị"),
                                  (s.communeReportDeadline, "Hạn báo cáo của xã")] {
            guard (1...12).contains(deadline.month),
                  (1...CalendarDate.daysIn(month: deadline.month, year: 2025)).contains(deadline.day) else {
                throw DomainError(field: field, "\(field): ngày \(deadline.day)/\(deadline.month) không có thật.")
            }
        }
    }

    static func unit(_ unit: OrgUnit, in data: Dataset) throws(DomainError) {
        try required(unit.id.rawValue, field: "Mã đơn vị", max: 20)
        try required(unit.name, field: "Tên đơn vị")
        guard data.category(unit.categoryID) != nil else {
            let known = data.categories.map(\.shortName).joined(separator: ", ")
            throw DomainError(field: "Khối", "Không có khối «\(unit.categoryID)»; các khối là: \(known).")
        }
        guard unit.order >= 0 else {
            throw DomainError(field: "Thứ tự", "Thứ tự trong khối phải là số không âm (đã nhập \(unit.order)).")
        }
        try length(unit.head, max: maxNameLength, field: "Người đứng đầu")
        try phone(unit.phone)
        try length(unit.notes, max: 2000, field: "Ghi chú")
    }

    static func phone(_ phone: String) throws(DomainError) {
        let allowed = Set("0123456789 +.-()")
        guard phone.allSatisfy({ allowed.contains($0) }) else {
            throw DomainError(field: "Điện thoại",
                "Số điện thoại chỉ gồm chữ số, dấu cách và + . - ( ) (đã nhập \(DomainError.quote(phone))).")
        }
        try length(phone, max: 30, field: "Điện thoại")
    }

    static func person(_ person: Person, in data: Dataset, context: ChangeContext) throws(DomainError) {
        try required(person.id.rawValue, field: "Mã cá nhân", max: 20)
        try required(person.fullName, field: "Họ và tên")
        if let given = person.givenName, !given.isEmpty {
            guard person.fullName.hasSuffix(given) else {
                throw DomainError(field: "Tên",
                    "Tên \(DomainError.quote(given)) phải là phần cuối của họ và tên «\(person.fullName)».")
            }
        }
        if let year = person.birthYear {
            let thisYear = context.today.year
            guard (thisYear - 110...thisYear - 14).contains(year) else {
                throw DomainError(field: "Năm sinh",
                    "Năm sinh phải từ \(thisYear - 110) đến \(thisYear - 14) (đã nhập \(year)).")
            }
        }
        if let unitID = person.unitID {
            guard data.units[unitID] != nil else {
                throw DomainError(field: "Đơn vị", "Không có đơn vị mã «\(unitID)».")
            }
        } else if person.address.isEmpty {
            throw DomainError(field: "Đơn vị / địa chỉ",
                "Cá nhân phải thuộc một đơn vị hoặc có địa chỉ (với người dân).")
        }
        try length(person.position, max: maxNameLength, field: "Chức vụ")
        try length(person.address, max: 500, field: "Địa chỉ")
        try length(person.notes, max: 2000, field: "Ghi chú")
    }

    static func criteriaSet(_ set: CriteriaSet, in data: Dataset) throws(DomainError) {
        guard data.criteriaGroup(set.groupID) != nil else {
            throw DomainError(field: "Nhóm tiêu chí", "Không có nhóm tiêu chí «\(set.groupID)».")
        }
        guard set.targetMaximum > .zero else {
            throw DomainError(field: "Tổng điểm chuẩn", "Tổng điểm chuẩn phải lớn hơn 0.")
        }
        var codes = Set<String>()
        for item in set.items {
            try required(item.code, field: "Mã tiêu chí", max: 20)
            guard codes.insert(item.code).inserted else {
                throw DomainError(field: "Mã tiêu chí", "Mã tiêu chí «\(item.code)» bị trùng trong bộ tiêu chí.")
            }
            try required(item.text, field: "Nội dung tiêu chí \(item.code)", max: 4000)
            guard item.maximum > .zero, item.maximum <= 1000 else {
                throw DomainError(field: "Điểm chuẩn",
                    "Điểm chuẩn của tiêu chí \(item.code) phải lớn hơn 0 và không quá 1000 (đã nhập \(item.maximum.display)).")
            }
        }
        // Items that already carry scores cannot disappear from a set in use.
        for sheet in data.sheets.values where sheet.year == set.year && sheet.groupID == set.groupID {
            for (code, score) in sheet.items where !score.isEmpty {
                guard let item = set.item(code) else {
                    throw DomainError(field: "Tiêu chí",
                        "Không bỏ được tiêu chí «\(code)» vì \(data.name(of: sheet.subject)) đã chấm tiêu chí này.")
                }
                for field in ScoreField.allCases {
                    if let value = score[field], value > item.maximum {
                        throw DomainError(field: "Điểm chuẩn",
                            "Điểm chuẩn của tiêu chí \(code) không thể thấp hơn \(value.display) mà \(data.name(of: sheet.subject)) đã được chấm.")
                    }
                }
            }
        }
    }

    /// A whole sheet, as written by `putSheet` (restores, copies, the sample commune).
    static func sheet(_ sheet: ScoreSheet, in data: Dataset, context: ChangeContext) throws(DomainError) {
        guard data.exists(sheet.subject) else {
            throw DomainError(field: "Đối tượng", "Không có đối tượng «\(sheet.subject)».")
        }
        guard let set = data.criteriaSets[CriteriaSetKey(year: sheet.year, groupID: sheet.groupID)] else {
            throw DomainError(field: "Bộ tiêu chí", "Năm \(sheet.year) chưa có bộ tiêu chí nhóm «\(sheet.groupID)».")
        }
        for (code, score) in sheet.items {
            guard let item = set.item(code) else {
                throw DomainError(field: "Tiêu chí",
                    "Bộ tiêu chí nhóm «\(sheet.groupID)» năm \(sheet.year) không có tiêu chí «\(code)».")
            }
            for field in ScoreField.allCases {
                if let value = score[field] { try NumberInput.score(item, field).require(value) }
            }
            for (index, proof) in score.evidence.enumerated() {
                try evidence(proof, position: index + 1, context: context)
            }
        }
    }

    static func evidence(_ proof: Evidence, position: Int, context: ChangeContext) throws(DomainError) {
        guard !proof.isEmpty else {
            throw DomainError(field: "Minh chứng", "Minh chứng thứ \(position) đang trống.")
        }
        try length(proof.documentNumber, max: 100, field: "Số văn bản")
        try length(proof.summary, max: 4000, field: "Trích yếu")
        try length(proof.product, max: 4000, field: "Sản phẩm")
        if let date = proof.date, date > context.today {
            throw DomainError(field: "Ngày văn bản",
                "Ngày văn bản của minh chứng thứ \(position) (\(date.display)) không được sau hôm nay.")
        }
    }

    static func nomination(_ n: Nomination, in data: Dataset) throws(DomainError) {
        guard let form = data.catalog.form(n.formID) else {
            throw DomainError(field: "Hình thức", "Không có hình thức khen thưởng «\(n.formID)».")
        }
        if case .year(let year) = n.period { try Validate.year(year, in: data.settings) }
        guard form.allows(n.period) else {
            let allowed = form.periods.map(\.label).joined(separator: ", ")
            throw DomainError(field: "Đợt",
                "\(form.name) không xét trong đợt «\(n.period.label(settings: data.settings))»; chỉ xét: \(allowed).")
        }
        if let grade = n.grade {
            guard form.grades.contains(grade) else {
                throw DomainError(field: "Hạng", "\(form.name) không có hạng «\(grade)».")
            }
        }
        guard data.exists(n.nominee) else {
            throw DomainError(field: "Đối tượng", "Không có đối tượng «\(n.nominee)».")
        }
        try length(n.achievementSummary, max: 8000, field: "Tóm tắt thành tích")
        try length(n.note, max: 2000, field: "Ghi chú")
        try n.vote?.validate()
        if n.status == .awarded && n.decision == nil {
            throw DomainError(field: "Quyết định", "Đề nghị đã khen cần có số và ngày quyết định.")
        }
        if let decision = n.decision { try Dataset.requireDecision(decision, after: n) }
        if let certificate = n.certificate { try CertificateRegister.validate(certificate, of: n, in: data) }
        for finding in n.findings {
            if let reason = finding.overrideReason, reason.trimmingCharacters(in: .whitespaces).isEmpty {
                throw DomainError(field: "Lý do", "Lý do vẫn đề nghị dù có cảnh báo không được để trống.")
            }
        }
    }

    static func award(_ a: AwardRecord, in data: Dataset, context: ChangeContext) throws(DomainError) {
        guard data.exists(a.recipient) else {
            throw DomainError(field: "Đối tượng", "Không có đối tượng «\(a.recipient)».")
        }
        switch a.recognition {
        case .form(let id, let grade):
            guard let form = data.catalog.form(id) else {
                throw DomainError(field: "Hình thức", "Không có hình thức khen thưởng «\(id)».")
            }
            if let grade, !form.grades.contains(grade) {
                throw DomainError(field: "Hạng", "\(form.name) không có hạng «\(grade)».")
            }
        case .title(let id):
            guard data.catalog.title(id) != nil else {
                throw DomainError(field: "Danh hiệu", "Không có danh hiệu thi đua «\(id)».")
            }
        }
        let thisYear = context.today.year
        guard (1945...thisYear).contains(a.year) else {
            throw DomainError(field: "Năm", "Năm khen thưởng phải từ 1945 đến \(thisYear) (đã nhập \(a.year)).")
        }
        try required(a.decision.number, field: "Số quyết định", max: 100)
        guard a.decision.date <= context.today else {
            throw DomainError(field: "Ngày quyết định",
                "Ngày quyết định (\(a.decision.date.display)) không được sau hôm nay.")
        }
    }

    static func eligibilityRule(_ rule: EligibilityRule, rules: Rules, in data: Dataset) throws(DomainError) {
        func form(_ id: String) throws(DomainError) {
            guard data.catalog.form(id) != nil else {
                throw DomainError(field: "Quy tắc", "Quy tắc «\(rule.id)» nhắc tới hình thức không có: «\(id)».")
            }
        }
        switch rule.check {
        case .minimumClass(let formID, let className):
            try form(formID)
            guard rules.classRank(className) <= rules.classBands.count else {
                throw DomainError(field: "Quy tắc", "Quy tắc «\(rule.id)»: không có mức xếp loại «\(className)».")
            }
        case .minimumScore(let formID, let minimum):
            try form(formID)
            guard minimum >= .zero else {
                throw DomainError(field: "Quy tắc", "Quy tắc «\(rule.id)»: điểm tối thiểu không được âm.")
            }
        case .prerequisite(let formID, let requires, _):
            try form(formID)
            try form(requires)
        case .onePerNomineeFormPeriod, .discipline, .reportOnTime, .evidenceForScoredItems, .voteThreshold:
            break
        }
    }

    static func suggestionRule(_ rule: SuggestionRule, rules: Rules, in data: Dataset) throws(DomainError) {
        guard data.catalog.form(rule.formID) != nil else {
            throw DomainError(field: "Quy tắc gợi ý", "Quy tắc gợi ý «\(rule.id)» nhắc tới hình thức không có: «\(rule.formID)».")
        }
        let className: String
        switch rule.pick {
        case .classAtLeast(let name):
            className = name
        case .topOfBlock(let count, let name):
            guard (1...50).contains(count) else {
                throw DomainError(field: "Quy tắc gợi ý",
                    "Quy tắc gợi ý «\(rule.id)»: số đứng đầu mỗi khối phải từ 1 đến 50 (đã nhập \(count)).")
            }
            className = name
        }
        guard rules.classRank(className) <= rules.classBands.count else {
            throw DomainError(field: "Quy tắc gợi ý", "Quy tắc gợi ý «\(rule.id)»: không có mức xếp loại «\(className)».")
        }
    }
}
