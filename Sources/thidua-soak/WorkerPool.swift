import Foundation
import ThiDuaTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Runs `thidua-soak worker …` processes, a few at a time, and adds up their tallies.
struct WorkerPool {
    /// This program, re-run as workers.
    let executable: String
    let parallel: Int

    struct Outcome<T: Tally> {
        var tally = T()
        /// Workers that died instead of reporting (a crash): what replays each one.
        var crashes: [String] = []
    }

    func run<T: Tally>(_ batches: [[String]], as _: T.Type, label: String) -> Outcome<T> {
        let scratch = NSTemporaryDirectory() + "thidua-soak-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        var outcome = Outcome<T>()
        var waiting = Array(batches.enumerated())
        var running: [(index: Int, arguments: [String], child: ChildProcess)] = []
        var done = 0
        while !waiting.isEmpty || !running.isEmpty {
            while running.count < parallel, !waiting.isEmpty {
                let (index, arguments) = waiting.removeFirst()
                do {
                    let child = try ChildProcess.spawn(executable: executable, ["worker"] + arguments,
                                                       stdoutPath: "\(scratch)/\(index).out", stderrPath: "\(scratch)/\(index).err")
                    running.append((index, arguments, child))
                } catch {
                    outcome.crashes.append("không chạy được \(executable): \(error)")
                }
            }
            usleep(20_000)
            for (position, job) in running.enumerated().reversed() {
                guard let code = job.child.poll() else { continue }
                running.remove(at: position)
                done += 1
                let output = (try? String(contentsOfFile: "\(scratch)/\(job.index).out", encoding: .utf8)) ?? ""
                if code == 0, let line = output.split(separator: "\n").last,
                   let tally = try? JSONDecoder().decode(T.self, from: Data(line.utf8)) {
                    outcome.tally.merge(tally)
                } else {
                    let errors = ((try? String(contentsOfFile: "\(scratch)/\(job.index).err", encoding: .utf8)) ?? "").suffix(300)
                    outcome.crashes.append("thidua-soak worker \(job.arguments.joined(separator: " ")): mã thoát \(code). \(errors)")
                }
                FileHandle.standardError.write(Data("\(label): xong \(done)/\(batches.count) loạt\n".utf8))
            }
        }
        return outcome
    }
}
