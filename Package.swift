// swift-tools-version: 6.0
// policysite: a static site generator for versioned, multilingual legal policies.
//
// The targets follow the pipeline, and dependencies point one way (each may import only the
// ones before it; scripts/module-graph checks the imports against this list):
//   PolicyCore        diagnostics, escaping, name suggestions, source excerpts, parallelMap
//   PolicyMarkdown    cmark (through CCmark, the only module that sees its C API) → Markdown tree, safe HTML
//   PolicyModel       pure values and the rules every stage shares
//   PolicySource      disk → snapshots → YAML, front matter, outline, lock, hashes → the model
//   PolicyTheme       the built-in theme (EmbedTheme plugin) under the site's Templates/
//   PolicyChanges     version diffs
//   PolicyValidate    the contract's checks
//   PolicyRender      templates, pages, feeds, sitemap, versions.json, in memory
//   PolicyWrite       the output guard, staging directory and atomic swap
//   PolicyPipeline    SiteEngine: the one path from directories to diagnostics and files
//   PolicyServe       the preview server
//   policysite        the CLI
// Beside them: PolicyCorpus and policysite-bench (the benchmark), policysite-fuzz (the fuzzer).
import PackageDescription

let package = Package(
    name: "policysite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "policysite", targets: ["policysite"]),
        .executable(name: "policysite-bench", targets: ["policysite-bench"]),
        .executable(name: "policysite-fuzz", targets: ["policysite-fuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // The only module that sees the cmark C API.
        // Linked statically (Debian's libcmark.a, through PolicyMarkdown's linker setting) so the
        // release binary runs on a machine without libcmark: no pkgConfig here, and no `link` in
        // the module map, or the linker would pick libcmark.so.
        .systemLibrary(
            name: "CCmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // The bottom of the graph, depending on nothing of ours: diagnostics and their formats
        // (so every stage, the loader and writer included, reports problems the same way), the
        // escaping of terminal and CI-annotation text and JSON strings, name suggestions,
        // source excerpts, and `parallelMap`, how the stages spread pure per-item work.
        .target(name: "PolicyCore"),
        // cmark → a Swift Markdown tree with source positions.
        .target(name: "PolicyMarkdown", dependencies: ["CCmark"],
                linkerSettings: [.unsafeFlags(["-Xlinker", "-l:libcmark.a"])]),
        // The content model: pure values (sites, policies, versions, sections, dates) and the
        // rules every stage shares.
        .target(name: "PolicyModel", dependencies: ["PolicyCore", "PolicyMarkdown"]),
        // The source, from disk to the model: Content/ and Templates/ read into in-memory
        // snapshots (the edge that reads files), YAML with positioned diagnostics (settings, front
        // matter, strings files), front matter, the Markdown outline, published.lock and the
        // SHA-256 of every version file as read (the only module that hashes).
        .target(name: "PolicySource", dependencies: [
            "PolicyCore", "PolicyModel", "PolicyMarkdown",
            .product(name: "Yams", package: "Yams"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // The built-in theme, compiled in from the repository's Templates/ by the EmbedTheme
        // plugin, and the site's own Templates/ layered over it.
        .target(name: "PolicyTheme", dependencies: ["PolicyCore", "PolicySource"], plugins: ["EmbedTheme"]),
        .executableTarget(name: "policysite-embed-theme"),
        .plugin(name: "EmbedTheme", capability: .buildTool(), dependencies: ["policysite-embed-theme"]),
        // What changed between two versions of a policy: sections matched by id, blocks aligned,
        // words diffed, in a form a change page or a terminal can show without diffing again.
        .target(name: "PolicyChanges", dependencies: ["PolicyCore", "PolicyModel", "PolicyMarkdown"]),
        // The checks of the contract: pure functions from the model to diagnostics.
        .target(name: "PolicyValidate", dependencies: ["PolicyCore", "PolicyModel", "PolicyMarkdown", "PolicyChanges"]),
        // Model → output files (HTML pages, sitemap, assets), in memory.
        .target(name: "PolicyRender", dependencies: [
            "PolicyCore", "PolicyModel", "PolicyMarkdown", "PolicySource", "PolicyChanges",
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "Yams", package: "Yams"),
        ]),
        // Linux's renameat2(RENAME_EXCHANGE) and syncfs, which Swift's Glibc module does not declare.
        .target(name: "CAtomicSwap"),
        // Edge: guards the output directory, writes the site beside it and swaps it in.
        .target(name: "PolicyWrite", dependencies: ["PolicyCore", "PolicyModel", "CAtomicSwap"]),
        // The named steps of a build, from directories to a written site.
        .target(name: "PolicyPipeline", dependencies: [
            "PolicyCore", "PolicyModel", "PolicySource", "PolicyValidate", "PolicyRender", "PolicyWrite",
            "PolicyChanges", "PolicyTheme",
        ]),
        // Edge: `serve`, the preview server: the site from memory over HTTP, a file watcher, the
        // incremental engine between them, live reload and the error overlay. NIOHTTP1 for the
        // handlers that guard each connection (timeouts, Host rule) below Hummingbird.
        .target(name: "PolicyServe", dependencies: [
            "PolicyPipeline", "PolicyModel", "PolicyCore", "PolicyMarkdown", "PolicySource", "PolicyTheme",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "policysite", dependencies: [
            "PolicyPipeline", "PolicyCore", "PolicyModel", "PolicyChanges", "PolicyServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // A deterministic generated site (policies × languages × versions) for the benchmark and
        // tests; depends on nothing but the parallel map, so it stays cheap to build.
        .target(name: "PolicyCorpus", dependencies: ["PolicyCore"]),
        // `swift run -c release policysite-bench`: times cmark alone (the floor), a cold build,
        // check and an incremental rebuild on a generated corpus (README, "Performance").
        .executableTarget(name: "policysite-bench", dependencies: [
            "PolicyCorpus", "PolicyMarkdown", "PolicyPipeline", "PolicyModel",
        ]),
        // libFuzzer over the whole path from bytes to pages (README, "Fuzzing"); built only with
        // `swift build --product policysite-fuzz --sanitize=fuzzer` (scripts/fuzz).
        .executableTarget(name: "policysite-fuzz", dependencies: [
            "PolicyCore", "PolicySource", "PolicyModel", "PolicyValidate", "PolicyChanges",
            "PolicyRender", "PolicyTheme",
        ]),
        .testTarget(
            name: "PolicysiteTests",
            dependencies: [
                "policysite", "PolicyPipeline", "PolicyCore", "PolicyModel", "PolicyMarkdown", "PolicySource",
                "PolicyValidate", "PolicyRender", "PolicyWrite", "PolicyChanges", "PolicyCorpus",
                "PolicyServe", "PolicyTheme",
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
