/// Escaping for the XML we write by hand (WordprocessingML, SpreadsheetML).
enum XMLText {
    /// Escapes markup characters and drops the control characters XML 1.0 forbids (a stray
    /// U+000C pasted from another program would otherwise make Word or Excel refuse the whole file).
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
