import ThiDuaDomain

/// The documents the office prints. The raw value is the command-line name
/// (`thidua print danh-sach`) and the start of saved file names.
public enum DocumentKind: String, CaseIterable, Sendable {
    case nominationList = "danh-sach"
    case submission = "to-trinh"
    case decision = "quyet-dinh"
    case minutes = "bien-ban"
    case scoreSummary = "tong-hop-diem"
    case scoreSheet = "phieu-cham"
    case reportStatus = "tinh-hinh-bao-cao"
    case yearReport = "bao-cao-nam"
    case awardHistory = "lich-su-khen-thuong"
    /// Last so the numbers of the older entries in the documents menu stay as staff know them.
    case rewardList = "tien-thuong"
    case reportReminder = "don-doc"
    case certificateRegister = "so-cap-phat"

    /// The name in the documents menu.
    public var title: String {
        switch self {
        case .nominationList: return "Danh sách đề nghị khen thưởng"
        case .submission: return "Tờ trình đề nghị khen thưởng"
        case .decision: return "Dự thảo quyết định khen thưởng của xã (kèm danh sách)"
        case .rewardList: return "Danh sách nhận tiền thưởng theo quyết định"
        case .reportReminder: return "Công văn đôn đốc đơn vị chưa nộp báo cáo năm"
        case .minutes: return "Biên bản họp Hội đồng Thi đua - Khen thưởng"
        case .scoreSummary: return "Bảng tổng hợp điểm theo khối"
        case .scoreSheet: return "Phiếu chấm điểm của một đơn vị, cá nhân"
        case .reportStatus: return "Tình hình nộp báo cáo năm"
        case .yearReport: return "Báo cáo kết quả năm gửi tỉnh"
        case .awardHistory: return "Lịch sử khen thưởng của một đơn vị, cá nhân"
        case .certificateRegister: return "Sổ theo dõi cấp phát giấy khen"
        }
    }

    /// What the document is about, so screens and the command line ask only for that.
    public enum Parameter: Sendable, Hashable {
        /// A year of the phase.
        case year
        /// A nomination period (a year, the mid-term or the end of phase).
        case period
        /// An award form; optional: nil means every form of the period.
        case form
        /// One unit or person.
        case subject
        /// One khối; optional: nil means every khối and the individuals.
        case category
        /// The document's own number ("12" in "Số: 12/TTr-UBND"); optional.
        case number
        /// The authority a tờ trình goes to; optional when the form or the nominations say.
        case target
    }

    public var parameters: [Parameter] {
        switch self {
        case .nominationList, .minutes: return [.period, .form]
        case .submission: return [.period, .form, .target, .number]
        case .decision: return [.period, .form, .number]
        case .rewardList: return [.period, .form, .number]
        case .scoreSummary: return [.year, .category]
        case .scoreSheet: return [.year, .subject]
        case .reportStatus: return [.year]
        case .yearReport, .reportReminder: return [.year, .number]
        case .awardHistory: return [.subject]
        case .certificateRegister: return [.year, .form]
        }
    }
}
