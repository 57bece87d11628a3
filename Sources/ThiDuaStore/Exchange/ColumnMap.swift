import ThiDuaDomain

/// Matches a CSV header to the fields an import knows, in Vietnamese or English, with
/// or without diacritics ("Họ và tên", "ho va ten", "fullName").
struct ColumnMap {
    struct Field {
        var key: String
        var aliases: [String]
        var required: Bool
    }

    let indexByKey: [String: Int]
    /// Header titles no field knows, as written: listed in the preview, never read.
    let unknown: [String]

    /// Fails with every required column that is missing, and unknown headers listed.
    init(header: [String], fields: [Field], file: String, headerLine: Int = 1) throws(StoreError) {
        var index: [String: Int] = [:]
        var unknown: [String] = []
        for (position, title) in header.enumerated() {
            let folded = ColumnMap.fold(title)
            if let field = fields.first(where: { $0.aliases.map(ColumnMap.fold).contains(folded) || ColumnMap.fold($0.key) == folded }) {
                // A second column of the same field is listed, not read.
                if index[field.key] == nil { index[field.key] = position } else { unknown.append(title) }
            } else if !folded.isEmpty {
                unknown.append(title)
            }
        }
        let missing = fields.filter { $0.required && index[$0.key] == nil }.map { $0.aliases.first ?? $0.key }
        if !missing.isEmpty {
            // Quoted and clipped: a header cell can be as long as any other cell.
            let titles = { (list: [String]) in list.map { DomainError.quote($0) }.joined(separator: ", ") }
            var reason = "thiếu cột bắt buộc: \(missing.joined(separator: ", ")). Dòng tiêu đề đang có: \(titles(header))."
            if !unknown.isEmpty { reason += " Các cột không nhận ra: \(titles(unknown))." }
            throw StoreError(file: file, line: headerLine, reason: reason)
        }
        indexByKey = index
        self.unknown = unknown
    }

    /// Whether `header` names every required field (how a sheet's header row is found below
    /// a title or blank rows).
    static func isHeader(_ header: [String], fields: [Field]) -> Bool {
        let folded = Set(header.map(fold))
        return fields.filter(\.required).allSatisfy { field in
            field.aliases.map(fold).contains(where: folded.contains) || folded.contains(fold(field.key))
        }
    }

    func value(_ key: String, in cells: [String]) -> String {
        guard let index = indexByKey[key], index < cells.count else { return "" }
        return VietnameseText.cleanedInput(cells[index])
    }

    func has(_ key: String) -> Bool { indexByKey[key] != nil }

    static func fold(_ text: String) -> String {
        VietnameseText.searchFold(text).filter { $0.isLetter || $0.isNumber }
    }
}
