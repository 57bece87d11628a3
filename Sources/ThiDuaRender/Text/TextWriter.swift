/// Renders a Document as plain text of a fixed width: the TUI preview and .txt files.
/// Widths count grapheme clusters of NFC text (every Vietnamese letter is one cell; combining
/// marks never count). Output is deterministic and has no trailing spaces.
public struct TextWriter: Sendable {
    public enum Ruling: Sendable, Equatable {
        /// Unicode box drawing around every cell.
        case box
        /// No verticals: columns two spaces apart, dashes under the header row.
        case simple
    }

    public var width: Int
    public var ruling: Ruling

    public init(width: Int = 80, ruling: Ruling = .box) {
        self.width = max(20, width)
        self.ruling = ruling
    }

    /// The document as one string ending in a newline.
    public func render(_ document: Document) -> String {
        lines(document).joined(separator: "\n") + "\n"
    }

    /// The document as lines, each at most `width` graphemes (a table whose columns cannot shrink
    /// further may be wider). A page break becomes an empty line: the preview has no pages.
    public func lines(_ document: Document) -> [String] {
        var output: [String] = []
        for (index, block) in document.blocks.enumerated() {
            if index > 0, needsGap(before: block), output.last?.isEmpty == false { output.append("") }
            switch block {
            case .header(let header): output += headerLines(header)
            case .title(let title): output += titleLines(title)
            case .paragraph(let paragraph): output += paragraphLines(paragraph)
            case .table(let table): output += TextTable(table: table, width: width, ruling: ruling).lines()
            case .signature(let signature): output += signatureLines(signature)
            case .spacer(let count):
                output += Array(repeating: "", count: max(0, Int(count.rounded(.up))))
            case .pageBreak:
                if output.last?.isEmpty == false { output.append("") }
            }
        }
        return output.map(trimTrailing)
    }

    private func needsGap(before block: Document.Block) -> Bool {
        switch block {
        case .spacer, .pageBreak: return false
        default: return true
        }
    }

    private func trimTrailing(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }

    private func centred(_ text: String, in columnWidth: Int) -> [String] {
        PlainText.wrap(text, width: columnWidth).map { PlainText.pad($0, to: columnWidth, alignment: .center) }
    }

    private func ruleCharacter() -> String { ruling == .box ? "─" : "-" }

    /// Header lines centred in a column, with the decree's rules as a line of dashes.
    private func column(_ lines: [Document.HeaderLine], width columnWidth: Int) -> [String] {
        var result: [String] = []
        for line in lines {
            let wrapped = PlainText.wrap(line.text, width: columnWidth)
            result += wrapped.map { PlainText.pad($0, to: columnWidth, alignment: .center) }
            let textWidth = wrapped.map(\.count).max() ?? 0
            let ruleWidth: Int
            switch line.rule {
            case .none: continue
            case .underText: ruleWidth = textWidth
            case .short: ruleWidth = max(1, Int((Double(textWidth) * Document.Rule.shortShare).rounded()))
            }
            result.append(PlainText.pad(String(repeating: ruleCharacter(), count: ruleWidth),
                                        to: columnWidth, alignment: .center))
        }
        return result
    }

    private func headerLines(_ header: Document.Header) -> [String] {
        let leftWidth = Int(Double(width) * PDFLayout.headerLeftShare)
        let left = column(header.left, width: leftWidth)
        let right = column(header.right, width: width - leftWidth)
        return (0..<max(left.count, right.count)).map { index in
            (index < left.count ? left[index] : String(repeating: " ", count: leftWidth))
                + (index < right.count ? right[index] : "")
        }
    }

    private func titleLines(_ title: Document.Title) -> [String] {
        var result = centred(title.text.uppercased(), in: width)
        var summary: [String] = []
        for text in title.summary { summary += centred(text, in: width) }
        result += summary
        if title.rule {
            // The trích yếu rule: the PDF's share of the widest summary line, in dashes.
            let above = (summary.isEmpty ? result : summary).map { line in
                line.drop { $0 == " " }.reversed().drop { $0 == " " }.count
            }.max() ?? 0
            let dashes = max(1, Int((Double(above) * Document.Rule.shortShare).rounded()))
            result.append(PlainText.pad(String(repeating: ruleCharacter(), count: dashes), to: width, alignment: .center))
        }
        if let note = title.note { result += centred(note, in: width) }
        return result
    }

    private func paragraphLines(_ paragraph: Document.Paragraph) -> [String] {
        let text = paragraph.runs.map(\.text).joined()
        // About 2.5 mm per character of a 13 pt serif: a 10 mm indent is four spaces.
        let indent = Int((paragraph.firstLineIndent / 2.5).rounded())
        let wrapped = PlainText.wrap(text, width: width, indent: indent)
        switch paragraph.alignment {
        case .left, .justify: return wrapped
        case .center, .right: return wrapped.map { PlainText.pad($0, to: width, alignment: paragraph.alignment) }
        }
    }

    private func signatureLines(_ signature: Document.Signature) -> [String] {
        let leftWidth = signature.leftSigner == nil ? Int(Double(width) * PDFLayout.signatureLeftShare) : width / 2
        let rightWidth = width - leftWidth
        func signer(_ authority: [String], _ name: String, in width: Int) -> [String] {
            authority.flatMap { centred($0, in: width) } + Array(repeating: "", count: 3) + centred(name, in: width)
        }
        var left: [String] = []
        if let second = signature.leftSigner {
            left = signer(second.authority, second.signer, in: leftWidth)
        } else if !signature.recipients.isEmpty {
            left.append(Document.Signature.recipientsHeading)
            for recipient in signature.recipients { left += PlainText.wrap(recipient, width: leftWidth - 1) }
        }
        let right = signer(signature.authority, signature.signer, in: rightWidth)
        return (0..<max(left.count, right.count)).map { index in
            PlainText.pad(index < left.count ? left[index] : "", to: leftWidth, alignment: .left)
                + (index < right.count ? right[index] : "")
        }
    }
}
