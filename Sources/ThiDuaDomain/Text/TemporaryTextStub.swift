import Foundation
// TEMPORARY: replaced by the real VietnameseText when the text branch merges.
public enum VietnameseText {
    public static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }
    public static func cleanedInput(_ s: String) -> String {
        nfc(s).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
extension VietnameseText {
    public static func searchFold(_ s: String) -> String {
        nfc(s).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
    }
}
