/// The fixed parts of the package around word/document.xml (render.md §4).
enum DOCXParts {
    static let declaration = OfficePackage.declaration
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipNamespace = OfficePackage.relationshipNamespace

    private static let wordprocessing = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    static let contentTypes = OfficePackage.contentTypes([
        ("/word/document.xml", "\(wordprocessing).document.main+xml"),
        ("/word/styles.xml", "\(wordprocessing).styles+xml"),
        ("/word/settings.xml", "\(wordprocessing).settings+xml"),
        ("/word/header1.xml", "\(wordprocessing).header+xml"),
        ("/word/header2.xml", "\(wordprocessing).header+xml"),
    ])

    static let packageRelationships = OfficePackage.relationships([("officeDocument", "word/document.xml")])

    /// rId3 is the page-number header (pages 2 on), rId4 the empty first-page header.
    static let documentRelationships = OfficePackage.relationships([
        ("styles", "styles.xml"), ("settings", "settings.xml"), ("header", "header1.xml"), ("header", "header2.xml"),
    ])

    static let settings = declaration + """
    <w:settings xmlns:w="\(wordNamespace)">\
    <w:zoom w:percent="100"/>\
    <w:defaultTabStop w:val="720"/>\
    <w:characterSpacingControl w:val="doNotCompress"/>\
    <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
    </w:settings>
    """

    /// Times New Roman for every script slot: Word draws U+1EA0–1EF9 with the hAnsi font.
    static func styles(fontSize: Double) -> String {
        let size = Twips.halfPoints(fontSize)
        return declaration + """
        <w:styles xmlns:w="\(wordNamespace)">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="\(size)"/><w:szCs w:val="\(size)"/><w:lang w:val="vi-VN"/>\
        </w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>\
        </w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>\
        <w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>\
        <w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>\
        <w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>\
        </w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
    }

    /// The header of pages 2 on: a centred PAGE field.
    static let pageNumberHeader = declaration + """
    <w:hdr xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipNamespace)">\
    <w:p><w:pPr><w:jc w:val="center"/></w:pPr>\
    <w:r><w:fldChar w:fldCharType="begin"/></w:r>\
    <w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
    <w:r><w:fldChar w:fldCharType="separate"/></w:r>\
    <w:r><w:t>2</w:t></w:r>\
    <w:r><w:fldChar w:fldCharType="end"/></w:r>\
    </w:p></w:hdr>
    """

    /// The first page's header: empty, so page 1 has no number (with w:titlePg in the section).
    static let emptyHeader = declaration + """
    <w:hdr xmlns:w="\(wordNamespace)" xmlns:r="\(relationshipNamespace)"><w:p/></w:hdr>
    """
}
