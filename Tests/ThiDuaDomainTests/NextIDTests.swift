import Testing
@testable import ThiDuaDomain

/// The next free id reads the usual ids from their bytes; every id, usual or odd, counts as
/// reading it as text counts it.
@Suite struct NextIDTests {
    /// The number after the prefix as text reads it: the rule the byte reading must keep.
    private func reference(prefix: String, width: Int, after existing: [String]) -> String {
        let highest = existing.compactMap { id -> Int? in
            guard id.hasPrefix(prefix) else { return nil }
            return Int(id.dropFirst(prefix.count))
        }.max() ?? 0
        let digits = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    @Test(arguments: [
        ["CN00001", "CN00002"], ["CN00009", "CN120", "DV0004"], [], ["CN"], ["CN+41", "CN7"], ["CN-5"],
        ["CN\u{301}99", "CN3"], ["CN9\u{301}", "CN4"], ["CN12a", "CN2"], ["cn00077", "CN00005"],
        ["CN999999999999999999", "CN1"], ["CN9999999999999999999", "CN8"], ["CN000000000000000000042"],
        ["CN٣", "CN2"], ["ĐCN5", "CN00010"],
    ])
    func theNextIDIsWhatReadingTheIDsAsTextGives(ids: [String]) {
        #expect(Dataset.next(prefix: "CN", width: 5, after: ids) == reference(prefix: "CN", width: 5, after: ids))
    }
}
