import Foundation

// thidua-bench: speed and memory at commune (S) and province (L) scale.
// Usage: swift build -c release && .build/release/thidua-bench [S|L|D|SLD] [--out FILE]  (D: documents;
// the release `thidua` beside it is started cold under tmux when it is there)
// Benchmarks never run in CI as pass/fail; they print a table and write the report.

let arguments = Array(CommandLine.arguments.dropFirst())

// Child processes and profiling: generate, open, session, edits (see SingleTask).
SingleTask.runIfNamed(arguments)

let scales = arguments.first { !$0.hasPrefix("-") && !$0.hasSuffix(".md") } ?? "SLD"
let outPath = arguments.firstIndex(of: "--out").flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }

var rows: [ResultRow] = []
do {
    if scales.contains("S") {
        var s = try Scenarios(scale: "S", communes: 1, runs: 20)
        try s.firstScreen(targetMS: 50)
        try s.coldStart()
        try s.durableEdit()
        try s.searchKeystroke(targetMS: 15)
        try s.gridKey(targetMS: 2)
        try s.checkpoint()
        try s.closeAfterEdit()
        try s.check()
        rows += s.rows
        s.cleanUp()
    }
    if scales.contains("L") {
        var l = try Scenarios(scale: "L", communes: 100, runs: 5)
        try l.firstScreen(targetMS: 1000)
        try l.coldStart()
        try l.durableEdit()
        try l.searchKeystroke(targetMS: 15)
        try l.gridKey(targetMS: 2)
        try l.checkpoint()
        try l.closeAfterEdit()
        try l.check()
        try l.sessionMemory(targetMB: 400)
        rows += l.rows
        l.cleanUp()
    }
    if scales.contains("D") {
        var d = DocumentScenarios(runs: 5)
        try d.nominationList(rowCounts: [500, 2000])
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
