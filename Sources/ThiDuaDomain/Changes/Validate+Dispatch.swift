extension Validate {
    /// The commune's report as sent to the province: a number, a day not after today nor before
    /// the report's year, and how it went.
    static func dispatch(_ sent: ReportDispatch, year: Int, context: ChangeContext) throws(DomainError) {
        guard !sent.number.isEmpty else {
            throw DomainError(field: "Số văn bản", "Ghi số, ký hiệu của báo cáo đã gửi tỉnh (ví dụ 45/BC-UBND).")
        }
        try length(sent.number, max: 100, field: "Số văn bản")
        try length(sent.channel, max: 200, field: "Cách gửi")
        guard sent.date <= context.today else {
            throw DomainError(field: "Ngày gửi", "Ngày gửi báo cáo tỉnh (\(sent.date.display)) không được sau hôm nay (\(context.today.display)).")
        }
        guard sent.date.year >= year else {
            throw DomainError(field: "Ngày gửi", "Báo cáo năm \(year) không thể gửi trước năm \(year) (đã nhập \(sent.date.display)).")
        }
    }
}
