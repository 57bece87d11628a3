import CNcurses
import ThiDuaTUI

/// Maps colour roles to ncurses colour pairs, allocating a pair the first
/// time a (foreground, background) combination is drawn. Colour is only
/// decoration: with colours off, every role maps to pair 0.
struct Palette {
    let enabled: Bool
    private var pairs: [Pair: Int16] = [:]
    private var nextPair: Int16 = 1

    private struct Pair: Hashable {
        let fg: ColorRole
        let bg: ColorRole
    }

    init(enabled: Bool) {
        self.enabled = enabled
    }

    mutating func pair(for style: Style) -> Int16 {
        guard enabled, style.foreground != .normal || style.background != .normal else { return 0 }
        let key = Pair(fg: style.foreground, bg: style.background)
        if let p = pairs[key] { return p }
        guard Int32(nextPair) < nc_color_pairs() else { return 0 }
        let p = nextPair
        nextPair += 1
        _ = init_pair(p, Palette.color(style.foreground, background: false),
                      Palette.color(style.background, background: true))
        pairs[key] = p
        return p
    }

    /// -1 is the terminal's default colour (after use_default_colors).
    static func color(_ role: ColorRole, background: Bool) -> Int16 {
        switch role {
        case .normal: return -1
        case .title: return background ? Int16(COLOR_BLUE) : Int16(COLOR_WHITE)
        case .header: return Int16(COLOR_CYAN)
        case .accent: return Int16(COLOR_YELLOW)
        case .success: return Int16(COLOR_GREEN)
        case .warning: return Int16(COLOR_YELLOW)
        case .error: return Int16(COLOR_RED)
        case .muted: return Int16(COLOR_BLUE)
        }
    }
}
