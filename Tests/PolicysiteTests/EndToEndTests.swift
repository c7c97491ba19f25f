import Foundation
import Testing

/// Runs the real `policysite` binary, as a user or CI would.
@Suite struct EndToEndTests {
    /// A copy of the basic fixture in a temporary directory, with the real templates.
    func workspace() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("sites/basic/Content"), to: directory.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: directory.appendingPathComponent("Templates"))
        return directory
    }

    @Test func buildWritesTheSiteAndExitsZero() throws {
        let directory = try workspace()
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Built 24 pages into Output/"))
        let files = try TestSupport.files(under: directory.appendingPathComponent("Output"))
        let page = String(decoding: files["en/terms/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(page.contains("Effective January 1, 2025"))
        #expect(files["ar/terms/versions/index.html"] != nil)
        // No staging or retired directories are left beside Output/.
        let siblings = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(siblings == ["Content", "Output", "Templates"])
    }

    @Test func brokenContentExitsOneAndKeepsThePreviousSite() throws {
        let directory = try workspace()
        #expect(try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory).status == 0)
        let before = try TestSupport.files(under: directory.appendingPathComponent("Output"))
        try Data("---\ntitle: [oops\n---\nText\n".utf8).write(to: directory.appendingPathComponent("Content/terms/2025-01-01/en.md"))

        let result = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/terms/2025-01-01/en.md:3:1: error: invalid YAML in front matter"))
        #expect(try TestSupport.files(under: directory.appendingPathComponent("Output")) == before)
    }

    @Test func jsonAndGitHubFormats() throws {
        let directory = try workspace()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("Content/terms/someday"), withIntermediateDirectories: true)
        try Data("Text\n".utf8).write(to: directory.appendingPathComponent("Content/terms/someday/en.md"))

        let json = try TestSupport.run(["build", "--as-of", "2025-06-01", "--format", "json"], in: directory)
        #expect(json.status == 1)
        // The basic site's deliberate raw HTML and missing translations add warnings and notes.
        let parsed = (try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])?.filter { $0["severity"] as? String == "error" }
        #expect(parsed?.count == 1)
        #expect(parsed?.first?["code"] as? String == "not-a-date")
        #expect(parsed?.first?["file"] as? String == "Content/terms/someday")
        #expect(parsed?.first?["severity"] as? String == "error")

        let github = try TestSupport.run(["build", "--as-of", "2025-06-01", "--format", "github"], in: directory)
        #expect(github.stdout.contains("::error file=Content/terms/someday,title=not-a-date::version folder 'someday' is not a date"))
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() throws {
        let directory = try workspace()
        let draft = directory.appendingPathComponent("Content/terms/2031-01-01")
        try FileManager.default.createDirectory(at: draft, withIntermediateDirectories: true)
        try Data("---\ndraft: true\nsummary: Work in progress.\n---\n\n## Scope {#scope}\n\nDraft text.\n\n## Contact {#contact}\n\nWrite to us.\n".utf8).write(to: draft.appendingPathComponent("en.md"))

        #expect(try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory).status == 0)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/en/terms/2031-01-01/index.html").path))
        #expect(try TestSupport.run(["build", "--as-of", "2025-06-01", "--drafts"], in: directory).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/en/terms/2031-01-01/index.html").path))
    }

    /// The site's strings file overrides the built-in one key by key; removing it leaves the
    /// built-in English whole.
    @Test func siteStringsOverrideTheBuiltInOnesKeyByKey() throws {
        let directory = try workspace()
        try Data("allVersions: Every version we published\n".utf8).write(to: directory.appendingPathComponent("Templates/strings/en.yml"))
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("[ui-strings]"), "\(result.stderr)")
        let page = try String(contentsOf: directory.appendingPathComponent("Output/en/terms/index.html"), encoding: .utf8)
        #expect(page.contains("Every version we published"))
        #expect(page.contains("Skip to content"))
    }

    @Test func usageErrorsExitTwo() throws {
        let directory = try workspace()
        let badDate = try TestSupport.run(["build", "--as-of", "2025-13-01"], in: directory)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
        #expect(try TestSupport.run(["build", "--no-such-flag"], in: directory).status == 2)
        #expect(try TestSupport.run(["build", "--content", "Missing"], in: directory).status == 2)
        // The output is replaced whole: it may not be the directory that holds the content.
        let dangerous = try TestSupport.run(["build", "--as-of", "2025-06-01", "--output", "."], in: directory)
        #expect(dangerous.status == 2)
        #expect(dangerous.stderr.contains("would replace it"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Content/site.yml").path))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output").path))
    }

    @Test func helpExplainsTheCommands() throws {
        let result = try TestSupport.run(["build", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0)
        for flag in ["--content", "--templates", "--output", "--as-of", "--drafts", "--strict", "--format"] {
            #expect(result.stdout.contains(flag), "\(flag)")
        }
    }
}
