import Foundation
import Testing
import ThiDuaResources
@testable import ThiDuaRender

/// Where the faces come from: the bundled Liberation Serif 2 unless fontconfig is asked for.
@Suite struct FontLocatorTests {
    static let dejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSerif"

    @Test func defaultLocatorUsesTheBundledFiles() throws {
        let directory = try #require(ResourceLocator.fontsDirectory(), "Resources/fonts not found")
        let expected = [FontStyle.regular: "LiberationSerif-Regular.ttf", .bold: "LiberationSerif-Bold.ttf",
                        .italic: "LiberationSerif-Italic.ttf", .boldItalic: "LiberationSerif-BoldItalic.ttf"]
        let cached = try FontLocator().paths()
        let uncached = try FontLocator().locateAndLoad().pathsByStyle
        for (style, file) in expected {
            let path = directory.appendingPathComponent(file).path
            // A bundled path for every style means fc-match had nothing left to find, so it never ran.
            #expect(cached[style] == path, "\(style): \(cached[style] ?? "none")")
            #expect(uncached[style] == path, "\(style): \(uncached[style] ?? "none")")
        }
        let fonts = try FontLocator().fonts()
        #expect(fonts.regular.postScriptName == "LiberationSerif")
        #expect(fonts.bold.postScriptName == "LiberationSerif-Bold")
        #expect(fonts.italic.postScriptName == "LiberationSerif-Italic")
        #expect(fonts.boldItalic.postScriptName == "LiberationSerif-BoldItalic")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("LICENSE").path))
    }

    /// A binary copied without its resource folder still prints, through fontconfig as before.
    @Test func withoutTheBundledFilesFontconfigStandsIn() throws {
        let bundled = try #require(ResourceLocator.fontsDirectory()).path
        let viaFontconfig = try FontLocator(source: .fontconfig(family: "Times New Roman"))
            .locateAndLoad(bundledDirectory: nil).pathsByStyle
        let empty = TempFiles.url("no-fonts-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        for directory in [nil, empty] {
            let paths = try FontLocator().locateAndLoad(bundledDirectory: directory).pathsByStyle
            #expect(paths == viaFontconfig, "\(String(describing: directory))")
            for path in paths.values { #expect(!path.hasPrefix(bundled), "\(path)") }
        }
    }

    @Test func oneOverrideKeepsTheOtherBundledFaces() throws {
        let directory = try #require(ResourceLocator.fontsDirectory())
        let paths = try FontLocator(overrides: [.bold: "\(Self.dejaVu)-Bold.ttf"]).paths()
        #expect(paths[.bold] == "\(Self.dejaVu)-Bold.ttf")
        #expect(paths[.regular] == directory.appendingPathComponent("LiberationSerif-Regular.ttf").path)
        #expect(paths[.boldItalic] == directory.appendingPathComponent("LiberationSerif-BoldItalic.ttf").path)
    }

    @Test func aNamedFamilyIsLookedUpThroughFontconfig() throws {
        let paths = try FontLocator(source: .fontconfig(family: "DejaVu Serif")).paths()
        #expect(paths[.regular] == "\(Self.dejaVu).ttf", "\(paths)")
        #expect(paths[.bold] == "\(Self.dejaVu)-Bold.ttf", "\(paths)")
        #expect(paths[.italic] == "\(Self.dejaVu)-Italic.ttf", "\(paths)")
        #expect(paths[.boldItalic] == "\(Self.dejaVu)-BoldItalic.ttf", "\(paths)")
    }

    @Test func configuredReadsTheFamilyVariable() {
        #expect(FontLocator.configured(environment: [:]).source == .bundled)
        #expect(FontLocator.configured(environment: ["THIDUA_FONT_FAMILY": ""]).source == .bundled)
        #expect(FontLocator.configured(environment: ["THIDUA_FONT_FAMILY": "  "]).source == .bundled)
        #expect(FontLocator.configured(environment: ["THIDUA_FONT_FAMILY": " DejaVu Serif "]).source
                == .fontconfig(family: "DejaVu Serif"))
        #expect(FontLocator.configured(environment: ["THIDUA_FONT_FAMILY": "DejaVu Serif"]).overrides.isEmpty)
    }

    @Test func familyPunctuationIsEscapedInThePattern() {
        #expect(FontconfigMatch.pattern(family: "Noto Serif-Display", style: .boldItalic)
                == "Noto Serif\\-Display:style=Bold Italic:fontformat=TrueType:lang=vi:charset=1ea0-1ef9")
        #expect(FontconfigMatch.escaped("A:B,C\\D") == "A\\:B\\,C\\\\D")
    }

    /// THIDUA_RESOURCES names the defaults folder; the fonts are found beside it, or inside a
    /// folder that holds both. A folder missing one face is passed over.
    @Test func resourcesVariableLeadsToTheFonts() throws {
        let shipped = try #require(ResourceLocator.fontsDirectory(environment: [:]))
        let root = TempFiles.url("resources-\(UUID().uuidString.prefix(6))")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        let defaults = root.appendingPathComponent("defaults"), fonts = root.appendingPathComponent("fonts")
        try manager.createDirectory(at: defaults, withIntermediateDirectories: true)
        try manager.createDirectory(at: fonts, withIntermediateDirectories: true)
        let files = ["LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf"]
        for file in files {
            try manager.createSymbolicLink(at: fonts.appendingPathComponent(file),
                                           withDestinationURL: shipped.appendingPathComponent(file))
        }
        #expect(ResourceLocator.fontsDirectory(environment: ["THIDUA_RESOURCES": defaults.path]) == shipped)
        try manager.createSymbolicLink(at: fonts.appendingPathComponent("LiberationSerif-BoldItalic.ttf"),
                                       withDestinationURL: shipped.appendingPathComponent("LiberationSerif-BoldItalic.ttf"))
        #expect(ResourceLocator.fontsDirectory(environment: ["THIDUA_RESOURCES": defaults.path])?.path == fonts.path)
        #expect(ResourceLocator.fontsDirectory(environment: ["THIDUA_RESOURCES": root.path])?.path == fonts.path)
    }
}
