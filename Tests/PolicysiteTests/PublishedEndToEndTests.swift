import Foundation
import Testing

/// `lock` and `new` through the real binary, on copies of the fixture and sample sites.
@Suite struct PublishedEndToEndTests {
    /// A copy of `Content/` (the basic fixture, or the sample site at the package root) and the
    /// real templates, in a temporary directory.
    func workspace(sample: Bool = false) throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        let content = sample ? TestSupport.packageRoot.appendingPathComponent("Content") : TestSupport.fixtures.appendingPathComponent("sites/basic/Content")
        try FileManager.default.copyItem(at: content, to: directory.appendingPathComponent("Content"))
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: directory.appendingPathComponent("Templates"))
        return directory
    }

    func read(_ path: String, in directory: URL) -> String? {
        FileManager.default.contents(atPath: directory.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func lockTwiceGivesTheSameBytesAndAChangedFileThenFailsTheCheck() throws {
        let directory = try workspace()
        let first = try TestSupport.run(["lock", "--as-of", "2025-06-01"], in: directory)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("Locked 5 files published as of 2025-06-01 in Content/published.lock"))
        #expect(first.stdout.contains("  terms/2025-01-01/en.md\n"))
        #expect(!first.stdout.contains("terms/2030-01-01"), "an upcoming version is not published")
        let locked = try #require(read("Content/published.lock", in: directory))

        let second = try TestSupport.run(["lock", "--as-of", "2025-06-01"], in: directory)
        #expect(second.status == 0)
        #expect(second.stdout.hasPrefix("Nothing to add"))
        #expect(read("Content/published.lock", in: directory) == locked)
        // No temporary file is left beside the lock.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("Content").path).sorted() == ["privacy", "published.lock", "site.yml", "terms"])
        // The lock itself raises nothing (the fixture's own warnings, raw HTML and the like, stay).
        let afterLock = try TestSupport.run(["check", "--as-of", "2025-06-01", "--format", "json"], in: directory)
        #expect(afterLock.status == 0)
        #expect(!afterLock.stdout.contains("published-"))

        // Edit a published file: check fails and names it; lock refuses and leaves the lock alone.
        let edited = directory.appendingPathComponent("Content/terms/2024-01-01/en.md")
        try Data((read("Content/terms/2024-01-01/en.md", in: directory)! + "\nOne more sentence.\n").utf8).write(to: edited)
        let check = try TestSupport.run(["check", "--as-of", "2025-06-01"], in: directory)
        #expect(check.status == 1)
        #expect(check.stderr.contains("Content/terms/2024-01-01/en.md: error: published file changed after it was locked"))
        #expect(check.stderr.contains("policysite new terms [published-changed]"))
        let relock = try TestSupport.run(["lock", "--as-of", "2030-06-01"], in: directory)
        #expect(relock.status == 1)
        #expect(relock.stderr.contains("Not locked"))
        #expect(read("Content/published.lock", in: directory) == locked)
    }

    @Test func newStartsADraftThatTheSampleSiteStillPasses() throws {
        let directory = try workspace(sample: true)
        let created = try TestSupport.run(["new", "privacy", "--effective", "2027-06-01"], in: directory)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Created Content/privacy/2027-06-01/ from the version of 2027-01-15:\n"))
        #expect(created.stdout.contains("Delete the line 'draft: true'"))
        for language in ["en", "zh-Hans", "ar"] {
            let text = try #require(read("Content/privacy/2027-06-01/\(language).md", in: directory))
            #expect(text.hasPrefix("---\nsummary: \"\"  # TODO: say what changed since 2027-01-15, for readers\ndraft: true"), "\(language)")
            // The body is the latest version's, byte for byte.
            let previous = try #require(read("Content/privacy/2027-01-15/\(language).md", in: directory))
            #expect(text.components(separatedBy: "\n---\n").last == previous.components(separatedBy: "\n---\n").last)
        }
        let check = try TestSupport.run(["check", "--as-of", "2026-11-21"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")

        // Again: the folder exists, so nothing is touched.
        let before = try TestSupport.files(under: directory.appendingPathComponent("Content"))
        let again = try TestSupport.run(["new", "privacy", "--effective", "2027-06-01"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("error: Content/privacy/2027-06-01 already exists; nothing was changed"))
        #expect(try TestSupport.files(under: directory.appendingPathComponent("Content")) == before)

        // A draft is never locked, even once its date has passed.
        let lock = try TestSupport.run(["lock", "--as-of", "2027-07-01"], in: directory)
        #expect(lock.status == 0, "\(lock.stderr)")
        #expect(lock.stdout.contains("privacy/2027-01-15/en.md"))
        #expect(!lock.stdout.contains("2027-06-01"))
    }

    @Test func newRefusesUnknownPoliciesAndEarlyDates() throws {
        let directory = try workspace()
        let unknown = try TestSupport.run(["new", "cookies", "--effective", "2031-01-01"], in: directory)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("there is no policy 'cookies' in Content; the policies are privacy, terms"))
        // terms: 2024-01-01, 2025-01-01 (in force on 2025-06-01), 2030-01-01 (upcoming).
        let early = try TestSupport.run(["new", "terms", "--effective", "2024-06-01", "--as-of", "2025-06-01"], in: directory)
        #expect(early.status == 2)
        #expect(early.stderr.contains("error: the new version must take effect after the version of 'terms' in force on 2025-06-01, 2025-01-01; 2024-06-01 is not after it."), "\(early.stderr)")
        #expect(try TestSupport.run(["new", "terms", "--effective", "someday"], in: directory).status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Content/terms/2024-06-01").path))
    }

    @Test func newAllowsAnUrgentVersionBeforeAnUpcomingOneAndSaysWhatFollowsIt() throws {
        let directory = try workspace()
        // terms: 2025-01-01 is in force on 2025-06-01 and 2030-01-01 is announced.
        let created = try TestSupport.run(["new", "terms", "--effective", "2025-07-01", "--as-of", "2025-06-01"], in: directory)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout.hasPrefix("Created Content/terms/2025-07-01/ from the version of 2025-01-01:\n"), "\(created.stdout)")
        #expect(created.stderr == "note: the upcoming version of 2030-01-01 (Content/terms/2030-01-01) now follows this one: it will change 2025-07-01 rather than the current version, 2025-01-01, so its summary may need updating, and its text needs this version's changes too if they are to last\n")
        // The text in force is copied, not the upcoming one: after the four lines of front matter
        // (the fixture's lines end in CRLF, which `new` keeps), byte for byte.
        let text = try #require(read("Content/terms/2025-07-01/en.md", in: directory))
        let current = try #require(read("Content/terms/2025-01-01/en.md", in: directory))
        // Split on the bytes: a String sees CRLF as one character, not a line feed.
        func body(_ text: String) -> [[UInt8]] { text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropFirst(4).map(Array.init) }
        #expect(body(text).count > 10)
        #expect(body(text) == body(current))
        #expect(text.contains("since 2025-01-01"))
        // The site with the new draft still checks, and the upcoming version is untouched.
        let check = try TestSupport.run(["check", "--as-of", "2025-06-01", "--format", "json"], in: directory)
        #expect(check.status == 0, "\(check.stdout)")
        // A date that already has a folder is still refused.
        let again = try TestSupport.run(["new", "terms", "--effective", "2030-01-01", "--as-of", "2025-06-01"], in: directory)
        #expect(again.status == 2)
        #expect(again.stderr.contains("error: Content/terms/2030-01-01 already exists; nothing was changed"))
    }
}
