import Foundation

/// Backup file names: `thidua-<yyyyMMdd-HHmmss>.zip`, then `-2`, `-3`, … for a second backup
/// in the same second. Ordering is by (timestamp, counter), which is also creation order;
/// plain string order would be wrong ("…-2.zip" sorts before "….zip", "-10" before "-2").
public struct BackupName: Sendable, Equatable, Comparable {
    /// "yyyyMMdd-HHmmss"
    public var stamp: String
    /// 1 for the plain name, 2, 3, … for the collision suffixes.
    public var counter: Int

    public init(stamp: String, counter: Int = 1) {
        self.stamp = stamp
        self.counter = counter
    }

    /// The stamp of `date` in `timeZone`, Gregorian calendar.
    public init(date: Date, timeZone: TimeZone, counter: Int = 1) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        stamp = pad(parts.year, 4) + pad(parts.month, 2) + pad(parts.day, 2) + "-"
            + pad(parts.hour, 2) + pad(parts.minute, 2) + pad(parts.second, 2)
        self.counter = counter
    }

    /// Parses a file name; nil for anything that is not one of our backups.
    public init?(fileName: String) {
        guard fileName.hasPrefix("thidua-"), fileName.hasSuffix(".zip") else { return nil }
        let parts = fileName.dropFirst("thidua-".count).dropLast(".zip".count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3,
              parts[0].count == 8, parts[1].count == 6,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        stamp = "\(parts[0])-\(parts[1])"
        if parts.count == 3 {
            guard let counter = Int(parts[2]), counter >= 2 else { return nil }
            self.counter = counter
        } else {
            counter = 1
        }
    }

    public var fileName: String {
        counter == 1 ? "thidua-\(stamp).zip" : "thidua-\(stamp)-\(counter).zip"
    }

    public static func < (lhs: BackupName, rhs: BackupName) -> Bool {
        (lhs.stamp, lhs.counter) < (rhs.stamp, rhs.counter)
    }
}
