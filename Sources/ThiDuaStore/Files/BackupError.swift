/// Why a backup could not be made or restored.
public enum BackupError: UserFacingError, Equatable {
    /// An entry of the archive would land outside the destination (absolute path, "..",
    /// or a symbolic link): the zip-slip attack. Nothing was extracted.
    case unsafeEntry(archive: String, entry: String)
    /// A file to back up was not named by a plain relative path inside the data folder.
    case unsafeSourcePath(String)
    /// Restores only go into an empty folder.
    case destinationNotEmpty(String)
    /// The archive is not a readable zip, or an entry is damaged.
    case unreadableArchive(path: String, reason: String)
    /// The zip could not be assembled.
    case cannotCreate(reason: String)
    /// A manifest names a member that is not in `objects/`.
    case missingMember(manifest: String, member: String, object: String)
    /// A member's bytes are not what the manifest says (size or SHA-256).
    case damagedMember(manifest: String, member: String, object: String)
    /// A full backup is never written over an existing file.
    case targetExists(String)

    public var message: String {
        switch self {
        case .unsafeEntry(let archive, let entry):
            return "Bản sao lưu «\(archive)» chứa đường dẫn không an toàn «\(entry)» (đường dẫn tuyệt đối, có «..» hoặc là liên kết tượng trưng); đã từ chối giải nén, không tệp nào được ghi."
        case .unsafeSourcePath(let path):
            return "Đường dẫn «\(path)» không dùng được để sao lưu: phải là đường dẫn tương đối bên trong thư mục dữ liệu."
        case .destinationNotEmpty(let folder):
            return "Thư mục «\(folder)» không trống; chỉ giải nén bản sao lưu vào một thư mục trống."
        case .unreadableArchive(let path, let reason):
            return "Không đọc được bản sao lưu «\(path)»: \(reason)."
        case .cannotCreate(let reason):
            return "Không tạo được bản sao lưu: \(reason)."
        case .missingMember(let manifest, let member, let object):
            return "Bản sao lưu «\(manifest)» thiếu bản lưu của «\(member)» («\(object)»)."
        case .damagedMember(let manifest, let member, let object):
            return "Bản sao lưu «\(manifest)»: bản lưu của «\(member)» («\(object)») bị hỏng (độ dài hoặc mã băm không khớp)."
        case .targetExists(let path):
            return "Tệp «\(path)» đã có; không ghi đè. Hãy chọn tên khác."
        }
    }
}
