import Foundation
import ThiDuaDomain
import ThiDuaRender

/// What `thidua print` was asked for, checked before the data is read.
struct PrintPlan {
    enum Destination {
        case printer(queue: String?, copies: Int, duplex: Bool)
        case file(String, DocumentFormat)
        case standardOutput(DocumentFormat)
    }

    let kind: DocumentKind
    var year: Int?
    var period: Period?
    var formID: String?
    var subject: Subject?
    var categoryID: String?
    var target: SubmissionTarget?
    var number = ""
    var date: CalendarDate?
    var destination = Destination.printer(queue: nil, copies: 1, duplex: false)

    init(kind: DocumentKind) { self.kind = kind }

    /// The request, with the screens' defaults: this year kept inside the phase, its period,
    /// today's date.
    func request(data: Dataset, today: CalendarDate) -> DocumentRequest {
        let phase = data.settings.phaseYears
        let thisYear = min(max(today.year, phase.lowerBound), phase.upperBound)
        let year = self.year ?? thisYear
        return DocumentRequest(kind: kind, year: year, period: period ?? .year(year), formID: formID, subject: subject,
                               categoryID: categoryID, target: target, number: number, date: date ?? today)
    }
}

/// `--list`, the subject codes and the messages of `thidua print`.
enum PrintCatalog {
    /// "DV0001" → a unit, "CN00001" → a person; the stored "unit:…"/"person:…" forms too.
    static func subject(_ text: String) -> Subject? {
        let code = text.trimmingCharacters(in: .whitespaces)
        if let subject = Subject(token: code) { return subject }
        let upper = code.uppercased()
        guard upper.count > 2, upper.dropFirst(2).allSatisfy(\.isNumber) else { return nil }
        if upper.hasPrefix("DV") { return .unit(UnitID(upper)) }
        if upper.hasPrefix("CN") { return .person(PersonID(upper)) }
        return nil
    }

    /// The options a document takes, as typed on the command line.
    static func options(_ kind: DocumentKind) -> String {
        let parts = kind.parameters.map { parameter -> String in
            switch parameter {
            case .year: return "[--year NĂM]"
            case .period: return "[--period ĐỢT | --year NĂM]"
            case .form: return "[--form HÌNH-THỨC]"
            case .subject: return "--subject MÃ"
            case .category: return "[--category KHỐI]"
            case .number: return "[--number SỐ]"
            case .target: return "[--to xa|tinh]"
            }
        }
        return (parts + ["[--date dd/mm/yyyy]"]).joined(separator: " ")
    }

    /// Every document with its name, title and options; with a data folder, also the codes
    /// --form and --category accept.
    static func listing(data: Dataset?) -> String {
        var lines = ["Các văn bản (thidua print TÊN [tham số] [-o TỆP | --printer Q --copies N --duplex]):", ""]
        let width = DocumentKind.allCases.map(\.rawValue.count).max() ?? 0
        for kind in DocumentKind.allCases {
            lines.append("  " + kind.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + kind.title)
            lines.append("  " + String(repeating: " ", count: width + 2) + options(kind))
        }
        if let data {
            func rows(_ pairs: [(String, String)]) -> [String] {
                let width = pairs.map(\.0.count).max() ?? 0
                return pairs.map { "  " + $0.0.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.1 }
            }
            lines += ["", "Hình thức (--form):"]
            lines += rows(data.catalog.forms.sorted { $0.rank > $1.rank }.map { ($0.id, $0.name) })
            lines += ["", "Khối (--category):"]
            lines += rows(data.categories.sorted { $0.order < $1.order }.map { ($0.id, $0.name) })
            lines += ["", "Đợt (--period): năm như \(data.settings.phaseStartYear), so-ket, tong-ket."]
        }
        return lines.joined(separator: "\n")
    }

    /// Messages about what was done go to standard error, so `-o -` output stays clean.
    static func say(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
