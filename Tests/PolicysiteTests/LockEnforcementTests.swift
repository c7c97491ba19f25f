import Foundation
import PolicyCore
import PolicySource
import PolicyModel
import PolicyPipeline
@testable import PolicyValidate
import Testing

/// The lock is enforceable: a published file the lock lacks is an `unlocked` warning (so
/// `--strict` fails until `lock` is run), and a locked file whose only change is its line
/// endings or byte-order mark says so, and how to stop git converting them.
@Suite struct LockEnforcementTests {
    static let asOf = CalendarDate(iso: "2025-06-01")!

    /// terms 2024 (published), 2025 (published; French a draft), 2030 (upcoming), in en and fr.
    func diagnostics(lock: String?, replacing replacements: [String: [UInt8]] = [:], asOf: CalendarDate = asOf) throws -> [Diagnostic] {
        var files = PublishedLockTests.snapshot(lock: lock).files
        for (path, bytes) in replacements {
            files.removeAll { $0.path == path }
            files.append(SnapshotFile(path: path, bytes: bytes))
        }
        let parsed = SiteParser.parse(DirectorySnapshot(root: "Content", files: files))
        let site = try #require(parsed.site)
        return parsed.diagnostics + SiteValidator.validate(ValidationInput(site: site, asOf: asOf))
    }

    /// The lock `policysite lock` writes for the fixture as of `date`.
    func lock(asOf date: CalendarDate, replacing replacements: [String: [UInt8]] = [:]) throws -> String {
        var files = PublishedLockTests.snapshot().files
        for (path, bytes) in replacements {
            files.removeAll { $0.path == path }
            files.append(SnapshotFile(path: path, bytes: bytes))
        }
        let site = try #require(SiteParser.parse(DirectorySnapshot(root: "Content", files: files)).site)
        return PublishedLockFormat.render(LockPipeline.lockedEntries(site, asOf: date).entries)
    }

    func file(_ path: String) -> [UInt8] {
        PublishedLockTests.snapshot().files.first { $0.path == path }!.bytes
    }

    // MARK: unlocked

    @Test func aPublishedFileMissingFromTheLockIsAnUnlockedWarningAtItsFirstLine() throws {
        // Locked before the 2025 version took effect; checked after.
        let found = try diagnostics(lock: try lock(asOf: CalendarDate(iso: "2024-06-01")!))
        let unlocked = found.filter { $0.code == .unlocked }
        #expect(unlocked.count == 1)
        let warning = try #require(unlocked.first)
        #expect(warning.severity == .warning)
        #expect(warning.location == SourceLocation(file: "Content/terms/2025-01-01/en.md", line: 1, column: 1))
        #expect(warning.message.contains("'terms/2025-01-01/en.md'"))
        #expect(warning.message.contains("is not in Content/published.lock"))
        #expect(warning.message.contains("run policysite lock --as-of 2025-06-01"))
        #expect(DiagnosticCode.unlocked.name == "unlocked")
    }

    @Test func aSiteWithoutALockGetsNoUnlockedWarning() throws {
        #expect(try diagnostics(lock: nil).allSatisfy { $0.code != .unlocked })
    }

    @Test func draftsAndUpcomingVersionsAreNotFlagged() throws {
        // The lock of 2025-06-01 lacks the French draft of 2025 and the upcoming 2030 version.
        let locked = try lock(asOf: Self.asOf)
        #expect(!locked.contains("terms/2025-01-01/fr.md") && !locked.contains("terms/2030-01-01"))
        #expect(try diagnostics(lock: locked).allSatisfy { $0.code != .unlocked })
        // Once 2030 is in force, it is published and must be locked.
        let later = try diagnostics(lock: locked, asOf: CalendarDate(iso: "2030-01-01")!).filter { $0.code == .unlocked }
        #expect(later.count == 1)
        #expect(later.first?.location.file == "Content/terms/2030-01-01/en.md")
    }

    @Test func lockDoesNotReportTheWarningsItResolves() throws {
        let directory = try TestSupport.temporaryDirectory()
        try writeCleanSite(in: directory, lock: "# empty\n")
        let report = LockPipeline.lock(SiteOptions(contentDirectory: directory.appendingPathComponent("Content").path, asOf: Self.asOf))
        #expect(report.exitStatus == .success)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.added.map(\.description) == ["terms/2024-01-01/en.md", "terms/2025-01-01/en.md"])
    }

    /// A site with no other warning, so `--strict` fails for `unlocked` alone.
    func writeCleanSite(in directory: URL, lock: String?) throws {
        var files = [
            "Content/site.yml": "title: T\nbaseURL: https://example.com/\nlanguages: [en]\nrequired: []\n",
            "Content/terms/policy.yml": "title: { en: Terms }\n",
            "Content/terms/2024-01-01/en.md": "## Scope {#scope}\n\nOld.\n",
            "Content/terms/2025-01-01/en.md": "---\nsummary: New.\n---\n## Scope {#scope}\n\nNew.\n",
            "Content/terms/2030-01-01/en.md": "---\nsummary: Later.\n---\n## Scope {#scope}\n\nLater.\n",
        ]
        if let lock { files["Content/published.lock"] = lock }
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    @Test func strictCheckFailsUntilLockIsRun() throws {
        let directory = try TestSupport.temporaryDirectory()
        try writeCleanSite(in: directory, lock: nil)
        // Never locked: no warning.
        let unlockedSite = try TestSupport.run(["check", "--as-of", "2024-06-01", "--strict"], in: directory)
        #expect(unlockedSite.status == 0, "\(unlockedSite.stderr)")
        let locked = try TestSupport.run(["lock", "--as-of", "2024-06-01"], in: directory)
        #expect(locked.status == 0, "\(locked.stderr)")

        // The 2025 version takes effect: --strict fails until it is locked.
        let strict = try TestSupport.run(["check", "--as-of", "2025-06-01", "--strict"], in: directory)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("Content/terms/2025-01-01/en.md:1:1: warning: published version file 'terms/2025-01-01/en.md'"))
        #expect(strict.stderr.contains("[unlocked]"))
        let lenient = try TestSupport.run(["check", "--as-of", "2025-06-01"], in: directory)
        #expect(lenient.status == 0, "a warning fails only with --strict")
        let json = try TestSupport.run(["check", "--as-of", "2025-06-01", "--format", "json"], in: directory)
        #expect(json.stdout.contains("\"code\": \"unlocked\"") || json.stdout.contains("\"code\":\"unlocked\""), "\(json.stdout)")

        let relock = try TestSupport.run(["lock", "--as-of", "2025-06-01"], in: directory)
        #expect(relock.status == 0, "\(relock.stderr)")
        #expect(!relock.stderr.contains("unlocked"))
        let after = try TestSupport.run(["check", "--as-of", "2025-06-01", "--strict"], in: directory)
        #expect(after.status == 0, "\(after.stderr)")
    }

    // MARK: line endings and byte-order marks

    static let path = "terms/2024-01-01/en.md"

    func changed(lockedFrom locked: [UInt8], now current: [UInt8]) throws -> Diagnostic {
        let lockText = try lock(asOf: Self.asOf, replacing: [Self.path: locked])
        let found = try diagnostics(lock: lockText, replacing: [Self.path: current]).filter { $0.code == .publishedChanged }
        #expect(found.count == 1)
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error, "published files never change: still an error")
        #expect(diagnostic.location.file == "Content/\(Self.path)")
        return diagnostic
    }

    func crlf(_ bytes: [UInt8]) -> [UInt8] {
        bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    @Test func aLockedFileCheckedOutWithCRLFSaysItDiffersOnlyInLineEndings() throws {
        let original = file(Self.path)
        let message = try changed(lockedFrom: original, now: crlf(original)).message
        #expect(message.contains("differs from Content/published.lock only in its line endings (CRLF/LF)"))
        #expect(message.contains("CRLF where the locked file had LF"))
        #expect(message.contains("add the line 'Content/** -text' to .gitattributes"))
        #expect(message.contains("rm Content/\(Self.path) && git checkout -- Content/\(Self.path)"))
        #expect(!message.contains("policysite new"), "not a change of text")
    }

    @Test func aFileLockedWithCRLFAndNowLFSaysSoToo() throws {
        let original = file(Self.path)
        let message = try changed(lockedFrom: crlf(original), now: original).message
        #expect(message.contains("only in its line endings (CRLF/LF): its line endings are LF where the locked file had CRLF"))
        #expect(message.contains("'Content/** -text'"))
    }

    @Test func anAddedOrRemovedByteOrderMarkIsNamed() throws {
        let original = file(Self.path)
        let added = try changed(lockedFrom: original, now: Self.bom + original).message
        #expect(added.contains("only in a byte-order mark: it now starts with a UTF-8 byte-order mark (EF BB BF)"))
        #expect(added.contains("save as UTF-8 without BOM"))
        let removed = try changed(lockedFrom: Self.bom + original, now: original).message
        #expect(removed.contains("only in a byte-order mark: it lacks the UTF-8 byte-order mark"))
        let both = try changed(lockedFrom: original, now: Self.bom + crlf(original)).message
        #expect(both.contains("only in its line endings (CRLF/LF) and a byte-order mark"))
    }

    @Test func theGitAttributesLineNamesTheContentFolder() {
        let crlf = EncodingDifference(lineEndings: .nowCRLF, byteOrderMark: .same)
        #expect(PublishedCheck.encodingMessage(crlf, file: "policies/a/2024-01-01/en.md", lock: "policies/published.lock").contains("'policies/** -text'"))
        // An absolute or outside path is no .gitattributes pattern: the usual one is given.
        #expect(PublishedCheck.encodingMessage(crlf, file: "/x/a/2024-01-01/en.md", lock: "/x/published.lock").contains("'Content/** -text'"))
        #expect(PublishedCheck.encodingMessage(crlf, file: "../x/a/2024-01-01/en.md", lock: "../x/published.lock").contains("'Content/** -text'"))
    }

    @Test func aRealEditIsStillAChangeOfText() throws {
        let original = file(Self.path)
        let message = try changed(lockedFrom: original, now: crlf(original + Array("More.\n".utf8))).message
        #expect(message.hasPrefix("published file changed after it was locked"))
        #expect(message.contains("policysite new terms"))
    }

    @Test func onlyMismatchedLockedFilesAreHashedAgain() throws {
        let original = file(Self.path)
        let lockText = try lock(asOf: Self.asOf)
        let snapshot = DirectorySnapshot(root: "Content", files: PublishedLockTests.snapshot(lock: lockText).files.filter { $0.path != Self.path }
            + [SnapshotFile(path: Self.path, bytes: crlf(original))])
        let site = try #require(SiteParser.parse(snapshot).site)
        for (path, file) in site.sourceFiles {
            #expect(file.encodingVariants.isEmpty == (path.description != Self.path), "\(path)")
        }
    }
}
