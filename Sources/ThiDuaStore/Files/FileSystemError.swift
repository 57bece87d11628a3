#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed file operation: which file, what we were doing, and the system's errno.
///
/// `message` is the Vietnamese sentence shown to the user; it always names the file, and for a
/// full disk it also says that what was saved before is intact (every writer in this module
/// guarantees that by writing to a temporary file or by appending whole lines).
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var operation: FileOperation
    public var errno: Int32

    public init(path: String, operation: FileOperation, errno: Int32) {
        self.path = path
        self.operation = operation
        self.errno = errno
    }

    /// The user-facing explanation, in Vietnamese.
    public var message: String {
        switch errno {
        case ENOSPC:
            return "Ổ đĩa đã đầy: không ghi được «\(path)». Dữ liệu trước đó vẫn nguyên vẹn."
        case EDQUOT:
            return "Đã hết dung lượng được cấp trên ổ đĩa: không ghi được «\(path)». Dữ liệu trước đó vẫn nguyên vẹn."
        case EACCES, EPERM:
            return "Không có quyền \(operation.vietnameseVerb) «\(path)»."
        case EROFS:
            return "Ổ đĩa chỉ cho phép đọc: không \(operation.vietnameseVerb) được «\(path)»."
        case EIO:
            return "Lỗi vào/ra của ổ đĩa khi \(operation.vietnameseVerb) «\(path)». Ổ đĩa có thể bị hỏng; hãy sao lưu dữ liệu sang nơi khác."
        case ENOENT:
            return "Không tìm thấy tệp hoặc thư mục «\(path)»."
        case EEXIST:
            return "Tệp «\(path)» đã tồn tại."
        case ENOTDIR:
            return "Một phần của đường dẫn «\(path)» không phải là thư mục."
        case EISDIR:
            return "«\(path)» là thư mục, không phải tệp."
        default:
            return "Lỗi khi \(operation.vietnameseVerb) «\(path)»: \(Self.systemText(errno)) (mã lỗi \(errno))."
        }
    }

    public var description: String { message }

    /// The C library's own text for an errno value.
    static func systemText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "lỗi không rõ" }
        return String(cString: text)
    }
}

extension FileOperation {
    /// The verb used inside messages: "Không có quyền <verb> «tệp»".
    var vietnameseVerb: String {
        switch self {
        case .read: return "đọc"
        case .status: return "xem thông tin"
        case .listDirectory: return "liệt kê thư mục"
        case .createDirectory: return "tạo thư mục"
        case .open: return "mở để ghi"
        case .write: return "ghi"
        case .sync: return "ghi xuống đĩa"
        case .syncDirectory: return "ghi thư mục xuống đĩa"
        case .rename: return "đổi tên"
        case .remove: return "xóa"
        case .truncate: return "cắt ngắn"
        case .setPermissions: return "đặt quyền cho"
        case .lock: return "khóa"
        case .volume: return "xem loại ổ đĩa của"
        }
    }
}
