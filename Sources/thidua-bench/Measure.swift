import Foundation

/// Timings of one scenario: median and 99th percentile in milliseconds.
struct Timing {
    var samples: [Double]

    var median: Double { percentile(0.5) }
    var p99: Double { percentile(0.99) }

    func percentile(_ p: Double) -> Double {
        guard !samples.isEmpty else { return .nan }
        let sorted = samples.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded(.up)))
        return sorted[index]
    }
}

enum Measure {
    /// Runs `body` `runs` times (after `warmup` unmeasured runs) and returns the timings.
    static func time(runs: Int, warmup: Int = 1, _ body: () throws -> Void) rethrows -> Timing {
        for _ in 0..<warmup { try body() }
        var samples: [Double] = []
        samples.reserveCapacity(runs)
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return Timing(samples: samples)
    }

    /// Milliseconds `body` takes, once.
    static func milliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
    }

    /// Peak resident memory of this process so far, in MB: the high-water mark of its own
    /// memory (`VmHWM`). `ru_maxrss` is not that for a child: Linux carries the parent's peak
    /// into a process started by posix_spawn (the memory it replaces at exec is the parent's),
    /// so the session child reported the benchmark's own peak whenever that was higher.
    static var peakMemoryMB: Double {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") {
            return kilobytes / 1024
        }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}

/// One row of the results table.
struct ResultRow {
    var scenario: String
    var scale: String
    var timing: Timing?
    var figure: String?
    var target: String
    var met: Bool?

    var medianText: String { timing.map { format($0.median) } ?? (figure ?? "") }
    var p99Text: String { timing.map { format($0.p99) } ?? "" }
    var verdict: String { met.map { $0 ? "đạt" : "KHÔNG ĐẠT" } ?? "—" }

    private func format(_ ms: Double) -> String {
        ms < 1 ? String(format: "%.3f ms", ms) : String(format: "%.1f ms", ms)
    }
}
