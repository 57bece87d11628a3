import Foundation

/// Folds Vietnamese text for accent-insensitive matching: lowercase, no
/// diacritics, "đ" → "d". "Nguyễn Văn Ả" and "nguyen van a" fold equal.
///
/// TODO: when merged, move callers to the domain's
/// `VietnameseText.searchFold`, which is being written in parallel in
/// ThiDuaDomain; this copy exists only so the TUI core can be built first.
func searchFold(_ text: String) -> String {
    var out = String.UnicodeScalarView()
    for s in text.decomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
        switch s.value {
        case 0x0300...0x036F: continue            // combining diacritics (after NFD)
        case 0x0111, 0x0110: out.append("d")      // đ Đ do not decompose
        default: out.append(s)
        }
    }
    return String(out)
}
