import ThiDuaDomain
import ThiDuaStore

/// The sample commune as it stood before its 2025 award round was recorded: no nominations,
/// and only the two Giấy khen of decision 215/QĐ-UBND (20/12/2025) entered as history for the
/// two best units of the UBND khối. Screen tests that build their own nominations start here;
/// `thidua init --sample` and the document goldens use the full sample.
public enum PreRoundSample {
    public static func build() throws -> Dataset {
        var data = try SampleCommune.build(from: try Defaults.dataset(), names: try SampleNames.load())
        let context = ChangeContext(clock: SampleCommune.asOf, user: "dữ liệu mẫu")
        func apply(_ change: Change) throws { data = try data.apply(change, context: context).dataset }
        // The round is taken back through the same changes a user would make.
        for id in data.awards.keys.sorted() { try apply(.removeAward(id: id)) }
        for id in data.nominations.keys.sorted() { try apply(.removeNomination(id: id)) }
        let ranking = data.ranking(year: 2025, categoryID: "ubnd", nameOrder: data.vietnameseNameOrder)
        let decision = Decision(number: "215/QĐ-UBND", date: try CalendarDate(year: 2025, month: 12, day: 20),
                                issuer: "Chủ tịch Ủy ban nhân dân xã Phong Quang")
        for entry in ranking.prefix(2) {
            try apply(.addAward(award: AwardRecord(id: data.nextAwardID(), recipient: entry.subject,
                                                   recognition: .form(id: "giay-khen-xa", grade: nil), kind: .thematic,
                                                   year: 2025, decision: decision, note: "Dữ liệu mẫu")))
        }
        return data
    }
}

extension PreRoundSample {
    /// Writes the pre-round sample as a new data folder (what `thidua init --sample` did
    /// before the sample carried its award round).
    public static func initialize(folder: String) throws {
        try DataStore.initialize(folder: folder, with: try build())
    }
}
