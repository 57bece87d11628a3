import Foundation
import ThiDuaDomain
@testable import ThiDuaRender

/// Documents shaped like the office's real ones: a submission with its header, and a long
/// nomination list with Vietnamese names.
enum Fixtures {
    static let names = [
        "Nguyễn Thị Hồng Nhung", "Đặng Văn Đức", "Lưu Thị Ỷ Lan", "Trần Quốc Hưng", "Phạm Thị Ngọc Ánh",
        "Hoàng Văn Thụ", "Vũ Thị Hường", "Bùi Đức Thắng", "Đỗ Thị Thu Hà", "Ngô Quang Vinh",
        "Dương Thị Mỹ Duyên", "Lý Văn Khải", "Huỳnh Thị Bích Ngọc", "Phan Văn Trị", "Võ Thị Sáu",
    ]

    static let longAchievement = "Hoàn thành xuất sắc nhiệm vụ năm 2025; dẫn đầu phong trào thi đua "
        + "“Toàn dân đoàn kết xây dựng đời sống văn hóa”; vận động nhân dân hiến 1.200 m² đất làm đường "
        + "giao thông nông thôn, được Ủy ban nhân dân tỉnh tặng Bằng khen."

    static let columns: [Document.Column] = [
        .init("STT", width: 7, alignment: .center),
        .init("Họ và tên", width: 32),
        .init("Năm sinh", width: 10, alignment: .center),
        .init("Chức vụ, đơn vị công tác", width: 19),
        .init("Tóm tắt thành tích", width: 22),
        .init("Ghi chú", width: 10),
    ]

    /// Row i's name; each name recurs every `names.count` rows, so its count is known.
    static func name(_ index: Int) -> String { names[index % names.count] }

    static func listTable(rows count: Int) -> Document.Table {
        var rows: [Document.Row] = [.group("I. TẬP THỂ (1)"),
                                    .data(["1", "Tổ dân phố Yên Thịnh", "", "", "Hoàn thành tốt", ""]),
                                    .group("II. CÁ NHÂN (\(count))")]
        for index in 0..<count {
            let achievement = index == 7 ? longAchievement : "Hoàn thành tốt nhiệm vụ"
            rows.append(.data(["\(index + 1)", name(index), "\(1960 + index % 40)",
                               "Cán bộ thôn \(index % 12 + 1)", achievement, ""]))
        }
        return Document.Table(columns: columns, rows: rows)
    }

    static let header = Document.Header.administrative(
        issuingBody: ["Ủy ban nhân dân", "Xã Phong Quang"],
        number: "Số: 12/TTr-UBND",
        placeAndDate: VietnameseDate.long(day: 5, month: 1, year: 2026, place: "Phong Quang"))

    static let signature = Document.Signature(
        recipients: ["- UBND tỉnh;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VHXH."],
        authority: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
        signer: "Nguyễn Văn An")

    static func list(rows: Int, orientation: Document.Orientation = .portrait) -> Document {
        Document(
            page: Document.PageSetup(orientation: orientation),
            blocks: [
                .header(header),
                .title(Document.Title("Danh sách", summary: ["Đề nghị khen thưởng năm 2025"],
                                      note: "(Kèm theo Tờ trình số 12/TTr-UBND ngày 05/01/2026)")),
                .paragraph(Document.Paragraph([.init("Căn cứ "), .bold("Luật Thi đua, khen thưởng"),
                                               .init(" năm 2022; "), .italic("Nghị định số 98/2023/NĐ-CP"),
                                               .init(" ngày 31/12/2023 của Chính phủ, Ủy ban nhân dân xã đề nghị khen thưởng các tập thể và cá nhân có tên sau đây.")])),
                .table(listTable(rows: rows)),
                .signature(signature),
            ],
            title: "Danh sách đề nghị khen thưởng năm 2025")
    }
}
