import CNcurses
import ThiDuaTUI

/// One result of `get_wch`, before interpretation.
public enum RawInput: Hashable, Sendable {
    /// `rc == OK`: a Unicode scalar value (or a control code below 32).
    case char(UInt32)
    /// `rc == KEY_CODE_YES`: an ncurses `KEY_*` code.
    case keyCode(Int32)
    /// `rc == ERR`: nothing arrived (timeout, signal, or end of input).
    case none
}

/// How the decoder asks for the next raw input.
public enum ReadMode: Sendable {
    /// Wait for a key.
    case blocking
    /// Return `.none` at once if nothing is pending (used after ESC).
    case immediate
}

/// Turns raw `get_wch` results into `Key`s, folding terminal quirks:
/// KEY_BACKSPACE, 127 and 8 are all Backspace; 10 and 13 are Enter; ESC
/// followed at once by a digit is F1…F10 (Midnight Commander's convention
/// for terminals that swallow F-keys), by a printable character is Alt+it,
/// and by nothing is Esc. Pure: tests feed it sequences of raw codes.
public struct KeyDecoder: Sendable {
    private var pushedBack: RawInput?

    public init() {}

    /// Reads (through `read`) and decodes the next key; nil when a blocking
    /// read returned nothing (the caller checks for signals or hang-up).
    public mutating func nextKey(read: (ReadMode) -> RawInput, size: () -> Size) -> Key? {
        let first: RawInput
        if let p = pushedBack {
            first = p
            pushedBack = nil
        } else {
            first = read(.blocking)
        }
        switch first {
        case .none:
            return nil
        case .keyCode(let code):
            return KeyDecoder.decodeKeyCode(code, size: size)
        case .char(27):
            return decodeAfterEscape(read(.immediate))
        case .char(let v):
            return KeyDecoder.decodeChar(v)
        }
    }

    /// Decodes a whole recorded sequence (a missing follow-up after ESC is
    /// the end of the sequence). For tests and replay.
    public static func decode(_ inputs: [RawInput], size: Size = Size(width: 80, height: 24)) -> [Key] {
        var queue = inputs[...]
        var decoder = KeyDecoder()
        var keys: [Key] = []
        while true {
            let key = decoder.nextKey(read: { _ in queue.popFirst() ?? .none }, size: { size })
            guard let key else {
                if queue.isEmpty && decoder.pushedBack == nil { break }
                continue
            }
            keys.append(key)
        }
        return keys
    }

    private mutating func decodeAfterEscape(_ next: RawInput) -> Key {
        switch next {
        case .none:
            return .escape
        case .char(let v) where v >= 0x30 && v <= 0x39:
            return .function(v == 0x30 ? 10 : Int(v - 0x30))
        case .char(let v) where v > 32 && v != 127 && !(0x80..<0xA0).contains(v):
            guard let scalar = Unicode.Scalar(v) else { return .escape }
            return .alt(Character(scalar))
        default:
            // ESC then Esc/Enter/an arrow…: keep the second key for next time
            // rather than invent an Alt+key the app cannot name.
            pushedBack = next
            return .escape
        }
    }

    static func decodeChar(_ v: UInt32) -> Key {
        switch v {
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(v + 96))))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80..<0xA0: return .unknown(Int32(v))
        default:
            guard let scalar = Unicode.Scalar(v) else { return .unknown(Int32(bitPattern: v)) }
            return .char(Character(scalar))
        }
    }

    static func decodeKeyCode(_ code: Int32, size: () -> Size) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize(size())
        case (KEY_F0 + 1)...(KEY_F0 + 12): return .function(Int(code - KEY_F0))
        default: return .unknown(code)
        }
    }
}
