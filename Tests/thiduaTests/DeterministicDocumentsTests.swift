import Foundation
import Testing
import ThiDuaTestSupport

/// The same folder gives the same bytes: every document of the sample, in every format, made
/// by five separate `thidua print` processes (each with its own hash seed) with a fixed date,
/// is byte-identical. Sorting that followed dictionary order once gave a new CSV on every run.
@Suite struct DeterministicDocumentsTests {
    static let documents: [(name: String, arguments: [String])] = [
        ("danh-sach", ["danh-sach", "--period", "2025"]),
        ("danh-sach-gkx", ["danh-sach", "--period", "2025", "--form", "giay-khen-xa"]),
        ("to-trinh-xa", ["to-trinh", "--period", "2025", "--to", "xa", "--number", "12"]),
        ("to-trinh-tinh", ["to-trinh", "--period", "2025", "--form", "bang-khen-tinh"]),
        ("quyet-dinh", ["quyet-dinh", "--period", "2025", "--number", "215"]),
        ("bien-ban", ["bien-ban", "--period", "2025"]),
        ("tong-hop-diem", ["tong-hop-diem", "--year", "2025"]),
        ("phieu-cham", ["phieu-cham", "--year", "2025", "--subject", "DV0001"]),
        ("tinh-hinh-bao-cao", ["tinh-hinh-bao-cao", "--year", "2026"]),
        ("bao-cao-nam", ["bao-cao-nam", "--year", "2025", "--number", "88"]),
        ("lich-su-khen-thuong", ["lich-su-khen-thuong", "--subject", "DV0001"]),
    ]
    static let formats = ["pdf", "docx", "csv", "xlsx", "txt"]
    static let processes = 5

    @Test func everyDocumentInEveryFormatIsTheSameInFiveProcesses() throws {
        let root = NSTemporaryDirectory() + "thidua-same-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let data = root + "/data"
        let (code, _, err) = try ChildProcess.run(["init", "--sample", "--data-dir", data])
        try #require(code == 0, "\(err)")
        var jobs: [(path: String, arguments: [String])] = []
        for document in Self.documents {
            for format in Self.formats {
                for run in 0..<Self.processes {
                    let path = "\(root)/\(document.name)-\(run).\(format)"
                    jobs.append((path, ["print"] + document.arguments
                        + ["--date", "22/12/2025", "-o", path, "--data-dir", data]))
                }
            }
        }
        // Two at a time: the machine has two cores, and each run is its own process.
        for batch in stride(from: 0, to: jobs.count, by: 2) {
            let running = try jobs[batch..<min(batch + 2, jobs.count)].map { job in
                try ChildProcess.spawn(job.arguments, stdoutPath: job.path + ".out", stderrPath: job.path + ".err",
                                       environment: ["THIDUA_TODAY": "2026-11-24"])
            }
            for (offset, child) in running.enumerated() {
                let job = jobs[batch + offset]
                let status = child.wait()
                let message = (try? String(contentsOfFile: job.path + ".err", encoding: .utf8)) ?? ""
                #expect(status == 0, "\(job.arguments.joined(separator: " ")): \(message)")
            }
        }
        for document in Self.documents {
            for format in Self.formats {
                let files = try (0..<Self.processes).map {
                    try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(document.name)-\($0).\(format)"))
                }
                #expect(files[0].count > 100, "\(document.name).\(format) has content")
                #expect(files.allSatisfy { $0 == files[0] }, "\(document.name).\(format) differs between processes")
            }
        }
    }
}
