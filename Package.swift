// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "meshtop",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "meshtop", targets: ["meshtop"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        .systemLibrary(name: "CMalloc"),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .target(name: "Exposition", linkerSettings: [.linkedLibrary("m")]),
        .target(name: "MeshModel", dependencies: ["Exposition"], linkerSettings: [.linkedLibrary("m")]),
        .target(name: "MeshSources", dependencies: [
            "MeshModel", "CCurl", .product(name: "Yams", package: "Yams"),
        ]),
        .target(name: "MeshKube", dependencies: ["MeshModel", "MeshSources", "MeshTap", .product(name: "Yams", package: "Yams")]),
        .target(name: "MeshDemo", dependencies: [
            "MeshModel", "Exposition",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
        ]),
        .target(name: "MeshDemoKube", dependencies: [
            "MeshDemo", "MeshModel", "MeshTap",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
        ]),
        .target(name: "MeshTap", dependencies: ["MeshModel", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
        .target(name: "MeshTUI", dependencies: ["MeshModel", "MeshTap", "CNCurses", .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "meshtop", dependencies: [
            "Exposition", "MeshModel", "MeshSources", "MeshKube", "MeshDemo", "MeshDemoKube", "MeshTUI", "MeshTap", "CMalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ExpositionTests", dependencies: ["Exposition"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MeshModelTests", dependencies: ["MeshModel", "Exposition"]),
        .testTarget(name: "MeshSourcesTests", dependencies: ["MeshSources"]),
        .testTarget(name: "MeshTUITests", dependencies: ["MeshTUI", "MeshModel", "MeshTap"], exclude: ["Snapshots"]),
        .testTarget(name: "MeshKubeTests", dependencies: ["MeshKube", "MeshModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "MeshDemoTests", dependencies: ["MeshDemo", "MeshModel", "Exposition"]),
        .testTarget(name: "MeshDemoKubeTests", dependencies: [
            "MeshDemoKube", "MeshDemo", "MeshKube", "MeshSources", "MeshModel", "Exposition", "MeshTap",
        ]),
        .testTarget(name: "MeshTapTests", dependencies: ["MeshTap", "MeshModel"]),
        .testTarget(name: "MeshtopTests", dependencies: ["MeshModel", "MeshDemo", "Exposition"], resources: [.copy("Fixtures")]),
    ]
)
