// swift-tools-version:6.1
// Cairn: one binary that carries a machine-learning model through its whole life.
// ARCHITECTURE.md (in the shared design folder) explains the targets and the dependency rule they follow.

import PackageDescription

let package = Package(
    name: "cairn",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cairn", targets: ["cairn"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.30.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-protobuf.git", from: "1.39.0"),
        .package(url: "https://github.com/grpc/grpc-swift-2.git", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport.git", from: "2.9.2"),
        .package(url: "https://github.com/grpc/grpc-swift-protobuf.git", from: "2.4.1"),
    ],
    targets: [
        // Domain and library targets: no web framework, no SQL driver, no argument parser.
        .target(name: "CairnCore"),
        // Numeric kernels are optimized in debug builds too, so the test suite trains on real data in seconds.
        // The system zlib, for gzip-compressed data files (Debian: zlib1g-dev).
        .systemLibrary(name: "CZlib"),
        .target(name: "CairnML", dependencies: ["CairnCore", "CZlib"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Predictors for models trained elsewhere: ONNX, XGBoost JSON/UBJSON, LightGBM text. Optimized like CairnML.
        // The AVX2/FMA matrix kernel CairnRuntime picks at run time (the portable Swift build cannot emit those instructions).
        .target(name: "CRuntimeKernels", cSettings: [.unsafeFlags(["-O3"])]),
        .target(
            name: "CairnRuntime", dependencies: ["CairnCore", "CairnML", "CRuntimeKernels"],
            swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Drift tests sort and merge whole columns; optimized in debug builds too, for the same reason as CairnML.
        .target(name: "CairnMonitoring", dependencies: ["CairnCore", "CairnML"], swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .target(name: "CairnArtifacts", dependencies: ["CairnCore"]),
        // The S3-compatible artifact store is an adapter at the edge: it brings an HTTP client, so it has a target of
        // its own and the contexts never link it.
        .target(
            name: "CairnArtifactsS3",
            dependencies: [
                "CairnCore", "CairnArtifacts",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .target(name: "CairnTracking", dependencies: ["CairnCore", "CairnArtifacts"]),
        .target(name: "CairnRegistry", dependencies: ["CairnCore", "CairnArtifacts"]),
        .target(name: "CairnAPI", dependencies: ["CairnCore"]),
        .target(
            name: "CairnServing",
            dependencies: [
                "CairnCore", "CairnML", "CairnRuntime", "CairnArtifacts", "CairnRegistry", .product(name: "Metrics", package: "swift-metrics"),
            ]),

        // Adapters at the edge.
        .target(
            name: "CairnStore",
            dependencies: [
                "CairnCore", "CairnTracking", "CairnRegistry", "CairnServing", "CairnMonitoring",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Metrics", package: "swift-metrics"),
            ]
        ),
        // The PostgreSQL adapter has a target of its own so postgres-nio stays out of builds that do not wire it; it
        // shares the SQL shape (builders, dialect) with the SQLite adapter in CairnStore.
        .target(
            name: "CairnStorePostgres",
            dependencies: [
                "CairnCore", "CairnTracking", "CairnRegistry", "CairnServing", "CairnMonitoring", "CairnStore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .target(
            name: "CairnServer",
            dependencies: [
                "CairnCore", "CairnAPI", "CairnArtifacts", "CairnArtifactsS3", "CairnTracking", "CairnRegistry", "CairnStore",
                "CairnStorePostgres", "CairnML", "CairnServing", "CairnMonitoring",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The Open Inference Protocol over gRPC: its own target, so gRPC and protobuf stay out of the server's
        // builds; the Swift code generated from Proto/grpc_inference.proto is committed (scripts/generate-grpc.sh).
        .target(
            name: "CairnServingGRPC",
            dependencies: [
                "CairnCore", "CairnServing",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "GRPCProtobuf", package: "grpc-swift-protobuf"),
                .product(name: "SwiftProtobuf", package: "swift-protobuf"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            exclude: ["Proto/grpc_inference.proto"]
        ),
        .target(
            name: "CairnCLI",
            dependencies: [
                "CairnCore", "CairnAPI", "CairnArtifacts", "CairnTracking", "CairnRegistry", "CairnStore",
                "CairnServer", "CairnML", "CairnRuntime", "CairnMonitoring", "CairnServing", "CairnServingGRPC",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .executableTarget(name: "cairn", dependencies: ["CairnCLI"]),
        // bench/runtime.sh's timing program; built only by that script.
        .executableTarget(name: "cairn-runtime-bench", dependencies: ["CairnML", "CairnRuntime"], path: "bench/RuntimeBench"),
        .target(
            name: "CairnTesting",
            dependencies: [
                "CairnCore", "CairnStore", "CairnStorePostgres", "CairnTracking", "CairnRegistry", "CairnArtifacts", "CairnML",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),

        // Tests mirror the targets.
        .testTarget(name: "CairnCoreTests", dependencies: ["CairnCore"]),
        .testTarget(name: "CairnAPITests", dependencies: ["CairnAPI", "CairnCore"]),
        .testTarget(name: "CairnMLTests", dependencies: ["CairnML"]),
        .testTarget(name: "CairnRuntimeTests", dependencies: ["CairnRuntime"]),
        .testTarget(name: "CairnMonitoringTests", dependencies: ["CairnMonitoring", "CairnCore", "CairnML"]),
        .testTarget(name: "CairnArtifactsTests", dependencies: ["CairnArtifacts", "CairnArtifactsS3", "CairnTesting"]),
        .testTarget(name: "CairnStoreTests", dependencies: ["CairnStore", "CairnStorePostgres", "CairnServing", "CairnMonitoring", "CairnTesting"]),
        .testTarget(name: "CairnServingTests", dependencies: ["CairnServing", "CairnML", "CairnStore", "CairnTesting"]),
        .testTarget(
            name: "CairnServerTests",
            dependencies: [
                "CairnServer", "CairnTesting", "CairnServing", "CairnML", "CairnMonitoring", "CairnAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        .testTarget(
            name: "CairnServingGRPCTests",
            dependencies: [
                "CairnServingGRPC", "CairnServing", "CairnRuntime", "CairnML", "CairnCore", "CairnTesting",
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2Posix", package: "grpc-swift-nio-transport"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "CairnCLITests",
            dependencies: [
                "CairnCLI", "CairnTesting", "CairnMonitoring", "CairnAPI", "CairnServing",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
    ]
)
