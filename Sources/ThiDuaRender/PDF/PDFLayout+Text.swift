/// Header, title and paragraph blocks.
extension PDFLayout {
    /// Share of the text width given to the left (issuing body) column of the header.
    static let headerLeftShare = 0.4

    mutating func addHeader(_ header: Document.Header) throws {
        let leftWidth = textWidth * Self.headerLeftShare
        let leftColumn = try column(header.left, width: leftWidth)
        let rightColumn = try column(header.right, width: textWidth - leftWidth)
        let height = max(leftColumn.height, rightColumn.height)
        guard height > 0 else { return }
        ensureSpace(height)
        let origin = y
        for (marks, x) in [(leftColumn.marks, left), (rightColumn.marks, left + leftWidth)] {
            for mark in marks { draw(mark.offset(x: x, y: origin)) }
        }
        y = origin + height + Self.blockGap
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
                let baseline = cursor + ascent(size)
                for piece in laidLine.pieces where !piece.glyphs.isEmpty {
                    marks.append(.text(style: piece.style, size: size, x: piece.x, baseline: baseline, glyphs: piece.glyphs))
                }
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

    mutating func addTitle(_ title: Document.Title) throws {
        let titleSize = bodySize + 1
        var parts: [(LaidLine, Double)] = []
        for line in try breaker(titleSize).lines([.bold(title.text.uppercased())], width: textWidth, alignment: .center) {
            parts.append((line, titleSize))
        }
        for summary in title.summary {
            for line in try breaker(titleSize).lines([.bold(summary)], width: textWidth, alignment: .center) {
                parts.append((line, titleSize))
            }
        }
        if let note = title.note {
            for line in try breaker(bodySize).lines([.italic(note)], width: textWidth, alignment: .center) {
                parts.append((line, bodySize))
            }
        }
        // The title is kept whole, with room for a line of what follows.
        let height = parts.reduce(0) { $0 + lineHeight($1.1) }
        if pageHasContent { y += Self.blockGap }
        ensureSpace(height + lineHeight(bodySize))
        for (line, size) in parts {
            draw(line, x: left, top: y, size: size)
            y += lineHeight(size)
        }
        y += Self.blockGap * 2
    }

    mutating func addParagraph(_ paragraph: Document.Paragraph) throws {
        let size = bodySize
        let height = lineHeight(size)
        let lines = try breaker(size).lines(paragraph.runs, width: textWidth, alignment: paragraph.alignment,
                                            firstLineIndent: Units.points(paragraph.firstLineIndent))
        for line in lines {
            ensureSpace(height)
            draw(line, x: left, top: y, size: size)
            y += height
        }
        y += Self.blockGap
    }
}

extension Document.Rule {
    /// The short rule under the issuing body: between the third and the half the decree allows.
    static let shortShare = 0.4
}

extension PDFMark {
    func offset(x dx: Double, y dy: Double) -> PDFMark {
        switch self {
        case let .text(style, size, x, baseline, glyphs):
            return .text(style: style, size: size, x: x + dx, baseline: baseline + dy, glyphs: glyphs)
        case let .line(x1, y1, x2, y2):
            return .line(x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy)
        case let .rect(x, y, width, height):
            return .rect(x: x + dx, y: y + dy, width: width, height: height)
        }
    }
}
