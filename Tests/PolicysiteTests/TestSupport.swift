import Foundation

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// `Tests/PolicysiteTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    /// The package root, where `Templates/` and `Content/` live.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Set `POLICYSITE_UPDATE_GOLDEN=1` to rewrite expected output from what the code produces.
    static var updateGolden: Bool { ProcessInfo.processInfo.environment["POLICYSITE_UPDATE_GOLDEN"] == "1" }

    /// A new empty directory under the system's temporary directory, removed when the test
    /// process exits (so a run leaves nothing in /tmp, whichever test made it).
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("policysite-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryDirectories.shared.add(url.path)
        return url
    }

    /// Runs `body` with a new empty directory and removes it afterwards, for tests that want it
    /// gone as soon as they finish rather than at exit.
    static func withTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let url = try temporaryDirectory()
        defer { TemporaryDirectories.shared.remove(url.path) }
        return try body(url)
    }

    /// Every regular file below `root`, as relative path → bytes.
    static func files(under root: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: rootPath) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = rootPath + "/" + relative
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = FileManager.default.contents(atPath: path)
            }
        }
        return result
    }

    /// The built `policysite` binary, beside the test bundle in the build products directory.
    static func binary() -> URL {
        var candidates: [URL] = []
        if let executable = Bundle.main.executableURL { candidates.append(executable.deletingLastPathComponent()) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent())
        candidates.append(URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent())
        candidates.append(packageRoot.appendingPathComponent(".build/debug"))
        for directory in candidates {
            var url = directory
            // Walk up out of a `.xctest` bundle if we are inside one.
            for _ in 0..<4 {
                let candidate = url.appendingPathComponent("policysite")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
                url = url.deletingLastPathComponent()
            }
        }
        return packageRoot.appendingPathComponent(".build/debug/policysite")
    }

    struct RunResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the real binary in `directory` and waits for it.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> RunResult {
        let process = Process()
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.executableURL = binary()
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return RunResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }
}


/// The directories `TestSupport.temporaryDirectory()` made and not yet removed. Removing them at
/// process exit (`atexit`) covers every caller without each test cleaning up after itself; a
/// crashed run leaves its directories, which is what one wants to look at then anyway.
final class TemporaryDirectories: @unchecked Sendable {
    static let shared: TemporaryDirectories = {
        let directories = TemporaryDirectories()
        atexit { TemporaryDirectories.shared.removeAll() }
        return directories
    }()

    private let lock = NSLock()
    private var paths: Set<String> = []

    func add(_ path: String) {
        lock.withLock { _ = paths.insert(path) }
    }

    func remove(_ path: String) {
        lock.withLock { _ = paths.remove(path) }
        try? FileManager.default.removeItem(atPath: path)
    }

    func removeAll() {
        let all = lock.withLock { () -> Set<String> in
            defer { paths.removeAll() }
            return paths
        }
        for path in all { try? FileManager.default.removeItem(atPath: path) }
    }
}
