// swift-tools-version: 6.0
import PackageDescription

/// Optimise the engine even in debug builds: tests train the classifier on the full content.
let engineSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]

let package = Package(
    name: "Sanctuary",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sanctuary", targets: ["SanctuaryCLI"]),
        .executable(name: "sanctuary-bench", targets: ["SanctuaryBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        /// C++ shim over system ICU (libicu-dev); its header exposes plain C types only.
        .target(
            name: "CICUShim",
            cxxSettings: [.unsafeFlags(["-O2"])],
            linkerSettings: [
                .linkedLibrary("icui18n"),
                .linkedLibrary("icuuc"),
                .linkedLibrary("icudata"),
                .linkedLibrary("stdc++"),
            ]
        ),
        /// The text layer: folding, segmentation, transliteration, locales, plurals, MessageFormat, scripts.
        .target(name: "SanctuaryText", dependencies: ["CICUShim"], swiftSettings: engineSettings),
        /// Intent and locale files, language identification, intent classification, lint and evaluation.
        .target(
            name: "SanctuaryNLU",
            dependencies: ["SanctuaryText", .product(name: "Yams", package: "Yams")],
            swiftSettings: engineSettings
        ),
        /// Services directory: Open Referral HSDS 3.0 import (CSV and JSON), search, open-now, SMS answers.
        .target(name: "SanctuaryDirectory", dependencies: ["SanctuaryText"]),
        .executableTarget(
            name: "SanctuaryCLI",
            dependencies: ["SanctuaryNLU", "SanctuaryText", "SanctuaryDirectory", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(name: "SanctuaryBench", dependencies: ["SanctuaryNLU", "SanctuaryText"], swiftSettings: engineSettings),
        .testTarget(name: "SanctuaryTextTests", dependencies: ["SanctuaryText"]),
        .testTarget(name: "SanctuaryNLUTests", dependencies: ["SanctuaryNLU", "SanctuaryText"]),
        .testTarget(name: "SanctuaryDirectoryTests", dependencies: ["SanctuaryDirectory"]),
    ]
)
