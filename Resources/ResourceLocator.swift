import Foundation

/// Finds the program's own files (`Resources/defaults`, `Resources/fonts`) at run time.
///
/// SwiftPM's generated `Bundle.module` stops the process with `fatalError` when the
/// bundle is missing (for example when the binary was copied elsewhere). The office
/// must get a message instead, so the lookup is done here and returns `nil` on failure.
public enum ResourceLocator {
    /// Name of the folder SwiftPM copies beside the built products.
    static let bundleName = "thidua_ThiDuaResources.resources"

    /// The four Liberation Serif 2 faces in `Resources/fonts`, by the style they draw.
    public static let serifFontFiles = (
        regular: "LiberationSerif-Regular.ttf",
        bold: "LiberationSerif-Bold.ttf",
        italic: "LiberationSerif-Italic.ttf",
        boldItalic: "LiberationSerif-BoldItalic.ttf"
    )

    /// The folder holding the default JSON files, or `nil` when none is found.
    public static func defaultsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        // THIDUA_RESOURCES has always named the defaults folder itself.
        let explicit = explicitFolder(environment).map { [$0] } ?? []
        return first(of: explicit + shipped("defaults"), holding: ["settings.json"])
    }

    /// The folder holding the bundled fonts and their licence, or `nil` when none is found
    /// (then the caller falls back to the system's fonts).
    public static func fontsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        // THIDUA_RESOURCES names the defaults folder, so `fonts` is looked for beside it; and
        // inside it, for a THIDUA_RESOURCES that names a whole copied resource folder.
        let explicit = explicitFolder(environment).map {
            [$0.deletingLastPathComponent().appendingPathComponent("fonts"), $0.appendingPathComponent("fonts")]
        } ?? []
        let files = serifFontFiles
        return first(of: explicit + shipped("fonts"),
                     holding: [files.regular, files.bold, files.italic, files.boldItalic])
    }

    static func explicitFolder(_ environment: [String: String]) -> URL? {
        guard let explicit = environment["THIDUA_RESOURCES"], !explicit.isEmpty else { return nil }
        return URL(fileURLWithPath: explicit)
    }

    /// Where SwiftPM or a checkout puts `folder`, most specific first.
    static func shipped(_ folder: String) -> [URL] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let besideBinary = executable.deletingLastPathComponent()
        return [
            besideBinary.appendingPathComponent(bundleName).appendingPathComponent(folder),
            Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent(folder),
            // The source tree, for `swift run` and tests from a checkout.
            URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(folder),
        ]
    }

    /// A candidate counts only with all its files: a half-copied folder is passed over.
    static func first(of candidates: [URL], holding files: [String]) -> URL? {
        candidates.first { folder in
            files.allSatisfy { FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path) }
        }
    }
}
