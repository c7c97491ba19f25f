import Foundation
import PolicyCore
import PolicyModel
import PolicyPipeline
import Testing

/// Every link of the output verified: each site fixture, each case that builds and the sample
/// site are built (with and without drafts), and `OutputLinkChecker` walks every page, asserting
/// that every internal link reaches a file of the site and every `#fragment` an id of that page.
@Suite struct OutputLinkTests {
    /// A site to build: where its files come from, and how to build it.
    struct SiteUnderTest: CustomTestStringConvertible, Sendable {
        enum Source: Sendable {
            /// A folder holding `Content/` (the real templates are used).
            case folder(URL)
            /// A case file under `Fixtures/cases`.
            case siteCase(String)
        }
        var name: String
        var source: Source
        var asOf: String
        var drafts: Bool
        var testDescription: String { name + (drafts ? " --drafts" : "") }
    }

    /// Every site fixture, every case expected to build, and the sample site.
    static let sites: [SiteUnderTest] = {
        var sites: [SiteUnderTest] = []
        let siteRoot = TestSupport.fixtures.appendingPathComponent("sites")
        // Each fixture site is built as WholeSiteTests builds it.
        let fixtureAsOf = ["basic": "2025-06-01"]
        for name in ((try? FileManager.default.contentsOfDirectory(atPath: siteRoot.path)) ?? []).filter({ !$0.hasPrefix(".") }).sorted() {
            sites.append(SiteUnderTest(name: "sites/\(name)", source: .folder(siteRoot.appendingPathComponent(name)), asOf: fixtureAsOf[name] ?? "2025-06-01", drafts: false))
        }
        for file in SiteCaseTests.names {
            guard let text = try? String(contentsOf: SiteCaseTests.root.appendingPathComponent(file), encoding: .utf8),
                  let siteCase = try? SiteCase(name: file, text: text), siteCase.exit == 0 else { continue }
            sites.append(SiteUnderTest(name: "cases/\(file)", source: .siteCase(file), asOf: siteCase.asOf, drafts: false))
        }
        sites.append(SiteUnderTest(name: "sample Content/", source: .folder(TestSupport.packageRoot), asOf: "2026-11-21", drafts: false))
        return sites.flatMap { [$0, SiteUnderTest(name: $0.name, source: $0.source, asOf: $0.asOf, drafts: true)] }
    }()

    /// Builds `site` and checks every link of its output.
    static func checkLinks(of site: SiteUnderTest) throws -> OutputLinkChecker.Report {
        let workspace = try TestSupport.temporaryDirectory()
        defer { TemporaryDirectories.shared.remove(workspace.path) }
        let root: URL
        switch site.source {
        case .folder(let url):
            root = url
        case .siteCase(let file):
            let text = try String(contentsOf: SiteCaseTests.root.appendingPathComponent(file), encoding: .utf8)
            try SiteCase(name: file, text: text).write(into: workspace)
            root = workspace
        }
        let templates = root.appendingPathComponent("Templates")
        let output = workspace.appendingPathComponent("Output")
        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: root.appendingPathComponent("Content").path,
            templatesDirectory: FileManager.default.fileExists(atPath: templates.path) ? templates.path : TestSupport.packageRoot.appendingPathComponent("Templates").path,
            outputDirectory: output.path,
            asOf: try #require(CalendarDate(iso: site.asOf)),
            includeDrafts: site.drafts
        ))
        try #require(report.exitStatus == .success, "\(site.testDescription) does not build: \(report.diagnostics)")
        let siteYML = try String(contentsOf: root.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        let baseURL = try #require(siteYML.firstMatch(of: /(?m)^baseURL:\s*(\S+)/).map { String($0.output.1) })
        var checker = try OutputLinkChecker(output: output, baseURL: baseURL)
        return checker.check()
    }

    @Test(arguments: sites)
    func everyInternalLinkReachesAFileAndAnId(site: SiteUnderTest) throws {
        let report = try Self.checkLinks(of: site)
        print("output links: \(site.testDescription): \(report.pages) pages, \(report.indexes) sitemap/feed/json files, \(report.internalLinks) internal links (\(report.fragments) with a fragment), \(report.externalLinks) external skipped, \(report.broken.count) broken")
        #expect(report.pages > 3, "\(site.testDescription): too few pages to mean anything")
        #expect(report.internalLinks > report.pages, "\(site.testDescription)")
        #expect(report.broken.isEmpty, "\(site.testDescription): \(report)")
    }

    /// The new fixture shows what it says: the links that cross versions and languages are there
    /// (so the walk above checked them), not merely absent.
    @Test func theCrossPolicyFixtureHoldsTheLinksItIsAbout() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let text = try String(contentsOf: SiteCaseTests.root.appendingPathComponent("cross-policy-links.txt"), encoding: .utf8)
        try SiteCase(name: "cross-policy-links.txt", text: text).write(into: workspace)
        let output = workspace.appendingPathComponent("Output")
        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: workspace.appendingPathComponent("Content").path,
            templatesDirectory: workspace.appendingPathComponent("Templates").path,
            outputDirectory: output.path, asOf: CalendarDate(iso: "2025-06-01")!, includeDrafts: true))
        try #require(report.exitStatus == .success, "\(report.diagnostics)")
        let files = try TestSupport.files(under: output)
        func page(_ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }
        // Before the cookie policy existed: its first version, with the section only it has.
        #expect(page("en/privacy/2024-01-01/index.html").contains("href=\"../../../en/cookies/2024-06-01/#old-banner\""))
        // The privacy text in force on 2025-01-01 had #sharing; the current one does not.
        #expect(page("en/cookies/2025-01-01/index.html").contains("href=\"../../../en/privacy/2024-09-01/#sharing\""))
        #expect(!page("en/privacy/index.html").contains("id=\"sharing\""))
        // German lacks cookies 2025-01-01: its page shows the English text, linking German pages.
        let fallback = page("de/cookies/2025-01-01/index.html")
        #expect(fallback.contains("notice-fallback"))
        #expect(fallback.contains("href=\"../../../de/privacy/2024-09-01/#sharing\""))
        // French lacks privacy 2024-09-01: its change page of 2025-03-01 compares English, and
        // the English #questions leads to the English page (the French one has another anchor).
        let frenchChanges = page("fr/privacy/changes/2025-03-01/index.html")
        #expect(frenchChanges.contains("href=\"../../../../en/privacy/2025-03-01/#questions\""))
        #expect(page("fr/privacy/2025-03-01/index.html").contains("id=\"questions-fréquentes\""))
        // Drafts link drafts.
        #expect(page("en/privacy/2026-07-01/index.html").contains("href=\"../../../en/cookies/2026-06-01/#draft-only\""))
        // A policy with only a draft has pages with drafts, and none without (its versions
        // index linked a main page that did not exist).
        #expect(files["en/terms/index.html"] != nil)
        let published = workspace.appendingPathComponent("Published")
        let publishedReport = BuildPipeline.build(SiteOptions(
            contentDirectory: workspace.appendingPathComponent("Content").path,
            templatesDirectory: workspace.appendingPathComponent("Templates").path,
            outputDirectory: published.path, asOf: CalendarDate(iso: "2025-06-01")!))
        try #require(publishedReport.exitStatus == .success, "\(publishedReport.diagnostics)")
        let publishedFiles = try TestSupport.files(under: published)
        #expect(publishedFiles.keys.filter { $0.contains("terms") }.sorted() == [])
        #expect(!String(decoding: publishedFiles["sitemap.xml"] ?? Data(), as: UTF8.self).contains("terms"))
        // The 404 page links from baseURL's path.
        #expect(page("404.html").contains("href=\"/legal/en/\""))
    }

    /// Regression: in a build with drafts, a published text's `policy:cookies#retention` led to
    /// a draft of the cookie policy dated between the two (in force on the linking date among
    /// drafts), which lacks the section, while `check` had checked it against the published
    /// cookie text. A published text now links among published versions only, so its links are
    /// the same with and without drafts; a draft still links drafts.
    @Test func aPublishedTextLinksPublishedVersionsInABuildWithDrafts() throws {
        let directory = try TestSupport.temporaryDirectory()
        let files = [
            "site.yml": "title: T\nbaseURL: https://example.com/\nlanguages: [en]\n",
            "cookies/2024-01-01/en.md": "## Retention {#retention}\n\nA year.\n",
            "cookies/2025-01-01/en.md": "---\ndraft: true\nsummary: No retention section.\n---\n\n## Settings {#settings}\n\nOff.\n",
            "privacy/2024-01-01/en.md": "## Cookies {#cookies}\n\nKept as [retention](policy:cookies#retention) says.\n",
            "privacy/2025-06-01/en.md": "---\nsummary: Same link.\n---\n\n## Cookies {#cookies}\n\nKept as [retention](policy:cookies#retention) says.\n",
            "privacy/2025-09-01/en.md": "---\ndraft: true\nsummary: Draft links draft.\n---\n\n## Cookies {#cookies}\n\nSee [settings](policy:cookies#settings).\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent("Content/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        func build(drafts: Bool) throws -> [String: Data] {
            let output = directory.appendingPathComponent(drafts ? "Drafts" : "Output")
            let report = BuildPipeline.build(SiteOptions(
                contentDirectory: directory.appendingPathComponent("Content").path,
                templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
                outputDirectory: output.path, asOf: CalendarDate(iso: "2025-07-01")!, includeDrafts: drafts))
            try #require(report.exitStatus == .success, "\(report.diagnostics)")
            var checker = try OutputLinkChecker(output: output, baseURL: "https://example.com/")
            let links = checker.check()
            #expect(links.broken.isEmpty, "drafts: \(drafts): \(links)")
            return try TestSupport.files(under: output)
        }
        let published = try build(drafts: false)
        let withDrafts = try build(drafts: true)
        let page = "en/privacy/2025-06-01/index.html"
        for site in [published, withDrafts] {
            #expect(String(decoding: site[page] ?? Data(), as: UTF8.self).contains("href=\"../../../en/cookies/2024-01-01/#retention\""))
        }
        #expect(String(decoding: withDrafts["en/privacy/2025-09-01/index.html"] ?? Data(), as: UTF8.self).contains("href=\"../../../en/cookies/2025-01-01/#settings\""))
    }

    /// A published text links a version whose translation is a draft. Published, the German
    /// cookie page shows the English text, which has `#questions`; with drafts, that page shows
    /// the German draft, whose anchor is `#fragen`, so the German privacy page's link breaks in
    /// `serve` and `build --drafts` (and would on the site once the draft is published). The
    /// published site is right, so the build passes; `check` names the broken preview link in
    /// a note at the link, which is the one thing every link walk of the preview finds broken.
    @Test func aDraftTranslationOfALinkedVersionIsNamedByCheck() throws {
        let directory = try TestSupport.temporaryDirectory()
        let files = [
            "site.yml": "title: T\nbaseURL: https://example.com/\nlanguages: [en, de]\n",
            "cookies/policy.yml": "title: { en: Cookies, de: Cookies }\n",
            "privacy/policy.yml": "title: { en: Privacy, de: Datenschutz }\n",
            "cookies/2024-01-01/en.md": "## Questions\n\nAsk.\n",
            "cookies/2024-01-01/de.md": "---\ndraft: true\n---\n\n## Fragen\n\nFragen Sie.\n",
            "privacy/2024-01-01/en.md": "See [questions](policy:cookies#questions).\n",
            "privacy/2024-01-01/de.md": "Siehe [Fragen](policy:cookies#questions).\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent("Content/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        for drafts in [false, true] {
            let output = directory.appendingPathComponent(drafts ? "Drafts" : "Output")
            let report = BuildPipeline.build(SiteOptions(
                contentDirectory: directory.appendingPathComponent("Content").path,
                templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
                outputDirectory: output.path, asOf: CalendarDate(iso: "2025-06-01")!, includeDrafts: drafts))
            try #require(report.exitStatus == .success, "\(report.diagnostics)")
            var checker = try OutputLinkChecker(output: output, baseURL: "https://example.com/")
            let links = checker.check()
            if drafts {
                // Every broken link of the preview is one `check` reported: the German privacy
                // page's link (on its dated page and its main page, and their print URLs).
                #expect(!links.broken.isEmpty)
                #expect(links.broken.allSatisfy { $0.description.contains("#questions") && $0.description.hasPrefix("de/privacy/") }, "\(links)")
            } else {
                #expect(links.broken.isEmpty, "\(links)")
            }
            let notes = report.diagnostics.filter { $0.severity == .note && $0.code == .brokenLink }
            #expect(notes.map(\.location.file).map { $0.hasSuffix("Content/privacy/2024-01-01/de.md") } == [true], "\(report.diagnostics)")
            #expect(notes.first?.message.contains("goes nowhere in the de preview") == true)
            #expect(notes.first?.message.contains("cookies/2024-01-01/de.md is published") == true)
        }
    }

    // MARK: The checker itself

    static let miniSite: [String: Data] = [
        "index.html": Data("<!DOCTYPE html><html><head><link rel=\"canonical\" href=\"https://example.com/sub/\"></head><body id=\"top\"><a href=\"en/\">en</a></body></html>".utf8),
        "en/index.html": Data("<h2 id=\"a&amp;b\">x</h2><h2 id=\"联系\">y</h2><a href=\"../en/#a&amp;b\">ok</a><a href=\"#%E8%81%94%E7%B3%BB\">ok</a><a href=\"/sub/index.html#top\">ok</a>".utf8),
        "en/broken.html": Data("""
            <!-- <a href="commented-out/"> -->
            <a href='../nowhere/'>1</a><a href="#missing">2</a><a href="../en/#nope">3</a><a href="../en">4</a>
            <a href="https://example.com/sub/gone/">5</a><a href="/elsewhere/">6</a><a href="../../../x/">7</a>
            <link rel="stylesheet" href="../assets/missing.css"><img src="../img.png" alt=""><span data-print-url="https://example.com/sub/en/#zz">8</span>
            <a href="https://other.example/">external</a><a href="mailto:a@example.com">mail</a><a href="https://example.com/sub/">ok</a>
            <script>var s = "<a href='not-a-link/'>";</script>
            """.utf8),
    ]

    @Test func theCheckerPassesGoodLinksAndNamesEveryBrokenOne() {
        var checker = OutputLinkChecker(files: Self.miniSite, baseURL: "https://example.com/sub")
        let report = checker.check()
        #expect(report.pages == 3)
        #expect(report.externalLinks == 2)
        #expect(report.broken.map { "\($0.page) \($0.url)" } == [
            "en/broken.html ../nowhere/", "en/broken.html #missing", "en/broken.html ../en/#nope", "en/broken.html ../en",
            "en/broken.html https://example.com/sub/gone/", "en/broken.html /elsewhere/", "en/broken.html ../../../x/",
            "en/broken.html ../assets/missing.css", "en/broken.html ../img.png", "en/broken.html https://example.com/sub/en/#zz",
        ], "\(report)")
        #expect(report.internalLinks == 16)
    }

    @Test func theCheckerResolvesLikeABrowser() {
        let checker = OutputLinkChecker(files: [:], baseURL: "https://example.com/")
        #expect(checker.resolve("../../fr/privacy/", from: "en/privacy/index.html") == .page("fr/privacy/index.html", nil))
        #expect(checker.resolve("./", from: "en/index.html") == .page("en/index.html", nil))
        #expect(checker.resolve("#x", from: "en/index.html") == .page("en/index.html", "x"))
        #expect(checker.resolve("https://example.com", from: "en/index.html") == .page("index.html", nil))
        #expect(checker.resolve("//example.com/en/", from: "a.html") == .page("en/index.html", nil))
        #expect(checker.resolve("caf%C3%A9/#%C3%A9", from: "index.html") == .page("café/index.html", "é"))
        #expect(checker.resolve("http://example.com/", from: "index.html") == .external)
    }
}
