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
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
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
        /// Privacy primitives: rotating pseudonymous keys, per-case encryption, scrubbing of identifiers in text.
        .target(
            name: "SanctuaryPrivacy",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        /// The conversation state machine: one inbound message in, a list of actions out. No I/O.
        .target(name: "SanctuaryConversation", dependencies: ["SanctuaryNLU", "SanctuaryText"]),
        /// Storage protocols and their SQLite (GRDB) implementation.
        .target(
            name: "SanctuaryStore",
            dependencies: ["SanctuaryConversation", "SanctuaryPrivacy", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        /// One folder per SMS/chat provider: parse and verify webhooks, render replies, send outbound messages.
        .target(
            name: "SanctuaryChannels",
            dependencies: ["SanctuaryText", .product(name: "Crypto", package: "swift-crypto")]
        ),
        /// The HTTP service: webhooks, message pipeline, outbound queue, hot reload.
        .target(
            name: "SanctuaryServer",
            dependencies: [
                "SanctuaryNLU", "SanctuaryConversation", "SanctuaryStore", "SanctuaryChannels", "SanctuaryPrivacy", "SanctuaryDirectory",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        /// Services directory: Open Referral HSDS 3.0 import (CSV and JSON), search, open-now, SMS answers.
        .target(name: "SanctuaryDirectory", dependencies: ["SanctuaryText"]),
        .executableTarget(
            name: "SanctuaryCLI",
            dependencies: [
                "SanctuaryNLU", "SanctuaryText", "SanctuaryServer", "SanctuaryStore", "SanctuaryConversation", "SanctuaryChannels",
                "SanctuaryPrivacy", "SanctuaryDirectory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "SanctuaryBench", dependencies: ["SanctuaryNLU", "SanctuaryText"], swiftSettings: engineSettings),
        .testTarget(name: "SanctuaryTextTests", dependencies: ["SanctuaryText"]),
        .testTarget(name: "SanctuaryNLUTests", dependencies: ["SanctuaryNLU", "SanctuaryText"]),
        .testTarget(name: "SanctuaryConversationTests", dependencies: ["SanctuaryConversation", "SanctuaryNLU"]),
        .testTarget(name: "SanctuaryPrivacyTests", dependencies: ["SanctuaryPrivacy"]),
        .testTarget(name: "SanctuaryChannelsTests", dependencies: ["SanctuaryChannels"]),
        .testTarget(
            name: "SanctuaryServerTests",
            dependencies: [
                "SanctuaryServer", "SanctuaryStore", "SanctuaryChannels", "SanctuaryPrivacy", "SanctuaryNLU",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
            ]
        ),
        .testTarget(name: "SanctuaryDirectoryTests", dependencies: ["SanctuaryDirectory"]),
    ]
)
