import Foundation
import PolicyModel
import PolicyPipeline
import Testing

/// The incremental engine, as Hugo's rebuild tests check theirs: which pages an edit re-renders,
/// and that the site after any sequence of edits is byte-identical to a fresh build.
@Suite struct EngineRebuildTests {
    /// A copy of the sample site (Content/ and Templates/) in a temporary directory.
    struct SampleSite {
        let root: URL
        var content: URL { root.appendingPathComponent("Content") }
        var templates: URL { root.appendingPathComponent("Templates") }

        init() throws {
            root = try TestSupport.temporaryDirectory()
            for folder in ["Content", "Templates"] {
                try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
            }
            // The sample's versions are locked; these tests edit them as an author edits a draft.
            try FileManager.default.removeItem(at: content.appendingPathComponent("published.lock"))
        }

        var options: SiteOptions {
            SiteOptions(contentDirectory: content.path, templatesDirectory: templates.path, asOf: CalendarDate(iso: "2026-11-21")!)
        }

        func path(_ relative: String) -> String { content.appendingPathComponent(relative).path }

        func text(_ relative: String) throws -> String { try String(contentsOfFile: path(relative), encoding: .utf8) }

        func write(_ relative: String, _ text: String) throws {
            let url = content.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        /// The paths where `files` differs from the site a new engine builds from what is on disk
        /// now: empty when the incremental site is right.
        func differencesFromFreshBuild(_ files: [String: OutputFile]) -> [String] {
            let engine = SiteEngine(options)
            let update = engine.build()
            #expect(update.succeeded, "fresh build failed: \(update.diagnostics.map(\.message))")
            return Set(files.keys).union(engine.files.keys).filter { files[$0] != engine.files[$0] }.sorted()
        }
    }

    @Test func aBodyEditReRendersOnlyThePagesShowingThatText() throws {
        let site = try SampleSite()
        let engine = SiteEngine(site.options)
        let first = engine.build()
        #expect(first.succeeded)
        #expect(first.renderedPages.count == 40)

        let file = "privacy/2025-09-01/en.md"
        try site.write(file, try site.text(file) + "\nWe also answer letters sent by post.\n")
        let update = engine.rebuild(changedPaths: [site.path(file)])
        #expect(update.succeeded)
        // The dated page, the policy's main page (2025-09-01 is current), and the two change
        // pages that compare this text: with 2024-03-01, and with the upcoming 2027-01-15.
        // The other languages have their own text, so none of their pages changes.
        #expect(update.renderedPages == [
            "en/privacy/2025-09-01/index.html",
            "en/privacy/changes/2025-09-01/index.html",
            "en/privacy/changes/2027-01-15/index.html",
            "en/privacy/index.html",
        ])
        // versions.json and the feed carry the text's SHA-256.
        #expect(update.changedFiles.contains("en/privacy/versions.json"))
        #expect(Set(update.changedFiles).isSubset(of: update.renderedPages + ["en/privacy/feed.xml", "en/privacy/versions.json"]))
        #expect(site.differencesFromFreshBuild(engine.files) == [])
    }

    @Test func aTextWithoutTranslationsReRendersTheLanguagesThatFallBackToIt() throws {
        let site = try SampleSite()
        let engine = SiteEngine(site.options)
        #expect(engine.build().succeeded)
        // cookies 2024-03-01 has no Arabic text: the Arabic pages show the English one.
        let file = "cookies/2024-03-01/en.md"
        try site.write(file, try site.text(file) + "\nBrowsers can block cookies.\n")
        let update = engine.rebuild(changedPaths: [site.path(file)])
        #expect(update.succeeded)
        #expect(update.renderedPages == [
            "ar/cookies/2024-03-01/index.html",
            "ar/cookies/changes/2026-02-01/index.html",
            "en/cookies/2024-03-01/index.html",
            "en/cookies/changes/2026-02-01/index.html",
        ])
        #expect(site.differencesFromFreshBuild(engine.files) == [])
    }

    @Test func aFrontMatterEditReRendersThePolicyAndTheListsThatNameIt() throws {
        let site = try SampleSite()
        let engine = SiteEngine(site.options)
        let first = engine.build()
        let file = "cookies/2026-02-01/en.md"
        let text = try site.text(file)
        try site.write(file, text.replacingOccurrences(of: "We replaced Metricly", with: "We retired Metricly"))
        let update = engine.rebuild(changedPaths: [site.path(file)])
        #expect(update.succeeded)
        let rendered = Set(update.renderedPages)
        // The summary shows on the versions index and the change page, and the front matter
        // decides titles and notices: every cookies page in every language is re-rendered, with
        // each language's list of policies; the language picker names no policy.
        #expect(rendered.isSuperset(of: ["en/cookies/2026-02-01/index.html", "ar/cookies/changes/2026-02-01/index.html", "zh-Hans/index.html"]))
        #expect(!rendered.contains("index.html"))
        #expect(rendered.count < first.renderedPages.count)
        #expect(site.differencesFromFreshBuild(engine.files) == [])
    }

    @Test func anyEditSequenceGivesTheFreshBuildsSite() throws {
        let site = try SampleSite()
        let engine = SiteEngine(site.options)
        #expect(engine.build().succeeded)
        let edits: [(String, () throws -> [String])] = [
            ("a new translation", {
                try site.write("cookies/2024-03-01/ar.md", try site.text("cookies/2026-02-01/ar.md"))
                return [site.path("cookies/2024-03-01/ar.md")]
            }),
            ("a new version folder", {
                try site.write("cookies/2026-06-01/en.md", try site.text("cookies/2026-02-01/en.md") + "\nA new paragraph.\n")
                return [site.path("cookies/2026-06-01")]
            }),
            // The cookie text now links to the privacy policy: its pages depend on when privacy
            // versions take effect, so the next edit must re-render them (a plan kept from before
            // the link would miss them).
            ("a new link to another policy", {
                try site.write("cookies/2026-02-01/en.md", try site.text("cookies/2026-02-01/en.md") + "\nSee also [our privacy policy](policy:privacy#contact).\n")
                return [site.path("cookies/2026-02-01/en.md")]
            }),
            ("a new version of the linked policy", {
                try site.write("privacy/2026-10-01/en.md", try site.text("privacy/2025-09-01/en.md") + "\nA clarification.\n")
                return [site.path("privacy/2026-10-01")]
            }),
            ("a deleted version folder", {
                try FileManager.default.removeItem(atPath: site.path("cookies/2026-06-01"))
                return [site.path("cookies/2026-06-01")]
            }),
            ("site settings", {
                try site.write("site.yml", try site.text("site.yml").replacingOccurrences(of: "Fernhill", with: "Fernhill & Co"))
                return [site.path("site.yml")]
            }),
            ("a template", {
                let page = site.templates.appendingPathComponent("partials").path
                let names = try FileManager.default.contentsOfDirectory(atPath: page).filter { $0.hasSuffix(".mustache") }.sorted()
                let file = page + "/" + names[0]
                try Data((try String(contentsOfFile: file, encoding: .utf8) + "\n").utf8).write(to: URL(fileURLWithPath: file))
                return [file]
            }),
        ]
        for (name, edit) in edits {
            let changed = try edit()
            let update = engine.rebuild(changedPaths: changed)
            #expect(update.succeeded, "\(name): \(update.diagnostics.map(\.message))")
            #expect(site.differencesFromFreshBuild(engine.files) == [], "after \(name), the engine's site differs from a fresh build")
        }
    }

    /// The engine re-runs only the checks of the texts an edit touches (a document, a pair of
    /// versions, the texts linking into an edited policy); what it reports must still be what a
    /// fresh check reports.
    @Test func reusedCheckResultsMatchAFreshCheck() throws {
        let site = try SampleSite()
        let engine = SiteEngine(site.options)
        #expect(engine.build().succeeded)
        let edits: [(name: String, file: String, expected: String?, edit: (String) -> String)] = [
            // The privacy texts of 2027-01-15 link to policy:cookies#choices: now a broken link.
            ("a link target renamed", "cookies/2026-02-01/en.md", "broken-link", { $0.replacingOccurrences(of: "{#choices}", with: "{#your-choices}") }),
            ("the link target back", "cookies/2026-02-01/en.md", nil, { $0.replacingOccurrences(of: "{#your-choices}", with: "{#choices}") }),
            // Words change in English only: the Chinese section of the current version, the same
            // as in the version before, is stale.
            ("English reworded", "cookies/2026-02-01/en.md", "stale-translation", { $0.replacingOccurrences(of: "Cookies are small text files", with: "Cookies are small files") }),
            // A translation loses the id of a section that is not required: translation parity.
            ("an id dropped in a translation", "privacy/2027-01-15/zh-Hans.md", "translation-parity", { $0.replacingOccurrences(of: " {#account-data}", with: "") }),
            ("an empty section", "cookies/2026-02-01/ar.md", "empty-section", { $0 + "\n## \n" }),
        ]
        for (name, file, expected, edit) in edits {
            try site.write(file, edit(try site.text(file)))
            let update = engine.rebuild(changedPaths: [site.path(file)])
            let fresh = SiteEngine(site.options).build()
            if let expected {
                #expect(update.diagnostics.contains { $0.code.name == expected }, "\(name): expected a \(expected) diagnostic, got \(update.diagnostics.map(\.code.name))")
            } else {
                #expect(!update.diagnostics.contains { $0.code.name == "broken-link" }, "\(name): the link resolves again")
            }
            #expect(update.diagnostics == fresh.diagnostics, "after \(name), the engine reports other diagnostics than a fresh check")
        }
    }

    @Test func aBrokenFileKeepsTheLastGoodSiteUntilItIsFixed() throws {
        let site = try SampleSite()
        let engine = SiteEngine(site.options)
        #expect(engine.build().succeeded)
        let good = engine.files
        let file = "privacy/2024-03-01/en.md"
        let text = try site.text(file)
        try site.write(file, "---\ntitle: [unclosed\n---\n" + text)
        let broken = engine.rebuild(changedPaths: [site.path(file)])
        #expect(!broken.succeeded)
        #expect(broken.diagnostics.contains { $0.severity == .error && $0.location.file.hasSuffix(file) })
        #expect(broken.changedFiles.isEmpty && broken.renderedPages.isEmpty)
        #expect(engine.files.keys.sorted() == good.keys.sorted() && engine.files.allSatisfy { good[$0.key] == $0.value })

        try site.write(file, text)
        let fixed = engine.rebuild(changedPaths: [site.path(file)])
        #expect(fixed.succeeded)
        #expect(fixed.changedFiles.isEmpty, "the text is as before, so no file changes")
        #expect(engine.files.keys.sorted() == good.keys.sorted() && engine.files.allSatisfy { good[$0.key] == $0.value })
    }
}
