/// A document's number «215/QĐ-UBND»: the serial the office gives it and the code of its type
/// and issuing body. Wherever a number is asked, «215» and «215/QĐ-UBND» mean the same, and
/// one form is kept: the serial for a document being drafted (its code is known), the whole
/// number for a decision recorded on a nomination or an award.
public struct DocumentNumber: Equatable, Sendable {
    /// «215»; empty when no number is given yet (a blank to fill in by hand).
    public let serial: String
    /// «QĐ-UBND».
    public let code: String

    public init(serial: String, code: String) {
        self.serial = serial
        self.code = code
    }

    /// «215/QĐ-UBND», or empty without a serial.
    public var full: String { serial.isEmpty ? "" : "\(serial)/\(code)" }

    /// Reads what the office typed for a document of code `code`. With `strict`, a typed code
    /// must be that code (a tờ trình's number is not a decision's); without it, a number typed
    /// whole keeps its own code (an older decision of another body).
    public static func parse(_ typed: String, code: String, strict: Bool = true,
                             field: String = "Số văn bản") throws(DomainError) -> DocumentNumber {
        let text = VietnameseText.cleanedInput(typed)
        guard !text.isEmpty else { return DocumentNumber(serial: "", code: code) }
        let serial: String, typedCode: String?
        if let slash = text.firstIndex(of: "/") {
            serial = String(text[..<slash]).trimmingCharacters(in: .whitespaces)
            typedCode = String(text[text.index(after: slash)...]).replacingOccurrences(of: " ", with: "")
        } else {
            serial = text
            typedCode = nil
        }
        let shown = serial.isEmpty || serial.contains(" ") || serial.contains("/") ? "215" : serial
        let example = "«\(shown)» hoặc «\(shown)/\(code)»"
        guard !serial.isEmpty else {
            throw DomainError(field: field, "\(field) «\(text)» thiếu số trước dấu «/»; nhập \(example).")
        }
        guard !serial.contains(" "), !serial.contains("/") else {
            throw DomainError(field: field, "\(field) «\(text)» không đúng dạng; nhập \(example).")
        }
        guard let typedCode else { return DocumentNumber(serial: serial, code: code) }
        guard !typedCode.isEmpty else {
            throw DomainError(field: field, "\(field) «\(text)» thiếu ký hiệu sau dấu «/»; nhập \(example).")
        }
        if typedCode.lowercased() == code.lowercased() { return DocumentNumber(serial: serial, code: code) }
        guard !strict else {
            throw DomainError(field: field,
                "\(field) «\(text)» mang ký hiệu «\(typedCode)», nhưng văn bản này có ký hiệu «\(code)»; nhập \(example).")
        }
        return DocumentNumber(serial: serial, code: typedCode)
    }
}
