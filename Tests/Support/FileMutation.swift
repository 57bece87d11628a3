/// One hand edit or damage of a collection file, and what the store must make of it.
public struct FileMutation: Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        // Damage: the store must refuse or report it, naming the file.
        case truncated, invalidUTF8, windows1258, wrongType, unknownValue, impossibleDate, missingField
        case duplicateID, danglingReference, trailingGarbage
        // Valid hand edits: the store must accept them and read the same data.
        case byteOrderMark, nfd, reorderedKeys, crlf, minified

        public var isValidEdit: Bool {
            switch self {
            case .byteOrderMark, .nfd, .reorderedKeys, .crlf, .minified: return true
            default: return false
            }
        }

        /// Vietnamese name, for the soak's table.
        public var label: String {
            switch self {
            case .truncated: return "cắt cụt"
            case .invalidUTF8: return "UTF-8 hỏng"
            case .windows1258: return "chữ Windows-1258"
            case .wrongType: return "sai kiểu"
            case .unknownValue: return "giá trị lạ"
            case .impossibleDate: return "ngày không có thật"
            case .missingField: return "thiếu trường"
            case .duplicateID: return "trùng mã"
            case .danglingReference: return "tham chiếu hỏng"
            case .trailingGarbage: return "rác cuối tệp"
            case .byteOrderMark: return "BOM"
            case .nfd: return "NFD"
            case .reorderedKeys: return "đổi thứ tự khóa"
            case .crlf: return "CRLF"
            case .minified: return "một dòng"
            }
        }
    }

    /// What the store must do with the mutated file.
    public enum Expected: Equatable, Sendable {
        /// Opening fails with "<file>, dòng <line>: …", and `thidua check` says the same.
        case refusedAt(line: Int)
        /// `thidua check` lists a problem naming the file and this text (a record's id).
        case reported(mentioning: String)
        /// The folder opens with exactly the data it had before the edit.
        case accepted
    }

    public var kind: Kind
    /// The file, relative to the data folder ("scores/2026.json").
    public var file: String
    /// Where and how, for a replayable report ("dòng 7, «gender»").
    public var detail: String
    public var bytes: [UInt8]
    public var expected: Expected

    public var description: String { "\(file): \(kind.label) (\(detail))" }
}
