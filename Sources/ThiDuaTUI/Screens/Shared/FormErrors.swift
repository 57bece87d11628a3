import ThiDuaDomain

extension Form {
    /// Shows why a save failed: a rule broken by one field goes under that field (matched
    /// by its label, which is the domain's field name), anything else becomes the form
    /// message.
    mutating func show(_ error: CommitError) {
        if case .invalid(let domain) = error,
           let index = items.firstIndex(where: { domain.field == $0.label || domain.field.hasPrefix($0.label + " ") }) {
            setError(domain.message, for: items[index].id)
            focus(on: index)
            message = "Chưa lưu: xem ô «\(items[index].label)»."
            return
        }
        if case .conflict = error {
            // It says itself that nothing was saved, and what to do.
            message = error.message
            return
        }
        message = "Chưa lưu: \(error.message)"
    }
}
