import PolicyCore
import PolicySource
import PolicyModel
import PolicyPipeline
import Testing

/// The `published.lock` format and what `lock` adds to it, without the file system.
@Suite struct PublishedLockTests {
    static let digestA = SourceHasher.sha256(Array("a".utf8))
    static let digestB = SourceHasher.sha256(Array("b".utf8))

    func entry(_ path: String, _ digest: SourceDigest) -> PublishedLock.Entry {
        PublishedLock.Entry(path: VersionFilePath(path)!, digest: digest, file: "Content/" + path)
    }

    func parse(_ text: String) -> (PublishedLock, [Diagnostic]) {
        PublishedLockFormat.parse(text, file: "Content/published.lock", displayPath: { "Content/" + $0 })
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SourceHasher.sha256([]).hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SourceHasher.sha256(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func versionFilePathsAreExactlyPolicyDateLanguage() {
        #expect(VersionFilePath("privacy/2024-03-01/zh-Hans.md")?.description == "privacy/2024-03-01/zh-Hans.md")
        for bad in ["privacy/2024-03-01/en.txt", "privacy/2024-3-1/en.md", "Privacy/2024-03-01/en.md", "../privacy/2024-03-01/en.md",
                    "privacy/2024-03-01/en.md/x", "/privacy/2024-03-01/en.md", "privacy//en.md", "privacy/2024-02-30/en.md", ""] {
            #expect(VersionFilePath(bad) == nil, "\(bad)")
        }
    }

    @Test func renderSortsAndReadsBackTheSameEntries() {
        let entries = [entry("terms/2025-01-01/en.md", Self.digestB), entry("privacy/2024-03-01/zh-Hans.md", Self.digestA), entry("privacy/2024-03-01/en.md", Self.digestB)]
        let text = PublishedLockFormat.render(entries)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(lines == [
            "sha256:\(Self.digestB.hex)  privacy/2024-03-01/en.md",
            "sha256:\(Self.digestA.hex)  privacy/2024-03-01/zh-Hans.md",
            "sha256:\(Self.digestB.hex)  terms/2025-01-01/en.md",
        ])
        let (lock, problems) = parse(text)
        #expect(problems.isEmpty)
        #expect(lock.entries.map(\.path.description) == ["privacy/2024-03-01/en.md", "privacy/2024-03-01/zh-Hans.md", "terms/2025-01-01/en.md"])
        #expect(lock.entries.map(\.digest) == [Self.digestB, Self.digestA, Self.digestB])
        #expect(lock.entries.first?.file == "Content/privacy/2024-03-01/en.md")
        // The header's comment lines come first, so the first entry is on the line after them.
        let headerLines = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.count
        #expect(lock.entries.first?.location == SourceLocation(file: "Content/published.lock", line: headerLines + 1, column: 74))
        // Idempotent: the same entries, in any order, give the same bytes.
        #expect(PublishedLockFormat.render(lock.entries) == text)
        #expect(PublishedLockFormat.render(entries.reversed()) == text)
    }

    @Test func readerAcceptsWhatPeopleAndGitDo() {
        // CRLF, blank and comment lines, indentation, upper-case hex, a tab, trailing spaces.
        let (lock, problems) = parse("# comment\r\n\r\n  sha256:\(Self.digestA.hex.uppercased())\tprivacy/2024-03-01/en.md  \r\n")
        #expect(problems.isEmpty)
        #expect(lock.entries.map(\.digest) == [Self.digestA])
        #expect(lock.entries.first?.location?.line == 3)
        #expect(lock.entries.first?.location?.column == 75)
    }

    @Test func emptyLockHasNoEntries() {
        #expect(parse("").0.entries.isEmpty)
        #expect(parse("").1.isEmpty)
        #expect(parse(PublishedLockFormat.render([])).1.isEmpty)
    }

    @Test func hostileLockIsReportedLineByLineQuickly() {
        // Long lines, control bytes, non-ASCII, many lines: each bad line is one diagnostic.
        var text = ""
        for index in 0..<20_000 {
            text += index % 2 == 0 ? "sha256:" + String(repeating: "é", count: 50) + "  x\n" : "\u{0}\u{7}" + String(repeating: "z", count: 500) + "\n"
        }
        let start = ContinuousClock.now
        let (lock, problems) = parse(text)
        #expect(lock.entries.isEmpty)
        #expect(problems.count == 20_000)
        #expect(problems.allSatisfy { $0.code == .publishedLock && $0.location.line != nil && $0.location.column != nil })
        #expect(ContinuousClock.now - start < .seconds(5))
        // A non-hex character is quoted whole, even when it takes several bytes.
        #expect(problems.first?.message.hasPrefix("'é' is not a hexadecimal digit") == true)
    }

    @Test func lockThatIsNotUTF8IsReportedWithItsPosition() {
        let snapshot = DirectorySnapshot(root: "Content", files: Self.snapshot().files + [SnapshotFile(path: "published.lock", bytes: Array("# ok\nsha256:".utf8) + [0xC3, 0x28])])
        let parsed = SiteParser.parse(snapshot)
        #expect(parsed.diagnostics.map(\.code) == [.publishedLock])
        #expect(parsed.diagnostics.first?.location == SourceLocation(file: "Content/published.lock", line: 2, column: 8))
        #expect(parsed.diagnostics.first?.message.contains("git checkout -- Content/published.lock") == true)
        #expect(parsed.site?.publishedLock?.entries.isEmpty == true)
    }

    // MARK: What lock adds

    /// A two-language site: terms 2024 (published), 2025 (published, French a draft), 2030 (upcoming).
    static func snapshot(lock: String? = nil) -> DirectorySnapshot {
        var files = [
            SnapshotFile(path: "site.yml", text: "title: T\nbaseURL: https://example.com/\nlanguages: [en, fr]\n"),
            SnapshotFile(path: "terms/2024-01-01/en.md", text: "## Scope {#scope}\n\nOld.\n"),
            SnapshotFile(path: "terms/2024-01-01/fr.md", text: "## Portée {#scope}\n\nAncien.\n"),
            SnapshotFile(path: "terms/2025-01-01/en.md", text: "---\nsummary: New.\n---\n## Scope {#scope}\n\nNew.\n"),
            SnapshotFile(path: "terms/2025-01-01/fr.md", text: "---\ndraft: true\n---\n## Portée {#scope}\n\nNouveau.\n"),
            SnapshotFile(path: "terms/2030-01-01/en.md", text: "---\nsummary: Later.\n---\n## Scope {#scope}\n\nLater.\n"),
        ]
        if let lock { files.append(SnapshotFile(path: "published.lock", text: lock)) }
        return DirectorySnapshot(root: "Content", files: files)
    }

    func site(lock: String? = nil) throws -> Site {
        let parsed = SiteParser.parse(Self.snapshot(lock: lock))
        #expect(parsed.diagnostics.isEmpty)
        return try #require(parsed.site)
    }

    @Test func lockAddsPublishedFilesButNotDraftsOrUpcomingVersions() throws {
        let (entries, added) = LockPipeline.lockedEntries(try site(), asOf: CalendarDate(iso: "2025-06-01")!)
        #expect(added.map(\.description) == ["terms/2024-01-01/en.md", "terms/2024-01-01/fr.md", "terms/2025-01-01/en.md"])
        #expect(entries.first { $0.path.description == "terms/2024-01-01/en.md" }?.digest == SourceHasher.sha256(Array("## Scope {#scope}\n\nOld.\n".utf8)))
    }

    @Test func lockingAgainAddsNothingAndAnEarlierDateUnlocksNothing() throws {
        let asOf = CalendarDate(iso: "2025-06-01")!
        let first = PublishedLockFormat.render(LockPipeline.lockedEntries(try site(), asOf: asOf).entries)
        let again = LockPipeline.lockedEntries(try site(lock: first), asOf: asOf)
        #expect(again.added.isEmpty)
        #expect(PublishedLockFormat.render(again.entries) == first)
        let earlier = LockPipeline.lockedEntries(try site(lock: first), asOf: CalendarDate(iso: "2020-01-01")!)
        #expect(earlier.added.isEmpty)
        #expect(PublishedLockFormat.render(earlier.entries) == first)
        // A later date adds the newly published version and keeps the rest.
        let later = LockPipeline.lockedEntries(try site(lock: first), asOf: CalendarDate(iso: "2030-01-01")!)
        #expect(later.added.map(\.description) == ["terms/2030-01-01/en.md"])
        #expect(later.entries.count == 4)
    }

    @Test func theSiteRecordsTheDigestOfEveryVersionFileEvenOneThatFailsToParse() throws {
        let snapshot = DirectorySnapshot(root: "Content", files: Self.snapshot().files + [SnapshotFile(path: "terms/2026-01-01/en.md", bytes: [0xFF, 0xFE])])
        let parsed = SiteParser.parse(snapshot)
        #expect(parsed.diagnostics.map(\.code) == [.encoding])
        let digest = parsed.site?.sourceFiles[VersionFilePath("terms/2026-01-01/en.md")!]
        #expect(digest == HashedFile(file: "Content/terms/2026-01-01/en.md", digest: SourceHasher.sha256([0xFF, 0xFE])))
    }
}
