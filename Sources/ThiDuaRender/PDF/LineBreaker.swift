/// A run of glyphs in one style, placed on a line (x relative to the line's start).
struct PlacedPiece {
    var style: FontStyle
    var glyphs: [UInt16]
    var x: Double
    var width: Double
}

struct LaidLine {
    var pieces: [PlacedPiece]
    var width: Double
}

/// Greedy line breaking at spaces by real advance widths (hmtx), with left, centre, right and
/// justified placement. Vietnamese is written with spaces between syllables and is not hyphenated,
/// so breaking at spaces is the whole rule; a word wider than the line is cut between letters.
struct LineBreaker {
    let fonts: FontSet
    let size: Double

    /// A maximal stretch of text between spaces, possibly in several styles ("**Điều 1.**Nội").
    /// A part without glyphs is a blank to fill in by hand: an advance, never cut.
    private struct Word {
        var parts: [(style: FontStyle, glyphs: [UInt16], width: Double)] = []
        var width: Double { parts.reduce(0) { $0 + $1.width } }
        var isEmpty: Bool { parts.isEmpty }
    }

    private enum Token {
        case word(Word, spaceBefore: (FontStyle, Double)?)
        case hardBreak
    }

    /// Glyph ids for NFC text in a style; throws naming the character and font file when one is missing.
    func shape(_ text: String, style: FontStyle) throws -> (glyphs: [UInt16], width: Double) {
        let font = fonts.font(style)
        var glyphs: [UInt16] = []
        var units = 0
        for scalar in text.unicodeScalars {
            guard let glyph = font.glyphID(for: scalar) else {
                throw RenderError.missingGlyph(scalar: scalar.value, fontPath: font.path)
            }
            glyphs.append(glyph)
            units += font.advance(glyph)
        }
        return (glyphs, Double(units) * font.scale(size))
    }

    /// The width of `text` as one unbreakable piece (it should hold no spaces), blanks included.
    func unbreakableWidth(_ text: String, style: FontStyle) throws -> Double {
        try tokenize([Document.TextRun(text, style: style)]).reduce(0) { total, token in
            if case .word(let word, _) = token { return total + word.width }
            return total
        }
    }

    func lines(_ runs: [Document.TextRun], width: Double, alignment: Document.Alignment,
               firstLineIndent: Double = 0) throws -> [LaidLine] {
        let tokens = try tokenize(runs)
        var result: [LaidLine] = []
        var current: [(word: Word, gap: Double, gapStyle: FontStyle)] = []
        var currentWidth = 0.0

        func available() -> Double { max(1, width - (result.isEmpty ? firstLineIndent : 0)) }
        func flush(hard: Bool) {
            result.append(place(current, width: available(), alignment: alignment, isLast: hard,
                                indent: result.isEmpty ? firstLineIndent : 0))
            current = []
            currentWidth = 0
        }

        for token in tokens {
            switch token {
            case .hardBreak:
                flush(hard: true)
            case .word(var word, let space):
                let gap = current.isEmpty ? 0 : (space?.1 ?? 0)
                if currentWidth + gap + word.width <= available() + 0.001 {
                    current.append((word, gap, space?.0 ?? .regular))
                    currentWidth += gap + word.width
                    continue
                }
                if !current.isEmpty { flush(hard: false) }
                // Cut a word wider than a whole line between glyphs; no hyphen (not Vietnamese usage).
                while word.width > available() + 0.001, let (head, tail) = split(word, fitting: available()) {
                    current = [(head, 0, .regular)]
                    flush(hard: false)
                    word = tail
                }
                current = [(word, 0, .regular)]
                currentWidth = word.width
            }
        }
        flush(hard: true)
        return result
    }

    private func tokenize(_ runs: [Document.TextRun]) throws -> [Token] {
        var tokens: [Token] = []
        var word = Word()
        var pendingSpace: (FontStyle, Double)?
        var spaceSeen = false
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word, spaceBefore: pendingSpace)); pendingSpace = nil }
            word = Word()
        }
        for run in runs {
            let spaceWidth = try shape(" ", style: run.style).width
            var chunk = ""
            func endChunk() throws {
                guard !chunk.isEmpty else { return }
                if spaceSeen && word.isEmpty { pendingSpace = (run.style, spaceWidth) }
                spaceSeen = false
                let shaped = try shape(chunk, style: run.style)
                word.parts.append((run.style, shaped.glyphs, shaped.width))
                chunk = ""
            }
            for character in PlainText.printable(run.text) {
                if let blank = Document.Blank.decode(character) {
                    try endChunk()
                    if spaceSeen && word.isEmpty { pendingSpace = (run.style, spaceWidth) }
                    spaceSeen = false
                    word.parts.append((run.style, [], Units.points(blank.millimetres)))
                    continue
                }
                switch character {
                case "\n", "\r\n":
                    try endChunk()
                    endWord()
                    tokens.append(.hardBreak)
                    spaceSeen = false
                    pendingSpace = nil
                case " ", "\t":
                    try endChunk()
                    endWord()
                    spaceSeen = true
                default:
                    chunk.append(character)
                }
            }
            try endChunk()
        }
        endWord()
        return tokens
    }

    /// The longest head of `word` that fits `limit` (at least one glyph), and the rest.
    private func split(_ word: Word, fitting limit: Double) -> (Word, Word)? {
        var head = Word()
        var tail = Word()
        var used = 0.0
        var full = false
        for part in word.parts {
            if full { tail.parts.append(part); continue }
            if part.glyphs.isEmpty {
                // A blank moves whole: to the tail when it would overflow a head that has something.
                if used + part.width > limit && !head.isEmpty {
                    full = true
                    tail.parts.append(part)
                } else {
                    head.parts.append(part)
                    used += part.width
                }
                continue
            }
            let font = fonts.font(part.style)
            var taken: [UInt16] = []
            var takenWidth = 0.0
            for (index, glyph) in part.glyphs.enumerated() {
                let advance = Double(font.advance(glyph)) * font.scale(size)
                if used + takenWidth + advance > limit && !(head.isEmpty && taken.isEmpty) {
                    full = true
                    let rest = Array(part.glyphs[index...])
                    let restWidth = rest.reduce(0.0) { $0 + Double(font.advance($1)) * font.scale(size) }
                    tail.parts.append((part.style, rest, restWidth))
                    break
                }
                taken.append(glyph)
                takenWidth += advance
            }
            if !taken.isEmpty { head.parts.append((part.style, taken, takenWidth)) }
            used += takenWidth
        }
        return tail.isEmpty ? nil : (head, tail)
    }

    /// Positions the words of one line. Justified lines spread the extra space over the gaps
    /// (by placing each word: PDF's Tw word spacing does nothing with two-byte Identity-H codes).
    private func place(_ words: [(word: Word, gap: Double, gapStyle: FontStyle)], width: Double,
                       alignment: Document.Alignment, isLast: Bool, indent: Double) -> LaidLine {
        let natural = words.reduce(0) { $0 + $1.gap + $1.word.width }
        var x: Double
        var extra = 0.0
        switch alignment {
        case .left: x = indent
        case .center: x = indent + max(0, (width - natural) / 2)
        case .right: x = indent + max(0, width - natural)
        case .justify:
            x = indent
            if !isLast && words.count > 1 { extra = max(0, width - natural) / Double(words.count - 1) }
        }
        var pieces: [PlacedPiece] = []
        for (index, entry) in words.enumerated() {
            if index > 0 {
                let spaceGlyph = fonts.font(entry.gapStyle).glyphID(for: " ") ?? 3
                // Without justification the space is drawn as a glyph so text extraction keeps it;
                // when justifying, the gap is a jump and pdftotext infers the space from the distance.
                if extra == 0, var last = pieces.last, last.style == entry.gapStyle {
                    last.glyphs.append(spaceGlyph)
                    last.width += entry.gap
                    pieces[pieces.count - 1] = last
                }
                x += entry.gap + extra
            }
            for part in entry.word.parts {
                // A blank is only room: the next glyphs start a piece of their own after it.
                if part.glyphs.isEmpty {
                    x += part.width
                    continue
                }
                if extra == 0, var last = pieces.last, last.style == part.style,
                   abs(last.x + last.width - x) < 0.001 {
                    last.glyphs += part.glyphs
                    last.width += part.width
                    pieces[pieces.count - 1] = last
                } else {
                    pieces.append(PlacedPiece(style: part.style, glyphs: part.glyphs, x: x, width: part.width))
                }
                x += part.width
            }
        }
        return LaidLine(pieces: pieces, width: natural)
    }
}
