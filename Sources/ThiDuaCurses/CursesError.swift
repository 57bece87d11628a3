/// Why the terminal front end could not start. The messages are for the
/// office user, so they are in Vietnamese and say what to do.
public enum CursesError: Error, Equatable, CustomStringConvertible {
    /// No UTF-8 character set could be selected, not even C.UTF-8.
    case noUTF8Locale(codeset: String)
    /// ncurses did not accept the terminal (unknown TERM, no tty).
    case cannotStart(term: String)

    public var description: String {
        switch self {
        case .noUTF8Locale(let codeset):
            return "Không đặt được bảng mã UTF-8 cho terminal (hiện là \(codeset)). "
                + "Hãy chạy lại với LANG=C.UTF-8, ví dụ: LANG=C.UTF-8 thidua"
        case .cannotStart(let term):
            return "Không mở được màn hình terminal (TERM=\(term.isEmpty ? "trống" : term)). "
                + "Hãy chạy trong một terminal thật, với TERM như xterm-256color hoặc tmux-256color."
        }
    }
}
