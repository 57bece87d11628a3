import Foundation

/// Where things are, found from this file's path so tests work from any
/// working directory.
enum TestPaths {
    /// The package root (the folder holding Package.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // ThiDuaCursesTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// `swift build`'s debug products folder (the `thidua` executable and the
    /// test bundle live here). End-to-end tests run binaries from it.
    static let builtProducts = packageRoot.appendingPathComponent(".build/debug")

    /// A built product by name, if it exists.
    static func product(_ name: String) -> URL? {
        let url = builtProducts.appendingPathComponent(name)
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
}
