import ArgumentParser
import ThiDuaDomain
import ThiDuaStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xem nhật ký thay đổi: ai sửa gì, lúc nào.")

    @OptionGroup var data: DataOptions

    @Option(help: "Chỉ hiện thay đổi từ ngày này (ngày/tháng/năm hoặc năm-tháng-ngày).")
    var since: String?

    func run() throws {
        var fromDay: CalendarDate?
        if let since {
            do {
                fromDay = try CalendarDate(parsing: since, field: "--since")
            } catch {
                throw ValidationError(error.message)
            }
        }
        let store = try data.open(.init(createIfMissing: false, readOnly: true))
        let trail: AuditTrail
        do {
            trail = try store.auditTrail()
        } catch {
            throw CommandFailure(error.message)
        }
        var shown = 0
        for entry in trail.entries {
            if let fromDay, let day = Timestamp.fields(entry.time)?.day, day < fromDay { continue }
            print("#\(entry.seq)  \(Timestamp.localDisplay(entry.time))  \(entry.user)@\(entry.host)  \(entry.summary)")
            shown += 1
        }
        if shown == 0 { print("Chưa có thay đổi nào\(since.map { " từ \($0)" } ?? "").") }
        if !trail.problems.isEmpty {
            throw CommandFailure((["Nhật ký có vấn đề:"] + trail.problems.map { "  - \($0)" }).joined(separator: "\n"))
        }
    }
}
