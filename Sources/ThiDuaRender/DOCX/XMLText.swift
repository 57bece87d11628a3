/// Escaping for the WordprocessingML we write by hand.
enum XMLText {
    /// Escapes markup characters and drops the control characters XML 1.0 forbids (a stray
    /// U+000C pasted from another program would otherwise make Word refuse the whole file).
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in PlainText.nfc(text).unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t": result += " "
            case "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// Units Word measures in.
enum Twips {
    static func from(millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }
    static func from(points: Double) -> Int { Int((points * 20).rounded()) }
    /// Font sizes are in half-points.
    static func halfPoints(_ points: Double) -> Int { Int((points * 2).rounded()) }
}
