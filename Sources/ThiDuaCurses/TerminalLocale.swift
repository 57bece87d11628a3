import CNcurses
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Makes sure the C library decodes UTF-8 before ncurses starts.
///
/// Measured on this project's machines: without a UTF-8 LC_CTYPE, text is
/// garbled and `get_wch` waits for ever after the first non-ASCII byte. Only
/// C, C.UTF-8 and POSIX locales exist there, so C.UTF-8 is the fallback.
enum TerminalLocale {
    /// Applies the user's locale, falling back to C.UTF-8 for LC_CTYPE when
    /// its codeset is not UTF-8. Returns the codeset in use.
    @discardableResult
    static func ensureUTF8() throws -> String {
        _ = setlocale(LC_ALL, "")
        var codeset = currentCodeset()
        if isUTF8(codeset) { return codeset }
        for name in ["C.UTF-8", "C.utf8"] where setlocale(LC_CTYPE, name) != nil {
            codeset = currentCodeset()
            if isUTF8(codeset) { return codeset }
        }
        throw CursesError.noUTF8Locale(codeset: codeset)
    }

    static func currentCodeset() -> String {
        guard let p = nc_codeset() else { return "" }
        return String(cString: p)
    }

    static func isUTF8(_ codeset: String) -> Bool {
        let c = codeset.uppercased().filter { $0 != "-" }
        return c == "UTF8"
    }
}
