import ArgumentParser
import Foundation
import ThiDuaTestSupport

@main
struct Soak: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua-soak",
        abstract: "Chạy thử độ bền lâu: giết thidua apply bằng SIGKILL, làm rách nhật ký, làm hỏng và sửa tay các tệp dữ liệu, gõ phím ngẫu nhiên, nhiều chương trình cùng ghi một thư mục.",
        discussion: """
        Các vòng giống hệt các kiểm thử nhanh (CrashRecoveryTests, TruncatedFileTests, \
        CollectionMutationTests, RandomKeysTests, MultiWriterTests) nhưng chạy lâu hơn; --seed 1 lặp lại đúng các phím của \
        RandomKeysTests rồi gõ tiếp. Chạy chương trình thidua nằm cạnh thidua-soak (swift run dựng cả hai). Mã thoát khác 0 nếu có thay đổi bị mất, hỏng hóc không \
        bị phát hiện, tệp bị ghi đè, chương trình đổ vỡ, bất biến bị vi phạm, hoặc khi nhiều người cùng ghi \
        có thay đổi bị mất, bị ghi hai lần, chuỗi băm bị đứt hay xung đột không bị phát hiện.
        """,
        subcommands: [Worker.self])

    @Option(help: "Số vòng giết thidua apply bằng SIGKILL (một nửa kèm dòng nhật ký ghi dở).")
    var kills = 50

    @Option(help: "Số lần làm hỏng hoặc sửa tay một tệp dữ liệu.")
    var mutations = 500

    @Option(help: "Tổng số phím ngẫu nhiên, chia đều cho mọi màn hình bắt đầu.")
    var keys = 320_000

    @Option(name: .customLong("multi-writer-rounds"),
            help: "Số vòng nhiều người ghi: nhiều thidua apply cùng ghi một thư mục, một nửa số vòng có một người bị SIGKILL, một nửa có chương trình khác ghi lại tệp, vòng nào cũng có xung đột cố ý.")
    var multiWriterRounds = 20

    @Option(help: "Số tiến trình thidua apply cùng ghi trong mỗi vòng nhiều người ghi.")
    var writers = 4

    @Option(name: .customLong("changes-per-writer"), help: "Số thay đổi mỗi tiến trình ghi trong một vòng nhiều người ghi.")
    var changesPerWriter = 250

    @Option(help: "Hạt giống: cùng hạt giống thì cùng các vòng thử.")
    var seed: UInt64 = 1

    @Option(help: "Số tiến trình chạy song song.")
    var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)

    func run() throws {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        let thidua = URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("thidua").path
        guard FileManager.default.isExecutableFile(atPath: thidua) else {
            throw ValidationError("Không thấy chương trình thidua cạnh thidua-soak («\(thidua)»); hãy dựng lại bằng «swift build -c release --product thidua-soak».")
        }
        guard MultiWriter.fits(writers: writers, linesPerWriter: changesPerWriter) else {
            throw ValidationError("--writers và --changes-per-writer phải từ 1 trở lên, và mỗi vòng nhiều người ghi có tối đa khoảng 6.000 thay đổi (--writers × --changes-per-writer / 4 ≤ 1.500: mỗi điểm ghi một giá trị riêng trong 15 điểm của tiêu chí).")
        }
        let pool = WorkerPool(executable: executable, parallel: max(1, jobs))
        var report = SoakReport(seed: seed, jobs: pool.parallel)

        var started = Date()
        let killBatches = Self.batches(total: kills, size: 10).map { offset, count in
            ["kills", "--thidua", thidua, "--count", "\(count)", "--round-seed", "\(seed &* 1_000_003 &+ UInt64(offset))"]
        }
        report.kills = pool.run(killBatches, as: KillTally.self, label: "Vòng SIGKILL")
        report.seconds["kills"] = Date().timeIntervalSince(started)

        started = Date()
        let mutationBatches = Self.batches(total: mutations, size: 250).enumerated().map { batch, part in
            ["mutations", "--thidua", thidua, "--count", "\(part.count)", "--round-seed", "\(seed &* 7_919 &+ UInt64(batch))"]
        }
        report.mutations = pool.run(mutationBatches, as: MutationTally.self, label: "Tệp bị sửa")
        report.seconds["mutations"] = Date().timeIntervalSince(started)

        started = Date()
        let starts = KeyFuzzer.starts.map(\.name)
        let perScreen = keys > 0 ? (keys + starts.count - 1) / starts.count : 0
        let keyBatches = perScreen == 0 ? [] : starts.map { start in
            ["keys", "--start", start, "--count", "\(perScreen)", "--round-seed", "\(KeyFuzzer.seed(for: start, base: seed &+ 6))"]
        }
        report.keys = pool.run(keyBatches, as: KeyTally.self, label: "Phím ngẫu nhiên")
        report.seconds["keys"] = Date().timeIntervalSince(started)

        started = Date()
        let writerBatches = Self.batches(total: multiWriterRounds, size: 5).map { offset, count in
            ["multi-writer", "--thidua", thidua, "--count", "\(count)", "--round-seed", "\(seed &* 104_729 &+ UInt64(offset))",
             "--writer-count", "\(writers)", "--lines-per-writer", "\(changesPerWriter)"]
        }
        report.multiWriter = pool.run(writerBatches, as: MultiWriterTally.self, label: "Vòng nhiều người ghi")
        report.seconds["multiWriter"] = Date().timeIntervalSince(started)

        print(report.table())
        if !report.passed { throw ExitCode(1) }
    }

    /// (first index, count) of batches of at most `size` covering `total`.
    static func batches(total: Int, size: Int) -> [(offset: Int, count: Int)] {
        stride(from: 0, to: max(0, total), by: size).map { ($0, min(size, total - $0)) }
    }
}
