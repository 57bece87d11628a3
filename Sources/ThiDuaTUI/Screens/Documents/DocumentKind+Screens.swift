import ThiDuaRender

extension DocumentKind.Parameter {
    /// The field's label on the parameters screen.
    var label: String {
        switch self {
        case .year: return "Năm"
        case .period: return "Đợt"
        case .form: return "Hình thức"
        case .subject: return "Đơn vị, cá nhân"
        case .category: return "Khối"
        case .number: return "Số văn bản"
        case .target: return "Gửi tới"
        }
    }

    /// What the documents list says the document needs.
    var need: String {
        switch self {
        case .year: return "năm"
        case .period: return "đợt"
        case .form: return "hình thức (hoặc tất cả)"
        case .subject: return "một đơn vị hoặc cá nhân"
        case .category: return "khối (hoặc tất cả)"
        case .number: return "số văn bản (nếu có)"
        case .target: return "nơi gửi (nếu cần)"
        }
    }
}

extension DocumentKind {
    /// "Cần: đợt, hình thức (hoặc tất cả)".
    var needs: String {
        "Cần: " + parameters.map(\.need).joined(separator: ", ")
    }
}
