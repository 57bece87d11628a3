import Foundation
import ThiDuaDomain

/// Documents' tables as a workbook: one sheet per table, named by the table («Bảng n» when it
/// has no name), each cell typed by its column's kind as the document writes it (decimal comma,
/// thousands grouped with dots), group rows («I. TẬP THỂ (3)») bold in the first column. The
/// cells are those of the CSV: NFC, a blank to fill in as spaces.
public enum XLSXExporter {
    public static func workbook(for document: Document) -> XLSXWriter.Workbook {
        XLSXWriter.Workbook(sheets: document.tables.enumerated().map { index, table in
            sheet(for: table, name: table.name ?? "Bảng \(index + 1)")
        })
    }

    public static func data(for document: Document) throws -> Data {
        try XLSXWriter().data(for: workbook(for: document))
    }

    static func sheet(for table: Document.Table, name: String) -> XLSXWriter.Sheet {
        let kinds = table.columns.map(\.kind)
        return XLSXWriter.Sheet(name: name, header: table.columns.map { PlainText.cell($0.header) }, kinds: kinds,
                                rows: table.rows.map { row in
                                    switch row {
                                    case .group(let label):
                                        return .group(PlainText.cell(label))
                                    case .data(let values):
                                        return .typed(table.cells(values).map(PlainText.cell), kinds: kinds, decimalSeparator: ",")
                                    }
                                })
    }
}
