import Foundation

/// Why a document could not be written. Messages are Vietnamese: they reach the office staff.
public enum RenderError: Error, Equatable, CustomStringConvertible, LocalizedError {
    /// The text holds a character the font cannot draw.
    case missingGlyph(scalar: UInt32, fontPath: String)
    /// Neither the bundled fonts nor fontconfig gave a usable font for a style.
    case fontNotFound(style: FontStyle, detail: String)
    /// The font file cannot be used (not TrueType outlines, damaged tables …).
    case unsupportedFont(path: String, reason: String)
    case writeFailed(detail: String)
    /// A helper program (lp, lpstat, fc-match) could not be started.
    case programNotStarted(path: String, reason: String)

    public var description: String {
        switch self {
        case let .missingGlyph(scalar, fontPath):
            let code = String(format: "U+%04X", scalar)
            let character = Unicode.Scalar(scalar).map { String(Character($0)) } ?? "?"
            return "Phông chữ «\(fontPath)» không có ký tự \(code) «\(character)»; "
                + "hãy sửa nội dung hoặc chọn phông khác có ký tự này (biến THIDUA_FONT_FAMILY)."
        case let .fontNotFound(style, detail):
            return "Không tìm thấy phông chữ có dấu tiếng Việt (kiểu \(style.vietnameseName)): \(detail). "
                + "Hãy cài gói fonts-liberation2."
        case let .unsupportedFont(path, reason):
            return "Không dùng được phông chữ «\(path)»: \(reason)."
        case let .writeFailed(detail):
            return "Không ghi được tài liệu: \(detail)."
        case let .programNotStarted(path, reason):
            return "Không chạy được chương trình «\(path)»: \(reason)."
        }
    }

    public var errorDescription: String? { description }
}

extension FontStyle {
    var vietnameseName: String {
        switch self {
        case .regular: return "thường"
        case .bold: return "đậm"
        case .italic: return "nghiêng"
        case .boldItalic: return "đậm nghiêng"
        }
    }
}
