/// Dates written the way the decree asks in the place-and-date line.
public enum VietnameseDate {
    /// "Phong Quang, ngày 05 tháng 01 năm 2026". Days below 10 and months 1–2 take a leading zero
    /// (Nghị định 30/2020), so "tháng 3" but "tháng 02". Without a place only "ngày … năm …".
    public static func long(day: Int, month: Int, year: Int, place: String? = nil) -> String {
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        let monthText = month <= 2 ? "0\(month)" : "\(month)"
        let date = "ngày \(dayText) tháng \(monthText) năm \(year)"
        guard let place, !place.isEmpty else { return date }
        return "\(place), \(date)"
    }

    public static func long(_ date: CalendarDate, place: String? = nil) -> String {
        long(day: date.day, month: date.month, year: date.year, place: place)
    }
}
