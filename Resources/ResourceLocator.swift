import Foundation

/// Finds the plan's default files (`Resources/defaults`) at run time.
///
/// SwiftPM's generated `Bundle.module` stops the process with `fatalError` when the
/// bundle is missing (for example when the binary was copied elsewhere). The office
/// must get a message instead, so the lookup is done here and returns `nil` on failure.
public enum ResourceLocator {
    /// Name of the folder SwiftPM copies beside the built products.
    static let bundleName = "thidua_ThiDuaResources.resources"

    /// The folder holding the default JSON files, or `nil` when none is found.
    public static func defaultsDirectory(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> URL? {
        candidates(environment: environment).first { url in
            FileManager.default.fileExists(atPath: url.appendingPathComponent("settings.json").path)
        }
    }

    /// Where the defaults may be, most specific first.
    static func candidates(environment: [String: String]) -> [URL] {
        var result: [URL] = []
        if let explicit = environment["THIDUA_RESOURCES"], !explicit.isEmpty {
            result.append(URL(fileURLWithPath: explicit))
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let besideBinary = executable.deletingLastPathComponent()
        result.append(besideBinary.appendingPathComponent(bundleName).appendingPathComponent("defaults"))
        result.append(Bundle.main.bundleURL.appendingPathComponent(bundleName).appendingPathComponent("defaults"))
        // The source tree, for `swift run` and tests from a checkout.
        let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        result.append(sourceFolder.appendingPathComponent("defaults"))
        return result
    }
}
