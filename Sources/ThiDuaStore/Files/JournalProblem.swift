/// Something wrong found while reading a journal that does not stop the reading: the affected
/// line is skipped or flagged, everything else is returned. (A damaged line in the middle of
/// the file is not a problem but a `JournalError.corruptLine`.)
public struct JournalProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The last line was cut short or cannot be parsed; it was skipped.
        case tornTail
        /// A torn last line was cut off before appending and its bytes set aside.
        case discardedTail
        /// An empty line; skipped.
        case blankLine
        /// The line's hash does not match its contents: edited by hand or damaged.
        case hashMismatch
        /// The line's `prev` is not the previous entry's hash: a line was deleted, inserted or
        /// rewritten before it.
        case chainBreak
        /// The line's `seq` does not follow the previous one.
        case seqGap
        /// A history segment could not be read, so a link of the chain could not be checked.
        case unreadableHistory
    }

    public var kind: Kind
    /// The file as the caller named it.
    public var file: String
    /// 1-based line number in `file` (0 when the problem concerns the whole file).
    public var line: Int
    public var seq: Int?
    /// The Vietnamese sentence for the user.
    public var message: String

    public init(kind: Kind, file: String, line: Int, seq: Int?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.seq = seq
        self.message = message
    }

    public var description: String { message }

    static func location(_ file: String, _ line: Int, _ seq: Int?) -> String {
        if let seq { return "«\(file)» dòng \(line) (seq \(seq))" }
        return "«\(file)» dòng \(line)"
    }

    static func tornTail(file: String, line: Int, byteCount: Int, reason: String?) -> JournalProblem {
        let what = reason.map { "dòng cuối không đọc được (\($0))" }
            ?? "dòng cuối bị ghi dở (thiếu ký tự xuống dòng, \(byteCount) byte), có lẽ chương trình đã dừng đột ngột khi đang ghi"
        return JournalProblem(
            kind: .tornTail, file: file, line: line, seq: nil,
            message: "\(location(file, line, nil)): \(what); đã bỏ qua dòng này, các dòng trước vẫn nguyên vẹn."
        )
    }

    static func discardedTail(file: String, line: Int, byteCount: Int, keptIn: String?) -> JournalProblem {
        let kept = keptIn.map { " và lưu chúng vào «\($0)» để đối chiếu" } ?? ""
        return JournalProblem(
            kind: .discardedTail, file: file, line: line, seq: nil,
            message: "«\(file)»: đã cắt bỏ \(byteCount) byte ghi dở ở cuối tệp (dòng \(line))\(kept); các dòng trước vẫn nguyên vẹn."
        )
    }

    static func blankLine(file: String, line: Int) -> JournalProblem {
        JournalProblem(kind: .blankLine, file: file, line: line, seq: nil,
                       message: "\(location(file, line, nil)) trống; đã bỏ qua.")
    }

    static func hashMismatch(file: String, line: Int, seq: Int) -> JournalProblem {
        JournalProblem(kind: .hashMismatch, file: file, line: line, seq: seq,
                       message: "\(location(file, line, seq)) đã bị sửa tay hoặc hỏng: mã băm không khớp.")
    }

    static func chainBreak(file: String, line: Int, seq: Int) -> JournalProblem {
        JournalProblem(
            kind: .chainBreak, file: file, line: line, seq: seq,
            message: "\(location(file, line, seq)) không nối tiếp mục trước: mã băm «prev» không khớp (có dòng bị xóa, chèn hoặc sửa ngay trước dòng này)."
        )
    }

    static func seqGap(file: String, line: Int, seq: Int, expected: Int) -> JournalProblem {
        let detail: String
        if seq > expected {
            let missing = seq - 1 == expected ? "seq \(expected)" : "seq \(expected)–\(seq - 1)"
            detail = "số thứ tự nhảy từ \(expected - 1) lên \(seq), thiếu \(missing)"
        } else {
            detail = "số thứ tự không tăng (mục trước là seq \(expected - 1))"
        }
        return JournalProblem(kind: .seqGap, file: file, line: line, seq: seq,
                              message: "\(location(file, line, seq)): \(detail).")
    }

    static func unreadableHistory(file: String, reason: String) -> JournalProblem {
        JournalProblem(
            kind: .unreadableHistory, file: file, line: 0, seq: nil,
            message: "Không đọc được «\(file)»: \(reason); không kiểm tra được mắt xích nối với phần nhật ký sau nó."
        )
    }
}

/// A journal failure that stops the operation.
public enum JournalError: UserFacingError, Equatable {
    /// A line that is not the last one cannot be parsed: corruption, not a torn write. The file
    /// is left exactly as it is.
    case corruptLine(file: String, line: Int, reason: String)
    /// The entry could not be turned into a canonical line.
    case cannotEncode(seq: Int, reason: String)
    /// The entry does not continue the chain (wrong seq or prev); nothing was written.
    case outOfSequence(file: String, expected: JournalTip, seq: Int, prev: String)
    /// Rotation found a history segment of the same name with other contents.
    case segmentConflict(path: String)
    /// A line written by a newer version of the program, in a format this one cannot read.
    case newerFormat(file: String, line: Int, format: Int)

    public var message: String {
        switch self {
        case .corruptLine(let file, let line, let reason):
            return "Tệp «\(file)» hỏng ở dòng \(line): \(reason). Dòng này nằm giữa tệp (không phải dòng ghi dở ở cuối) nên chương trình không tự sửa và không ghi đè tệp; hãy sửa dòng đó hoặc khôi phục từ bản sao lưu."
        case .cannotEncode(let seq, let reason):
            return "Không tạo được dòng nhật ký cho seq \(seq): \(reason). Chưa ghi gì."
        case .outOfSequence(let file, let expected, let seq, _):
            return "Mục mới cho «\(file)» có seq \(seq) nhưng phải là seq \(expected.seq + 1), nối tiếp mã băm của mục trước. Chưa ghi gì."
        case .segmentConflict(let path):
            return "Tệp lịch sử «\(path)» đã có với nội dung khác; không chuyển nhật ký vào lịch sử để tránh ghi đè."
        case .newerFormat(let file, let line, let format):
            return "Tệp «\(file)» dòng \(line) được ghi bằng định dạng nhật ký \(format), mới hơn định dạng \(JournalPayload.currentFormat) mà phiên bản này đọc được. Hãy dùng phiên bản mới hơn của chương trình; tệp được giữ nguyên."
        }
    }
}
