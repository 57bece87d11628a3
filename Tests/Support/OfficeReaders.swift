import Foundation
import ThiDuaStore

/// What real readers make of a workbook we wrote: openpyxl's cells with their Python types,
/// and LibreOffice Calc's (its CSV of every sheet as shown, and the workbook as it saves it
/// again). The tools come from `OfficeTools`; each conversion gets its own LibreOffice profile
/// under `work`, so tests running side by side never share one.
public enum OfficeReaders {
    public struct Sheet: Decodable, Sendable {
        public var title: String
        /// "A2" when the first row is frozen.
        public var freezePanes: String?
        public var autoFilter: String?
        /// Every filled cell of row 1 is bold.
        public var headerBold: Bool
        /// Column letter → width, for the columns that set one.
        public var widths: [String: Double]
        public var rows: [[Cell]]

        /// Row `row`, column `column` (both from 0), or an empty cell past the end.
        public func cell(_ row: Int, _ column: Int) -> Cell {
            row < rows.count && column < rows[row].count ? rows[row][column] : Cell(type: "none", value: nil)
        }
    }

    /// A cell as Python sees it: `type` is "str", "int", "float", "datetime" or "none"; `value`
    /// the string, the number as Python prints it, the day of a datetime as dd/mm/yyyy (with
    /// the time after it when not midnight).
    public struct Cell: Decodable, Equatable, Sendable, CustomStringConvertible {
        public var type: String
        public var value: String?

        public init(type: String, value: String?) {
            self.type = type
            self.value = value
        }

        public static func str(_ text: String) -> Cell { Cell(type: "str", value: text) }
        public static func int(_ number: Int) -> Cell { Cell(type: "int", value: String(number)) }
        public static func float(_ number: String) -> Cell { Cell(type: "float", value: number) }
        public static func date(_ day: String) -> Cell { Cell(type: "datetime", value: day) }
        public static let none = Cell(type: "none", value: nil)

        public var description: String { "\(type)(\(value ?? ""))" }
    }

    static let dumpScript = """
    import datetime, json, sys
    import openpyxl
    def cell(value):
        if value is None: return {"type": "none"}
        if isinstance(value, bool): return {"type": "bool", "value": str(value)}
        if isinstance(value, int): return {"type": "int", "value": str(value)}
        if isinstance(value, float): return {"type": "float", "value": repr(value)}
        if isinstance(value, datetime.datetime):
            day = value.strftime("%d/%m/%Y")
            return {"type": "datetime", "value": day if value.time() == datetime.time(0) else day + value.strftime(" %H:%M:%S")}
        if isinstance(value, str): return {"type": "str", "value": value}
        return {"type": type(value).__name__, "value": str(value)}
    book = openpyxl.load_workbook(sys.argv[1])
    sheets = []
    for sheet in book.worksheets:
        header = [c for c in next(sheet.iter_rows(min_row=1, max_row=1), ()) if c.value is not None]
        sheets.append({
            "title": sheet.title, "freezePanes": sheet.freeze_panes, "autoFilter": sheet.auto_filter.ref,
            "headerBold": bool(header) and all(c.font.b for c in header),
            "widths": {key: d.width for key, d in sheet.column_dimensions.items() if d.customWidth},
            "rows": [[cell(c.value) for c in row] for row in sheet.iter_rows()],
        })
    json.dump(sheets, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
    """

    /// Every sheet of the workbook as openpyxl reads it.
    public static func openpyxl(_ path: String, python: String, work: String) throws -> [Sheet] {
        let output = work + "/openpyxl-\(UUID().uuidString.prefix(8)).json"
        let status = try OfficeTools.run(python, ["-c", dumpScript, path, output])
        guard status == 0, let data = FileManager.default.contents(atPath: output) else {
            throw ReaderFailure("openpyxl could not read \(path) (exit \(status))")
        }
        return try JSONDecoder().decode([Sheet].self, from: data)
    }

    /// Every sheet of each workbook as LibreOffice shows it, converted to CSV (UTF-8, the cells
    /// as shown) in one run of LibreOffice: file name without extension → sheet name → rows,
    /// the header first.
    public static func libreOfficeCSV(_ paths: [String], soffice: String, work: String) throws -> [String: [String: [[String]]]] {
        let outdir = try convert(paths, to: "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                                 soffice: soffice, work: work)
        var books: [String: [String: [[String]]]] = [:]
        for path in paths {
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            var sheets: [String: [[String]]] = [:]
            // LibreOffice names the CSV of each sheet «FILE-SHEET.csv».
            for file in try FileManager.default.contentsOfDirectory(atPath: outdir) where file.hasPrefix(stem + "-") {
                let name = String((file as NSString).deletingPathExtension.dropFirst(stem.count + 1))
                let table = try CSVText.read(try Data(contentsOf: URL(fileURLWithPath: outdir + "/" + file)), file: file)
                sheets[name] = [table.header] + table.rows.map(\.cells)
            }
            books[stem] = sheets
        }
        return books
    }

    /// The workbook as LibreOffice saves it again (its own cells, styles and shared strings).
    public static func libreOfficeResaved(_ path: String, soffice: String, work: String) throws -> String {
        let outdir = try convert([path], to: "xlsx:Calc MS Excel 2007 XML", soffice: soffice, work: work)
        return outdir + "/" + (path as NSString).lastPathComponent
    }

    private static func convert(_ paths: [String], to filter: String, soffice: String, work: String) throws -> String {
        let run = work + "/libreoffice-\(UUID().uuidString.prefix(8))"
        let outdir = run + "/out"
        try FileManager.default.createDirectory(atPath: outdir, withIntermediateDirectories: true)
        let status = try OfficeTools.run(soffice, ["-env:UserInstallation=file://\(run)/profile", "--headless",
                                                   "--convert-to", filter, "--outdir", outdir] + paths)
        guard status == 0, try !FileManager.default.contentsOfDirectory(atPath: outdir).isEmpty else {
            throw ReaderFailure("LibreOffice could not convert \(paths) (exit \(status))")
        }
        return outdir
    }

    public struct ReaderFailure: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
