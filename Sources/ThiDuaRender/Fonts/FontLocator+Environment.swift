import Foundation

extension FontLocator {
    /// Names a fontconfig family to draw documents with instead of the shipped Liberation Serif 2.
    public static let familyVariable = "THIDUA_FONT_FAMILY"

    /// The locator the program's edges (command line, screens) use, so both honour the same
    /// override: `THIDUA_FONT_FAMILY` set → that fontconfig family; unset or blank → the
    /// bundled faces. The library's own default stays the bundled faces, so tests and other
    /// callers never depend on the environment they happen to run in.
    public static func configured(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> FontLocator {
        let family = (environment[familyVariable] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return FontLocator(source: family.isEmpty ? .bundled : .fontconfig(family: family))
    }
}
