/// Display width of text in terminal columns, measured per grapheme cluster.
///
/// Byte or scalar counts break layouts (NFD Vietnamese has up to three
/// scalars per letter); ncurses wraps text that overruns the edge, so every
/// string is clipped and padded with these functions before drawing.
///
/// Rules: combining marks and format characters 0; controls 0; East Asian
/// wide/fullwidth and emoji presentation 2; everything else (Latin,
/// Vietnamese precomposed letters, box drawing, "—", "…", "▶") 1.
public enum DisplayWidth {
    /// The ellipsis appended by `truncate`.
    public static let ellipsis = "…"

    /// Width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ grapheme: Character) -> Int {
        let scalars = grapheme.unicodeScalars
        var rest = scalars.makeIterator()
        guard let first = rest.next() else { return 0 }
        // Almost every grapheme drawn is one scalar: its width is that scalar's.
        if rest.next() == nil { return scalarWidth(first) }
        // Emoji sequences (flags, ZWJ families, keycaps with VS16) render as one wide glyph.
        if scalars.count > 1, scalars.contains(where: { $0.value == 0xFE0F }),
           first.properties.isEmoji {
            return 2
        }
        var width = 0
        for s in scalars {
            let w = scalarWidth(s)
            if w > width { width = w }
            // The base scalar decides; later scalars are marks or joiners.
            if w > 0 { break }
        }
        return width
    }

    /// Width of one Unicode scalar on its own.
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }   // C0, DEL, C1 controls
        if v < 0x300 { return v == 0xAD ? 0 : 1 }             // fast path: Latin-1, Latin Extended
        // Vietnamese letters with tone marks, dashes, quotes and "…", box lines: drawn on every
        // screen, one column each, and in none of the tables below (no property lookups).
        if Self.isPlainSingleWidth(v) { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if WidthTables.contains(WidthTables.zeroWidth, v) { return 0 }
        if s.properties.isEmojiPresentation { return 2 }
        if v >= 0x1F1E6 && v <= 0x1F1FF { return 2 }           // regional indicators (flags)
        if WidthTables.contains(WidthTables.wide, v) { return 2 }
        return 1
    }

    /// Total width of a string.
    public static func of(_ text: some StringProtocol) -> Int {
        // Every screen measures each text it draws, so the usual text (Latin, Vietnamese
        // precomposed letters, common punctuation) is measured by scalar, without forming
        // graphemes: none of those scalars joins the one before it, so each is a grapheme.
        var total = 0
        for s in text.unicodeScalars {
            let v = s.value
            guard v < 0x300 || isPlainSingleWidth(v) else {
                return graphemeWidth(text)
            }
            total += scalarWidth(s)
        }
        return total
    }

    /// Latin Extended Additional (ạ ả ấ … ỹ), general punctuation from "‐" to "‧", box
    /// drawing: letters and symbols one column wide that never join the scalar before them.
    private static func isPlainSingleWidth(_ v: UInt32) -> Bool {
        (0x1E00...0x1EFF).contains(v) || (0x2010...0x2027).contains(v) || (0x2500...0x257F).contains(v)
    }

    private static func graphemeWidth(_ text: some StringProtocol) -> Int {
        var total = 0
        for g in text { total += of(g) }
        return total
    }

    /// `text` cut to at most `width` columns, ending in "…" when cut (even when only the
    /// "…" fits: a cut must never pass for the whole). A wide glyph that would straddle
    /// the limit is dropped rather than half shown; spaces before the "…" go.
    public static func truncate(_ text: String, toWidth width: Int, ellipsis: String = DisplayWidth.ellipsis) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsisWidth = of(ellipsis)
        guard width >= ellipsisWidth else { return prefix(text, width: width) }
        var kept = prefix(text, width: width - ellipsisWidth)
        while kept.last == " " { kept.removeLast() }
        return kept + ellipsis
    }

    /// The longest prefix of `text` no wider than `width`, without ellipsis.
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var out = ""
        for g in text {
            let w = of(g)
            if used + w > width { break }
            used += w
            out.append(g)
        }
        return out
    }

    /// `text` truncated if needed, then padded with spaces to exactly `width`.
    public static func pad(_ text: String, toWidth width: Int, alignment: Alignment = .left) -> String {
        let cut = truncate(text, toWidth: width)
        let gap = max(0, width - of(cut))
        switch alignment {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + cut + String(repeating: " ", count: gap - left)
        }
    }
}

/// Horizontal alignment inside a fixed width.
public enum Alignment: Sendable, Hashable {
    case left, right, center
}

extension String {
    /// Display width in terminal columns (see `DisplayWidth`).
    public var displayWidth: Int { DisplayWidth.of(self) }

    /// Cut to `width` columns with a trailing "…" when cut.
    public func truncated(toWidth width: Int) -> String {
        DisplayWidth.truncate(self, toWidth: width)
    }

    /// Truncated then space-padded to exactly `width` columns.
    public func padded(toWidth width: Int, alignment: Alignment = .left) -> String {
        DisplayWidth.pad(self, toWidth: width, alignment: alignment)
    }
}
