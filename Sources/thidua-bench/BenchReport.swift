import Foundation
import ThiDuaDomain

/// The results as the Markdown of BENCHMARKS.md: machine, date, command and the table.
enum BenchReport {
    static func markdown(_ rows: [ResultRow], command: String) -> String {
        var out = ["# Kết quả đo tốc độ (thidua-bench)", ""]
        out.append("- Máy: \(machine())")
        out.append("- Ngày đo: \(Timestamp.string(Date()))")
        out.append("- Lệnh: `\(command)`")
        out.append("")
        out.append("| việc | quy mô | trung vị | p99 | mục tiêu | kết quả |")
        out.append("|---|---|---|---|---|---|")
        for row in rows {
            out.append("| \(row.scenario) | \(row.scale) | \(row.medianText) | \(row.p99Text) | \(row.target) | \(row.verdict) |")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "?"
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let memory = Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824
        return "\(cpu), \(cores) lõi, \(String(format: "%.0f", memory)) GiB RAM, \(ProcessInfo.processInfo.operatingSystemVersionString)"
    }
}
