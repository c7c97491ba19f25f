import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `build` replaces only what it wrote: each refused `--output` leaves every file as it was.
@Suite struct OutputSafetyTests {
    /// A user's project: the sample content and templates, a README, a folder of their own
    /// documents, and a file named `Output`.
    func project() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        let manager = FileManager.default
        try manager.copyItem(at: TestSupport.fixtures.appendingPathComponent("sites/basic/Content"), to: directory.appendingPathComponent("Content"))
        try manager.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: directory.appendingPathComponent("Templates"))
        try Data("# My project\n".utf8).write(to: directory.appendingPathComponent("README.md"))
        try manager.createDirectory(at: directory.appendingPathComponent("mydocs"), withIntermediateDirectories: true)
        try Data("my own notes\n".utf8).write(to: directory.appendingPathComponent("mydocs/notes.txt"))
        return directory
    }

    /// Every file and folder below `root` (links not followed), with the bytes of each file.
    static func tree(_ root: URL) throws -> [String: Data?] {
        var result: [String: Data?] = [:]
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: root.path) else { return [:] }
        while let relative = enumerator.nextObject() as? String {
            let path = root.path + "/" + relative
            let attributes = try manager.attributesOfItem(atPath: path)
            result[relative] = attributes[.type] as? FileAttributeType == .typeRegular ? manager.contents(atPath: path) : nil
        }
        return result
    }

    static let refusals: [(output: String, expected: String)] = [
        ("mydocs", "error: the output 'mydocs' is a non-empty directory that policysite did not write (it has no .policysite file); building would delete its 1 entry. Choose an empty or new directory, or pass --force to replace it [output]"),
        ("Content/terms", "error: the output 'Content/terms' lies inside the content directory 'Content'"),
        ("Content", "error: the output 'Content' is the content directory 'Content'"),
        ("Templates/pages", "error: the output 'Templates/pages' lies inside the templates directory 'Templates'"),
        ("README.md", "error: the output 'README.md' exists and is not a directory"),
        ("Output", "error: the output 'Output' exists and is not a directory"),
        (".", "error: the output '.' holds the content directory 'Content'"),
        ("mydocs/../Content/./terms", "lies inside the content directory 'Content'"),
        ("/", "error: the output '/' is the file system root"),
    ]

    @Test(arguments: 0..<refusals.count)
    func refusedOutputLeavesEveryFileAsItWas(index: Int) throws {
        let (output, expected) = Self.refusals[index]
        let directory = try project()
        try Data("a file, not a site\n".utf8).write(to: directory.appendingPathComponent("Output"))
        let before = try Self.tree(directory)
        for force in [false, true] where !(force && output == "mydocs") {
            let result = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", output] + (force ? ["--force"] : []), in: directory)
            #expect(result.status == 2, "\(output) force=\(force): \(result.stderr)")
            #expect(result.stderr.contains(expected), "\(result.stderr)")
            #expect(try Self.tree(directory) == before, "\(output) force=\(force) changed the project")
        }
    }

    @Test func homeDirectoryIsRefused() throws {
        let directory = try project()
        let home = directory.appendingPathComponent("mydocs")
        let before = try Self.tree(directory)
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", "mydocs", "--force"], in: directory, environment: ["HOME": home.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: the output 'mydocs' is your home directory"))
        let parent = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", ".", "--force"], in: home, environment: ["HOME": home.path + "/inner"])
        #expect(parent.status == 2)
        #expect(try Self.tree(directory) == before)
    }

    @Test func outputThroughALinkIntoTheContentIsRefused() throws {
        let directory = try project()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("site").path, withDestinationPath: "Content/terms")
        let before = try Self.tree(directory)
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", "site"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("lies inside the content directory 'Content'"), "\(result.stderr)")
        #expect(try Self.tree(directory) == before)
    }

    @Test func forceReplacesAForeignDirectoryAndMarksIt() throws {
        let directory = try project()
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", "mydocs", "--force"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let files = try TestSupport.files(under: directory.appendingPathComponent("mydocs"))
        #expect(files["notes.txt"] == nil)
        #expect(files["en/terms/index.html"] != nil)
        #expect(String(decoding: files[".policysite"] ?? Data(), as: UTF8.self).hasPrefix("policysite output directory\n"))
        // Marked as policysite's own, the next build replaces it without --force.
        #expect(try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", "mydocs"], in: directory).status == 0)
    }

    @Test func emptyDirectoryIsUsed() throws {
        let directory = try project()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("public"), withIntermediateDirectories: true)
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", "public"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("public/index.html").path))
    }

    @Test func leftoversOfKilledBuildsAreRemovedButNotThoseOfRunningOnes() throws {
        let directory = try project()
        // A process that has ended: its pid is free.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let manager = FileManager.default
        let abandoned = [".Output.policysite-new-\(ended.processIdentifier)-0badc0de", ".Output.policysite-old-\(ended.processIdentifier)-0badc0df"]
        // pid 1 always runs: a concurrent build's staging directory stays.
        let running = ".Output.policysite-new-1-0badc0da"
        for name in abandoned + [running] {
            try manager.createDirectory(at: directory.appendingPathComponent(name + "/en"), withIntermediateDirectories: true)
        }
        #expect(try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory).status == 0)
        let names = try manager.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == [running, "Content", "Output", "README.md", "Templates", "mydocs"].sorted())
    }

    /// Two runs of the binary have different hash seeds; the output must not depend on them.
    @Test func separateProcessesWriteByteIdenticalSites() throws {
        let directory = try TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Content"), to: directory.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: directory.appendingPathComponent("Templates"))
        for output in ["one", "two"] {
            let result = try TestSupport.run(["build", "--as-of", "2026-11-21", "--output", output], in: directory)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let one = try TestSupport.files(under: directory.appendingPathComponent("one"))
        let two = try TestSupport.files(under: directory.appendingPathComponent("two"))
        #expect(one.count > 30)
        #expect(one == two)
    }
}
