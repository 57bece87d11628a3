/// Header, title and paragraph blocks.
extension PDFLayout {
    /// Share of the text width given to the left (issuing body) column of the header.
    static let headerLeftShare = 0.4
    /// The trích yếu rule sits this far under the last summary line, and leaves this much room under it.
    static let titleRuleDrop = 2.0
    static let titleRuleRoom = 6.0

    func layHeader(_ header: Document.Header) throws -> LaidBlock {
        let leftWidth = textWidth * Self.headerLeftShare
        let leftColumn = try column(header.left, width: leftWidth)
        let rightColumn = try column(header.right, width: textWidth - leftWidth)
        let height = max(leftColumn.height, rightColumn.height)
        guard height > 0 else { return LaidBlock(items: []) }
        let marks = leftColumn.marks.map { $0.offset(x: left, y: 0) }
            + rightColumn.marks.map { $0.offset(x: left + leftWidth, y: 0) }
        return LaidBlock(items: [FlowItem(marks: marks, height: height)], spaceAfter: Self.blockGap)
    }

    /// Lays header lines centred in a column; marks are relative to the column's top-left.
    private func column(_ lines: [Document.HeaderLine], width: Double) throws -> (marks: [PDFMark], height: Double) {
        var marks: [PDFMark] = []
        var cursor = 0.0
        for line in lines {
            let size = line.fontSize ?? bodySize
            let laid = try breaker(size).lines([Document.TextRun(line.text, style: line.style)],
                                               width: width, alignment: .center)
            let height = lineHeight(size)
            for laidLine in laid {
                marks += self.marks(laidLine, x: 0, top: cursor, size: size)
                cursor += height
            }
            let textWidth = laid.map(\.width).max() ?? 0
            let ruleWidth: Double
            switch line.rule {
            case .none: continue
            case .underText: ruleWidth = textWidth
            case .short: ruleWidth = textWidth * Document.Rule.shortShare
            }
            let ruleY = cursor + 1
            marks.append(.line(x1: (width - ruleWidth) / 2, y1: ruleY, x2: (width + ruleWidth) / 2, y2: ruleY))
            cursor += height * 0.4
        }
        return (marks, cursor)
    }

    /// The title, its summary, the trích yếu rule when asked and the note, as one item: a title
    /// is kept whole, and with the start of what follows it (KeepTogether).
    func layTitle(_ title: Document.Title) throws -> LaidBlock {
        let titleSize = bodySize + 1
        var marks: [PDFMark] = []
        var cursor = 0.0
        func add(_ lines: [LaidLine], size: Double) {
            for line in lines {
                marks += self.marks(line, x: left, top: cursor, size: size)
                cursor += lineHeight(size)
            }
        }
        let heading = try breaker(titleSize).lines([.bold(title.text.uppercased())], width: textWidth, alignment: .center)
        add(heading, size: titleSize)
        var summary: [LaidLine] = []
        for text in title.summary {
            summary += try breaker(titleSize).lines([.bold(text)], width: textWidth, alignment: .center)
        }
        add(summary, size: titleSize)
        if title.rule {
            // Under the trích yếu: a share of its widest line (of the title's when it has none), centred.
            let ruleWidth = (summary.isEmpty ? heading : summary).map(\.width).max().map { $0 * Document.Rule.shortShare } ?? 0
            let ruleY = cursor + Self.titleRuleDrop
            let centre = left + textWidth / 2
            marks.append(.line(x1: centre - ruleWidth / 2, y1: ruleY, x2: centre + ruleWidth / 2, y2: ruleY))
            cursor += Self.titleRuleRoom
        }
        if let note = title.note {
            add(try breaker(bodySize).lines([.italic(note)], width: textWidth, alignment: .center), size: bodySize)
        }
        let item = FlowItem(marks: marks, height: cursor, keepWithNext: true)
        return LaidBlock(items: [item], spaceBefore: Self.blockGap, spaceAfter: Self.blockGap * 2)
    }

    /// One item per line, so a paragraph may run on to the next page; its last `tail` lines stay
    /// with the next block.
    func layParagraph(_ paragraph: Document.Paragraph, keepingLast tail: Int) throws -> LaidBlock {
        let size = bodySize
        let height = lineHeight(size)
        let lines = try breaker(size).lines(paragraph.runs, width: textWidth, alignment: paragraph.alignment,
                                            firstLineIndent: Units.points(paragraph.firstLineIndent))
        var items = lines.map { FlowItem(marks: marks($0, x: left, top: 0, size: size), height: height) }
        Self.keepLast(tail, of: &items)
        return LaidBlock(items: items, spaceAfter: Self.blockGap)
    }
}

extension Document.Rule {
    /// The short rules (under the issuing body, under the trích yếu): between the third and the
    /// half of the text above that the decree allows.
    static let shortShare = 0.4
}

extension PDFMark {
    func offset(x dx: Double, y dy: Double) -> PDFMark {
        switch self {
        case let .text(style, size, x, baseline, glyphs):
            return .text(style: style, size: size, x: x + dx, baseline: baseline + dy, glyphs: glyphs)
        case let .line(x1, y1, x2, y2):
            return .line(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy)
        case let .hairline(x1, y1, x2, y2):
            return .hairline(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy)
        case let .rect(x, y, width, height):
            return .rect(x: x + dx, y: y + dy, width: width, height: height)
        }
    }
}
