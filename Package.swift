// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "thidua",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "thidua", targets: ["thidua"]),
        .executable(name: "thidua-bench", targets: ["thidua-bench"]),
        .executable(name: "thidua-soak", targets: ["thidua-soak"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
    ],
    targets: [
        // ncursesw through a shim header: no pkgConfig (it drops the _XOPEN_SOURCE defines).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),
        // statfs(2), to tell a network file system (where file locks cannot be trusted) from a local disk.
        .systemLibrary(name: "CStatfs", path: "Sources/CStatfs"),

        // The plan's defaults (categories, criteria, award forms, rules, settings, sample names)
        // and the fonts documents are drawn with (Liberation Serif 2, OFL). Files only, no logic.
        .target(
            name: "ThiDuaResources",
            path: "Resources",
            sources: ["ResourceLocator.swift"],
            resources: [.copy("defaults"), .copy("fonts")]
        ),

        .target(name: "ThiDuaDomain"),
        .target(
            name: "ThiDuaStore",
            dependencies: [
                "ThiDuaDomain",
                "ThiDuaResources",
                "CStatfs",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "ThiDuaRender",
            dependencies: ["ThiDuaDomain", "ThiDuaResources", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Where finished documents and import files go and come from: saving a document to a
        // file, printing it, reading and planning a CSV import. One module for the TUI and the CLI.
        .target(name: "ThiDuaOutput", dependencies: ["ThiDuaDomain", "ThiDuaStore", "ThiDuaRender"]),
        .target(name: "ThiDuaTUI", dependencies: ["ThiDuaDomain", "ThiDuaStore", "ThiDuaRender", "ThiDuaOutput"]),
        .target(name: "ThiDuaCurses", dependencies: ["ThiDuaTUI", "CNcurses"]),
        .executableTarget(
            name: "thidua",
            dependencies: [
                "ThiDuaDomain", "ThiDuaStore", "ThiDuaRender", "ThiDuaOutput", "ThiDuaTUI", "ThiDuaCurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Speed and memory at commune and province scale; never a pass/fail test.
        .executableTarget(name: "thidua-bench",
                         dependencies: ["ThiDuaDomain", "ThiDuaStore", "ThiDuaTUI", "ThiDuaRender", "ThiDuaTestSupport"]),

        // Crash, torn-write, file-mutation and random-key rounds, run long; never part of `swift test`.
        // Depends on `thidua` so that `swift run thidua-soak` also builds the program it kills.
        .executableTarget(
            name: "thidua-soak",
            dependencies: [
                "thidua", "ThiDuaTestSupport", "ThiDuaDomain", "ThiDuaStore", "ThiDuaTUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Helpers shared by the test targets and thidua-soak: child processes, the kill and
        // torn-write harness, the collection-file mutator, the random-key driver.
        .target(name: "ThiDuaTestSupport", dependencies: ["ThiDuaDomain", "ThiDuaStore", "ThiDuaTUI", "ThiDuaRender", "ThiDuaOutput"],
                path: "Tests/Support"),
        .testTarget(name: "ThiDuaDomainTests", dependencies: ["ThiDuaDomain"]),
        .testTarget(name: "ThiDuaStoreTests", dependencies: ["ThiDuaStore", "ThiDuaDomain", "ThiDuaTestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "ThiDuaRenderTests",
                    dependencies: ["ThiDuaRender", "ThiDuaResources", "ThiDuaStore", "ThiDuaDomain", "ThiDuaTestSupport"],
                    exclude: ["__documents__"]),
        .testTarget(name: "ThiDuaTUITests",
                    dependencies: ["ThiDuaTUI", "ThiDuaOutput", "ThiDuaStore", "ThiDuaDomain", "ThiDuaRender", "ThiDuaTestSupport"],
                    exclude: ["__screens__"]),
        .testTarget(name: "ThiDuaOutputTests",
                    dependencies: ["ThiDuaOutput", "ThiDuaRender", "ThiDuaStore", "ThiDuaDomain", "ThiDuaTestSupport"]),
        .testTarget(name: "ThiDuaCursesTests", dependencies: ["ThiDuaCurses", "ThiDuaTUI", "ThiDuaTestSupport"]),
        .testTarget(name: "thiduaTests", dependencies: ["thidua", "ThiDuaStore", "ThiDuaDomain", "ThiDuaTestSupport"]),
    ]
)
