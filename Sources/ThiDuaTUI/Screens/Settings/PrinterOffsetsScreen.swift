import Foundation
import ThiDuaDomain

/// Where each printer puts certificates off their layout, in millimetres: the office prints
/// the calibration page, lays it over a blank against the light, and writes here how far the
/// printer is off. One row a printer, and an empty row to add one; a row without a printer
/// name is for every printer that has none of its own. Saved as one undoable change.
public final class PrinterOffsetsScreen: SettingsFormScreen {
    public typealias Message = FormMessage
    public enum Commands: CommandSet {
        case save
        public static let context: CommandContext = "printerOffsets"
        public var declaration: CommandDeclaration {
            switch self {
            case .save: CommandDeclaration("Lưu", fKey: 2, twin: .ctrl("s"), help: "kiểm tra và ghi độ lệch của các máy in")
            }
        }
    }

    public let title = "Độ lệch máy in"
    public var form: Form
    public let originalSettings: Settings
    public let closeQuestion = "Đóng mà không lưu độ lệch máy in?"
    public let savedMessage = "Đã lưu độ lệch máy in."
    /// Rows shown: the settings' offsets and one empty row.
    private let rows: Int

    public init(session: Session) {
        originalSettings = session.data.settings
        let offsets = originalSettings.printerOffsets
        rows = offsets.count + 1
        let limit = Decimal(PrinterOffset.limit)
        form = Form((0..<rows).flatMap { index -> [FormItem] in
            let offset = offsets.indices.contains(index) ? offsets[index] : nil
            func millimetres(_ value: Double?) -> FormField {
                .number(NumberField(value.map(CertificateLayout.millimetres) ?? "", allowNegative: true, range: -limit...limit,
                                    isRequired: false, visibleWidth: 8))
            }
            return [
                FormItem(id: "printer\(index)", label: "Máy in \(index + 1)",
                         field: .text(TextField(offset?.printer ?? "", maxLength: 127, visibleWidth: 30))),
                FormItem(id: "x\(index)", label: "  sang phải (mm)", field: millimetres(offset?.x)),
                FormItem(id: "y\(index)", label: "  xuống dưới (mm)", field: millimetres(offset?.y)),
            ]
        })
    }

    public var hint: String? { "Tên máy in như lệnh lpstat -e liệt kê; để trống: mọi máy in khác · số âm: sang trái, lên trên · F2/^S lưu." }

    /// The rows as typed: a row with both numbers empty or zero is dropped; a printer named
    /// twice is refused.
    public func draftSettings() throws(DomainError) -> Settings {
        var settings = originalSettings
        var offsets: [PrinterOffset] = []
        for index in 0..<rows {
            let printer = (form.text("printer\(index)") ?? "").trimmingCharacters(in: .whitespaces)
            let x = form.number("x\(index)").map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0
            let y = form.number("y\(index)").map { NSDecimalNumber(decimal: $0).doubleValue } ?? 0
            guard x != 0 || y != 0 else { continue }
            let offset = PrinterOffset(printer: printer, x: x, y: y)
            if offsets.contains(where: { $0.printer == printer }) {
                throw DomainError(field: "Máy in", "Độ lệch của \(offset.printerLabel) được ghi hai lần; mỗi máy in một dòng.")
            }
            offsets.append(offset)
        }
        settings.printerOffsets = offsets.sorted { $0.printer < $1.printer }
        return settings
    }

    public func perform(_ command: Commands, session: Session) -> [Action] {
        switch command {
        case .save: saveChange(session)
        }
    }

    public func render(into buffer: inout Buffer, rect: Rect, session: Session) {
        buffer.put("Độ lệch của máy in khi in giấy khen lên phôi", at: Point(x: rect.x + 2, y: rect.y), style: .bold,
                   clipWidth: rect.width - 4)
        buffer.put("In trang căn chỉnh, đặt lên phôi soi đèn, đo xem chữ lệch bao nhiêu milimét.",
                   at: Point(x: rect.x + 2, y: rect.y + 1), style: .dim, clipWidth: rect.width - 4)
        form.render(into: &buffer, rect: Rect(x: rect.x, y: rect.y + 3, width: rect.width, height: max(0, rect.height - 3)),
                    focused: true)
    }
}
