// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "ctip",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ctip", targets: ["ctip"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/vapor/vapor", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit", from: "1.57.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        // Already built for Fluent; named so CTIPStorage can tell a database outage from a bad query.
        .package(url: "https://github.com/vapor/async-kit", from: "1.22.0"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
        // Already built for Vapor; CTIP uses it for content hashes (and, later, encryption at rest).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // Domain types, code lists, bundle validation, the report's rules and rendering: no database, no network.
        .target(
            name: "CTIPCore",
            dependencies: [.product(name: "Plot", package: "Plot")],
            resources: [.copy("CodeLists/Data"), .copy("Directory/Services")]
        ),
        // Storage: schema, migrations, bundle import/export, statistics queries, on SQLite and PostgreSQL.
        .target(
            name: "CTIPStorage",
            dependencies: [
                "CTIPCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("ReferenceBundle")]
        ),
        // The web application: routes and pages over Core and Storage.
        .target(
            name: "CTIPWeb",
            dependencies: [
                "CTIPCore",
                "CTIPStorage",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The `ctip` command: a thin shell over Core, Storage and Web.
        .executableTarget(
            name: "ctip",
            dependencies: [
                "CTIPCore",
                "CTIPStorage",
                "CTIPWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "CTIPCoreTests", dependencies: ["CTIPCore"]),
        .testTarget(
            name: "CTIPStorageTests",
            dependencies: ["CTIPCore", "CTIPStorage"],
            // An excerpt of the seed (section 2 (1) i), ii) and Tables 2–5), verbatim, for the report tests.
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "CTIPWebTests",
            dependencies: [
                "CTIPWeb", "CTIPStorage",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ]
)
