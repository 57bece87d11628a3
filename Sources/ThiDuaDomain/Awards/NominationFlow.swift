/// The order a nomination moves in: dự kiến → hội đồng đã xét → đã trình → đã khen or
/// không được khen. Forward moves go one step at a time; moving back is allowed to any
/// earlier step but needs a reason, which the status history keeps.
extension NominationStatus {
    var step: Int {
        switch self {
        case .proposed: return 0
        case .councilReviewed: return 1
        case .submitted: return 2
        case .awarded, .rejected: return 3
        }
    }

    /// The statuses reachable in one forward step.
    public var next: [NominationStatus] {
        switch self {
        case .proposed: return [.councilReviewed]
        case .councilReviewed: return [.submitted, .rejected]
        case .submitted: return [.awarded, .rejected]
        case .awarded, .rejected: return []
        }
    }

    /// The status one step back (nil at the start): where «trả về bước trước» goes.
    public var previous: NominationStatus? {
        switch self {
        case .proposed: return nil
        case .councilReviewed: return .proposed
        case .submitted: return .councilReviewed
        case .awarded, .rejected: return .submitted
        }
    }

    public func isBackward(to target: NominationStatus) -> Bool { target.step < step }

    /// Whether the office is vouching for the nominee from this status on, so every finding
    /// must be overridden with a reason first.
    var needsClearedFindings: Bool { self == .submitted || self == .awarded }
}

extension Dataset {
    /// Checks a status move of `nomination` and returns the nomination after it, with the
    /// move appended to its history. Eligibility is evaluated on this dataset.
    func moved(_ nomination: Nomination, to target: NominationStatus, reason: String,
               context: ChangeContext) throws(DomainError) -> Nomination {
        let field = "Trạng thái"
        let current = nomination.status
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        let who = "Đề nghị \(nomination.id) (\(name(of: nomination.nominee)))"
        guard target != current else {
            throw DomainError(field: field, "\(who) đã ở trạng thái «\(current.label)».")
        }
        if current.isBackward(to: target) || (current.step == target.step) {
            guard !reason.isEmpty else {
                throw DomainError(field: "Lý do",
                    "Chuyển \(who) từ «\(current.label)» về «\(target.label)» cần ghi lý do.")
            }
        } else if !current.next.contains(target) {
            let allowed = current.next.map { "«\($0.label)»" }.joined(separator: " hoặc ")
            throw DomainError(field: field,
                "\(who) đang «\(current.label)»; chỉ chuyển tiếp được sang \(allowed), không bỏ qua bước.")
        }
        if target == .councilReviewed && nomination.vote == nil {
            throw DomainError(field: "Biểu quyết",
                "\(who) chưa có kết quả biểu quyết của hội đồng; hãy ghi biểu quyết trước.")
        }
        if target == .awarded && nomination.decision == nil {
            throw DomainError(field: "Quyết định", "\(who) cần có số và ngày quyết định khen thưởng.")
        }
        var result = nomination
        if target.needsClearedFindings && !current.isBackward(to: target) {
            try requirePassed(nomination, toward: target)
            let findings = Eligibility.findings(for: nomination, in: self)
            let open = findings.filter { $0.overrideReason == nil && isOverridable($0.ruleID) }
            if let first = open.first {
                let more = open.count > 1 ? " Còn \(open.count - 1) cảnh báo khác." : ""
                throw DomainError(field: "Cảnh báo",
                    "\(who) còn cảnh báo chưa xử lý: \(first.reason)\(more) Cần ghi lý do vẫn đề nghị trước khi chuyển sang «\(target.label)».")
            }
            result.findings = findings
        }
        result.status = target
        result.statusHistory.append(StatusChange(status: target, time: context.timestamp,
                                                 user: context.user, reason: reason))
        return result
    }
}
