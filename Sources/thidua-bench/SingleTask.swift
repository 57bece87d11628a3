import Foundation
import ThiDuaStore

/// One task per process, for the child processes the benchmark starts and for profiling
/// under callgrind: `thidua-bench TASK ARGUMENTS…`.
enum SingleTask {
    /// Runs the task named by `arguments[0]` and exits, or returns when there is no such task.
    static func runIfNamed(_ arguments: [String]) {
        guard let name = arguments.first, let task = tasks[name] else { return }
        let rest = Array(arguments.dropFirst())
        guard rest.count == task.arity else {
            FileHandle.standardError.write(Data("thidua-bench \(name): cần \(task.arity) tham số: \(task.usage)\n".utf8))
            exit(2)
        }
        do {
            try task.run(rest)
            exit(0)
        } catch {
            FileHandle.standardError.write(Data("thidua-bench \(name): \(error)\n".utf8))
            exit(1)
        }
    }

    private struct Task: Sendable {
        var arity: Int
        var usage: String
        var run: @Sendable ([String]) throws -> Void
    }

    private static let tasks: [String: Task] = [
        // The data, written in a child so the generator's memory is not in the measured peak.
        "generate": Task(arity: 2, usage: "SỐ_XÃ THƯ_MỤC") { arguments in
            guard let communes = Int(arguments[0]) else { throw CocoaError(.formatting) }
            try DataStore.initialize(folder: arguments[1], with: try ScaleData.build(communes: communes))
        },
        // One open and first home screen, nothing else; prints the time to the first screen.
        "open": Task(arity: 1, usage: "THƯ_MỤC") { arguments in
            print(String(format: "%.1f ms", try Scenarios.openAndDrawHome(folder: arguments[0])))
        },
        // One working session in a fresh process; prints its peak memory in MB.
        "session": Task(arity: 1, usage: "THƯ_MỤC") { arguments in
            try Scenarios.workSession(folder: arguments[0])
            print(String(format: "%.0f", Measure.peakMemoryMB))
        },
        // For profiling the catch-up: store A commits N score changes while store B (both in
        // this process, on the folder) waits, then B reads and applies them (`refresh`).
        "catch-up": Task(arity: 2, usage: "THƯ_MỤC SỐ_THAY_ĐỔI") { arguments in
            guard let count = Int(arguments[1]) else { throw CocoaError(.formatting) }
            try Scenarios.catchUpOnce(folder: arguments[0], count: count)
        },
        // N durable score edits and nothing else.
        "edits": Task(arity: 2, usage: "THƯ_MỤC SỐ_LẦN") { arguments in
            guard let count = Int(arguments[1]) else { throw CocoaError(.formatting) }
            try Scenarios.scoreEdits(folder: arguments[0], count: count)
        },
        // For profiling keys (see KeyProbes): the people search typed N times over.
        "search-keys": Task(arity: 2, usage: "THƯ_MỤC SỐ_LƯỢT") { arguments in
            guard let rounds = Int(arguments[1]) else { throw CocoaError(.formatting) }
            try KeyProbes.searchKeys(folder: arguments[0], rounds: rounds)
        },
        // N cursor moves, then N scores entered, in the largest khối's grid.
        "grid-keys": Task(arity: 2, usage: "THƯ_MỤC SỐ_PHÍM") { arguments in
            guard let count = Int(arguments[1]) else { throw CocoaError(.formatting) }
            try KeyProbes.gridKeys(folder: arguments[0], count: count)
        },
        // The people list opened and closed N times, then M persons renamed by another writer
        // arriving while it is open (see ListProbes).
        "people-list": Task(arity: 3, usage: "THƯ_MỤC SỐ_LẦN_MỞ SỐ_LẦN_SỬA") { arguments in
            guard let rounds = Int(arguments[1]), let edits = Int(arguments[2]) else { throw CocoaError(.formatting) }
            try ListProbes.peopleList(folder: arguments[0], rounds: rounds, edits: edits)
        },
        // The same for the unit list.
        "unit-list": Task(arity: 3, usage: "THƯ_MỤC SỐ_LẦN_MỞ SỐ_LẦN_SỬA") { arguments in
            guard let rounds = Int(arguments[1]), let edits = Int(arguments[2]) else { throw CocoaError(.formatting) }
            try ListProbes.unitList(folder: arguments[0], rounds: rounds, edits: edits)
        },
        // The nomination list of N rows built and written as PDF once (see DocumentScenarios).
        "pdf-list": Task(arity: 1, usage: "SỐ_DÒNG") { arguments in
            guard let count = Int(arguments[0]) else { throw CocoaError(.formatting) }
            try DocumentScenarios.pdfListOnce(rows: count)
        },
        // The nominee picker opened N times, N searches typed in it, N people renamed by
        // another writer while it is open, and the person form opened N times (see PickerProbes).
        "pickers": Task(arity: 2, usage: "THƯ_MỤC SỐ_LẦN") { arguments in
            guard let rounds = Int(arguments[1]) else { throw CocoaError(.formatting) }
            try PickerProbes.pickers(folder: arguments[0], rounds: rounds)
        },
    ]
}
