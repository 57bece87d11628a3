/// The parts of a workbook around its sheets: content types, relationships, the workbook
/// (sheet names and their filters) and the styles the cells refer to.
enum XLSXPackage {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    private static let spreadsheet = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// The cell formats of `styles.xml`, by their index in `cellXfs` (a cell's `s`).
    enum Style: Int {
        case normal = 0
        /// The header row and group rows.
        case bold
        /// dd/mm/yyyy, as the office writes dates.
        case date
        /// Whole amounts with their thousands grouped (#,##0; Excel shows the separator of its locale).
        case amount
        /// A fraction as a percentage with one decimal, «44.4%».
        case percent
        /// Long or several-line text, wrapped inside its column.
        case wrap
    }

    static func contentTypes(sheets: Int) -> String {
        OfficePackage.contentTypes([("/xl/workbook.xml", "\(spreadsheet).sheet.main+xml"),
                                    ("/xl/styles.xml", "\(spreadsheet).styles+xml")]
            + (0..<sheets).map { ("/xl/worksheets/sheet\($0 + 1).xml", "\(spreadsheet).worksheet+xml") })
    }

    static let packageRelationships = OfficePackage.relationships([("officeDocument", "xl/workbook.xml")])

    /// rId1 … rIdN are the sheets in order, then the styles.
    static func workbookRelationships(sheets: Int) -> String {
        OfficePackage.relationships((0..<sheets).map { ("worksheet", "worksheets/sheet\($0 + 1).xml") }
            + [("styles", "styles.xml")])
    }

    /// The sheets by name; a filter range is named `_xlnm._FilterDatabase` on its sheet, as
    /// Excel itself records an autofilter.
    static func workbook(names: [String], filters: [String?]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        let filterNames = zip(names, filters).enumerated().compactMap { index, pair -> String? in
            guard let range = pair.1 else { return nil }
            let absolute = range.split(separator: ":").map { reference in
                "$" + reference.prefix { $0.isLetter } + "$" + reference.drop { $0.isLetter }
            }.joined(separator: ":")
            let sheet = "'" + pair.0.replacingOccurrences(of: "'", with: "''") + "'"
            return "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">"
                + XMLText.escape(sheet) + "!" + absolute + "</definedName>"
        }
        return OfficePackage.declaration
            + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(OfficePackage.relationshipNamespace)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
            + "<sheets>" + sheets.joined() + "</sheets>"
            + (filterNames.isEmpty ? "" : "<definedNames>" + filterNames.joined() + "</definedNames>")
            + "</workbook>"
    }

    /// Calibri 11 (Excel's own default, with every Vietnamese letter), its bold, and the cell
    /// formats of `Style` in that order. Decimals keep the General format: it shows 95.5, 100
    /// and 87.25 as they are, where «0.##» would print «100.».
    static let styles = OfficePackage.declaration + """
    <styleSheet xmlns="\(mainNamespace)">\
    <numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>\
    <fonts count="2">\
    <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
    <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
    </fonts>\
    <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
    <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
    <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
    <cellXfs count="6">\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
    <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
    <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
    <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1"/></xf>\
    </cellXfs>\
    <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
    </styleSheet>
    """
}
