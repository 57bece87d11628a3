import Foundation

/// Backup file names: `thidua-<yyyyMMdd-HHmmss>.manifest.json` (a backup made of members in
/// `backups/objects/`) or `thidua-<yyyyMMdd-HHmmss>.zip` (a standalone zip), then `-2`, `-3`, …
/// for a second backup in the same second. Ordering is by (timestamp, counter, kind), which is
/// also creation order; plain string order would be wrong ("…-2.zip" sorts before "….zip",
/// "-10" before "-2").
public struct BackupName: Sendable, Equatable, Comparable {
    public enum Kind: Int, Sendable, Comparable {
        case zip
        case manifest

        var suffix: String { self == .zip ? ".zip" : ".manifest.json" }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// "yyyyMMdd-HHmmss"
    public var stamp: String
    /// 1 for the plain name, 2, 3, … for the collision suffixes.
    public var counter: Int
    public var kind: Kind

    public init(stamp: String, counter: Int = 1, kind: Kind = .zip) {
        self.stamp = stamp
        self.counter = counter
        self.kind = kind
    }

    /// The stamp of `date` in `timeZone`, Gregorian calendar.
    public init(date: Date, timeZone: TimeZone, counter: Int = 1, kind: Kind = .zip) {
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
        self.kind = kind
    }

    /// Parses a file name; nil for anything that is not one of our backups.
    public init?(fileName: String) {
        guard fileName.hasPrefix("thidua-"),
              let kind = [Kind.manifest, .zip].first(where: { fileName.hasSuffix($0.suffix) }) else { return nil }
        self.kind = kind
        let parts = fileName.dropFirst("thidua-".count).dropLast(kind.suffix.count).split(separator: "-", omittingEmptySubsequences: false)
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
        (counter == 1 ? "thidua-\(stamp)" : "thidua-\(stamp)-\(counter)") + kind.suffix
    }

    public static func < (lhs: BackupName, rhs: BackupName) -> Bool {
        (lhs.stamp, lhs.counter, lhs.kind) < (rhs.stamp, rhs.counter, rhs.kind)
    }

    /// The first free name for a backup of `kind` made at `date` in `folder`: a counter is never
    /// shared between a zip and a manifest, so the two kinds never tie.
    static func free(date: Date, timeZone: TimeZone, kind: Kind, in folder: String, fileSystem: any FileSystem) -> BackupName {
        var name = BackupName(date: date, timeZone: timeZone, kind: kind)
        func taken(_ name: BackupName) -> Bool {
            [Kind.zip, .manifest].contains { other in
                var sibling = name
                sibling.kind = other
                return fileSystem.exists(FilePath.join(folder, sibling.fileName))
            }
        }
        while taken(name) { name.counter += 1 }
        return name
    }
}
