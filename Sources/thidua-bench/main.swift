import Foundation

// thidua-bench: speed and memory at commune (S) and province (L) scale.
// Usage: swift build -c release && .build/release/thidua-bench [S|L|D|SLD] [--out FILE] [--only NAME,…]
// (D: documents; the release `thidua` beside it is started cold under tmux when it is there, and
// writes as the other process of the catch-up scenario; --only runs the named scenarios alone:
// first-screen, cold-start, durable-edit, catch-up, search, grid, people-list, pickers, checkpoint, close, check, memory, documents)
// Benchmarks never run in CI as pass/fail; they print a table and write the report.

let arguments = Array(CommandLine.arguments.dropFirst())

// Child processes and profiling: generate, open, session, edits (see SingleTask).
SingleTask.runIfNamed(arguments)

let scales = arguments.enumerated().first { index, argument in
    !argument.hasPrefix("-") && !argument.hasSuffix(".md") && (index == 0 || !["--out", "--only"].contains(arguments[index - 1]))
}?.element ?? "SLD"
func value(of option: String) -> String? {
    arguments.firstIndex(of: option).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}
let outPath = value(of: "--out")
let only = value(of: "--only").map { Set($0.split(separator: ",").map(String.init)) }
let scenarioNames: Set = ["first-screen", "cold-start", "durable-edit", "catch-up", "search", "grid", "checkpoint",
                          "close", "check", "memory", "documents", "people-list", "pickers"]
// A misspelt name would otherwise run nothing and print an empty table.
if let unknown = only?.subtracting(scenarioNames), !unknown.isEmpty {
    FileHandle.standardError.write(Data("thidua-bench: không có việc đo \(unknown.sorted().map { "«\($0)»" }.joined(separator: ", ")); các tên: \(scenarioNames.sorted().joined(separator: ", "))\n".utf8))
    exit(2)
}
func want(_ name: String) -> Bool { only?.contains(name) ?? true }

var rows: [ResultRow] = []
var firstScreenPerMBAtS: Double?
do {
    if scales.contains("S") {
        var s = try Scenarios(scale: "S", communes: 1, runs: 20)
        // The ratios to python3's parse are targets at the province's scale only.
        if want("first-screen") { try s.firstScreen(targetMS: 50, floorRatio: nil, perMBAtS: nil) }
        if want("cold-start") { try s.coldStart() }
        if want("durable-edit") { try s.durableEdit(floorRatio: 1.5) }
        if want("catch-up") { try s.catchUp(runs: 15) }
        if want("search") { try s.searchKeystroke(targetMS: 16) }
        if want("grid") { try s.gridKey(targetMS: 2) }
        if want("people-list") { try s.peopleList(targetMS: 16) }
        if want("pickers") { try s.pickers(targetMS: 16) }
        if want("checkpoint") { try s.checkpoint() }
        if want("close") { try s.closeAfterEdit() }
        if want("check") { try s.check(floorRatio: nil) }
        rows += s.rows
        firstScreenPerMBAtS = s.firstScreenMSPerMB
        s.cleanUp()
    }
    if scales.contains("L") {
        var l = try Scenarios(scale: "L", communes: 100, runs: 5)
        if want("first-screen") { try l.firstScreen(targetMS: 1000, floorRatio: 0.35, perMBAtS: firstScreenPerMBAtS) }
        if want("cold-start") { try l.coldStart() }
        if want("durable-edit") { try l.durableEdit(floorRatio: 1.5) }
        if want("catch-up") { try l.catchUp(runs: 5) }
        if want("search") { try l.searchKeystroke(targetMS: 16) }
        if want("grid") { try l.gridKey(targetMS: 2) }
        if want("people-list") { try l.peopleList(targetMS: 16) }
        if want("pickers") { try l.pickers(targetMS: 16) }
        if want("checkpoint") { try l.checkpoint() }
        if want("close") { try l.closeAfterEdit() }
        if want("check") { try l.check(floorRatio: 0.5) }
        if want("memory") { try l.sessionMemory(timesData: 2) }
        rows += l.rows
        l.cleanUp()
    }
    if scales.contains("D") {
        var d = DocumentScenarios(runs: 5)
        if want("documents") { try d.nominationList(rowCounts: [500, 2000]) }
        rows += d.rows
    }
} catch {
    FileHandle.standardError.write(Data("thidua-bench: \(error)\n".utf8))
    exit(1)
}
let report = BenchReport.markdown(rows, command: ".build/release/thidua-bench " + arguments.joined(separator: " "))
print(report)
if let outPath {
    try report.write(toFile: outPath, atomically: true, encoding: .utf8)
}
