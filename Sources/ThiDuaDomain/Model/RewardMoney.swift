/// A coefficient of the base salary, kept exact to the thousandth («0.3», «1.5», «4.5») so
/// that an amount is never off by the rounding of a binary fraction. Written «0.3» in files.
public struct Coefficient: Codable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let thousandths: Int

    public init(thousandths: Int) { self.thousandths = thousandths }

    /// «0,3» or «0.3»; refuses anything else with a message naming `field`.
    public init(parsing text: String, field: String = "Hệ số") throws(DomainError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0,
              parts.count == 1 || (1...3).contains(parts[1].count) && parts[1].allSatisfy(\.isNumber) else {
            throw DomainError(field: field, "\(field) «\(text)» không phải số thập phân không âm, ví dụ 0,3 hoặc 1,5.")
        }
        let fraction = parts.count == 2 ? String(parts[1]).padding(toLength: 3, withPad: "0", startingAt: 0) : "000"
        thousandths = whole * 1000 + Int(fraction)!
    }

    /// «0,3» as printed (Vietnamese decimal comma, no trailing zeros).
    public var display: String {
        let whole = thousandths / 1000, fraction = thousandths % 1000
        guard fraction != 0 else { return String(whole) }
        var digits = String(format: "%03d", fraction)
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole),\(digits)"
    }

    public var description: String { display.replacingOccurrences(of: ",", with: ".") }

    public static func < (a: Coefficient, b: Coefficient) -> Bool { a.thousandths < b.thousandths }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(parsing: text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// The coefficient of one award for one kind of subject, with the article it comes from.
public struct RewardCoefficient: Codable, Equatable, Sendable {
    /// What is rewarded: a form (with its grade, if any) or a title.
    public var recognition: Recognition
    public var subjectKind: SubjectKind
    /// nil: not set (the office has not confirmed it); documents then name no amount.
    public var coefficient: Coefficient?
    /// «Điều 54 khoản 1 Nghị định 152/2025/NĐ-CP».
    public var source: String

    public init(recognition: Recognition, subjectKind: SubjectKind, coefficient: Coefficient?, source: String) {
        self.recognition = recognition
        self.subjectKind = subjectKind
        self.coefficient = coefficient
        self.source = source
    }
}

/// The base salary (mức lương cơ sở) from a day on, with the decree that sets it.
public struct BaseSalary: Codable, Equatable, Sendable {
    /// Đồng per month.
    public var amount: Int
    public var validFrom: CalendarDate
    public var source: String

    public init(amount: Int, validFrom: CalendarDate, source: String) {
        self.amount = amount
        self.validFrom = validFrom
        self.source = source
    }
}

/// How an amount is rounded to ten thousand đồng: up (the decree's wording) or to the nearest.
public enum RewardRounding: String, Codable, Sendable, CaseIterable {
    case upToTenThousand
    case nearestTenThousand

    public var label: String {
        self == .upToTenThousand ? "Làm tròn lên hàng chục nghìn đồng" : "Làm tròn đến hàng chục nghìn đồng gần nhất"
    }
}

/// The office's reward money settings: coefficients per award and subject kind, the base
/// salary by date, the rounding. Every figure is the office's to correct, with its source.
public struct RewardMoneySettings: Codable, Equatable, Sendable {
    public var coefficients: [RewardCoefficient]
    public var baseSalaries: [BaseSalary]
    public var rounding: RewardRounding
    /// Where the money comes from, printed in the decision («quỹ thi đua, khen thưởng của xã»).
    public var fund: String

    public init(coefficients: [RewardCoefficient], baseSalaries: [BaseSalary], rounding: RewardRounding, fund: String) {
        self.coefficients = coefficients
        self.baseSalaries = baseSalaries
        self.rounding = rounding
        self.fund = fund
    }

    /// The figures of Nghị định 152/2025/NĐ-CP (in force 01/7/2025) as published, and the base
    /// salary of Nghị định 73/2024/NĐ-CP and 161/2026/NĐ-CP; used for folders made before
    /// reward money was kept.
    public static let defaults: RewardMoneySettings = {
        let decree = "Nghị định 152/2025/NĐ-CP"
        func form(_ id: String, _ grade: String? = nil, individual: String, collective: String, _ article: String) -> [RewardCoefficient] {
            [RewardCoefficient(recognition: .form(id: id, grade: grade), subjectKind: .individual,
                               coefficient: try! Coefficient(parsing: individual), source: "\(article) \(decree)"),
             RewardCoefficient(recognition: .form(id: id, grade: grade), subjectKind: .collective,
                               coefficient: try! Coefficient(parsing: collective), source: "\(article) \(decree)")]
        }
        func title(_ id: String, _ kind: SubjectKind, _ value: String, _ article: String) -> RewardCoefficient {
            RewardCoefficient(recognition: .title(id: id), subjectKind: kind, coefficient: try! Coefficient(parsing: value),
                              source: "\(article) \(decree)")
        }
        let coefficients = form("giay-khen-xa", individual: "0.3", collective: "0.6", "Điều 54 khoản 1")
            + form("bang-khen-tinh", individual: "1.5", collective: "3.0", "Điều 54 khoản 1 điểm b")
            + form("bang-khen-thu-tuong", individual: "3.5", collective: "7.0", "Điều 54 khoản 1 điểm a")
            + form("huan-chuong-lao-dong", "hạng Ba", individual: "4.5", collective: "9.0", "Điều 51")
            + form("huan-chuong-lao-dong", "hạng Nhì", individual: "7.5", collective: "15.0", "Điều 51")
            + form("huan-chuong-lao-dong", "hạng Nhất", individual: "9.0", collective: "18.0", "Điều 51")
            + [title("lao-dong-tien-tien", .individual, "0.3", "Điều 50 khoản 1 điểm d"),
               title("chien-si-thi-dua-co-so", .individual, "1.0", "Điều 50 khoản 1 điểm c"),
               title("tap-the-lao-dong-tien-tien", .collective, "0.8", "Điều 50 khoản 2 điểm b")]
        return RewardMoneySettings(
            coefficients: coefficients,
            baseSalaries: [
                BaseSalary(amount: 2_340_000, validFrom: try! CalendarDate(year: 2024, month: 7, day: 1),
                           source: "Nghị định 73/2024/NĐ-CP"),
                BaseSalary(amount: 2_530_000, validFrom: try! CalendarDate(year: 2026, month: 7, day: 1),
                           source: "Nghị định 161/2026/NĐ-CP"),
            ],
            rounding: .upToTenThousand, fund: "quỹ thi đua, khen thưởng của xã")
    }()

    /// The coefficient set for `recognition` and `kind`; nil when none is set.
    public func coefficient(for recognition: Recognition, kind: SubjectKind) -> RewardCoefficient? {
        coefficients.first { $0.recognition == recognition && $0.subjectKind == kind }
    }

    /// The base salary in force on `date`: the latest one starting on or before it.
    public func baseSalary(on date: CalendarDate) -> BaseSalary? {
        baseSalaries.filter { $0.validFrom <= date }.max { $0.validFrom < $1.validFrom }
    }
}

/// A reward worked out: the coefficient, the base salary of the decision's day, the amount.
public struct RewardAmount: Equatable, Sendable {
    public let coefficient: Coefficient
    public let baseSalary: BaseSalary
    public let source: String
    /// Đồng, rounded as the settings say.
    public let amount: Int
}

/// Why an amount cannot be worked out: the setting to fill in, named for the office.
public enum RewardMoneyGap: Error, Equatable, Sendable {
    case noCoefficient(award: String, kind: SubjectKind)
    case noBaseSalary(on: CalendarDate)

    public var message: String {
        switch self {
        case .noCoefficient(let award, let kind):
            return "Chưa đặt hệ số tiền thưởng của \(award) cho \(kind == .individual ? "cá nhân" : "tập thể") (Cài đặt, tiền thưởng)."
        case .noBaseSalary(let date):
            return "Chưa có mức lương cơ sở áp dụng ngày \(date.display) (Cài đặt, tiền thưởng)."
        }
    }
}

extension RewardMoneySettings {
    /// coefficient × base salary on `date`, rounded to ten thousand đồng (up, by default).
    public func amount(for recognition: Recognition, kind: SubjectKind, on date: CalendarDate,
                       name: String) -> Result<RewardAmount, RewardMoneyGap> {
        guard let entry = coefficient(for: recognition, kind: kind), let coefficient = entry.coefficient else {
            return .failure(.noCoefficient(award: name, kind: kind))
        }
        guard let base = baseSalary(on: date) else { return .failure(.noBaseSalary(on: date)) }
        return .success(RewardAmount(coefficient: coefficient, baseSalary: base, source: entry.source,
                                     amount: Self.rounded(base: base.amount, coefficient, rounding)))
    }

    /// In integers, so 1,5 × 2.340.000 is exactly 3.510.000 and is not rounded up again.
    static func rounded(base: Int, _ coefficient: Coefficient, _ rounding: RewardRounding) -> Int {
        let thousandthsOfDong = base * coefficient.thousandths
        let step = 10_000 * 1000
        switch rounding {
        case .upToTenThousand: return (thousandthsOfDong + step - 1) / step * 10_000
        case .nearestTenThousand: return (thousandthsOfDong + step / 2) / step * 10_000
        }
    }
}

/// «1.520.000»: đồng with dots between thousands, as Vietnamese documents write money.
public enum VietnameseMoney {
    public static func display(_ amount: Int) -> String {
        var digits = String(abs(amount))
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (amount < 0 ? "-" : "") + groups.joined(separator: ".")
    }
}

extension Dataset {
    /// The money that comes with the award a nomination asks for, by a decision dated `date`.
    public func reward(for nomination: Nomination, on date: CalendarDate) -> Result<RewardAmount, RewardMoneyGap> {
        let recognition = Recognition.form(id: nomination.formID, grade: nomination.grade)
        return settings.rewardMoney.amount(for: recognition, kind: nomination.nominee.kind, on: date,
                                           name: catalog.name(of: recognition))
    }
}

/// The money of a list of nominations decided on one day: each amount, the total, and the
/// settings still missing (each named once, in the order met).
public struct RewardTally: Sendable {
    public let amounts: [NominationID: RewardAmount]
    public let gaps: [RewardMoneyGap]

    /// Đồng; only meaningful when `gaps` is empty.
    public var total: Int { amounts.values.map(\.amount).reduce(0, +) }
    public var isComplete: Bool { gaps.isEmpty }
}

extension Dataset {
    public func rewardTally(_ nominations: [Nomination], on date: CalendarDate) -> RewardTally {
        var amounts: [NominationID: RewardAmount] = [:]
        var gaps: [RewardMoneyGap] = []
        for nomination in nominations {
            switch reward(for: nomination, on: date) {
            case .success(let amount): amounts[nomination.id] = amount
            case .failure(let gap): if !gaps.contains(gap) { gaps.append(gap) }
            }
        }
        return RewardTally(amounts: amounts, gaps: gaps)
    }
}
