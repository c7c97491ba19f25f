import Foundation
import PolicyCorpus
import PolicyMarkdown
import PolicyModel
@testable import PolicyRender
import PolicySource
import PolicyTheme
import Testing

/// Whole sites rendered twice, with the compiled render plans and with swift-mustache alone:
/// every file must be the same, byte for byte, and every page template of the built-in theme
/// must have compiled.
@Suite struct RenderPlanSiteTests {
    static let templatesFolder = TestSupport.packageRoot.appendingPathComponent("Templates")

    /// Every planned file of the site in `content`, rendered both ways.
    func compareBothWays(content: URL, templateLayers: [DirectorySnapshot], asOf: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let loaded = try DirectoryLoader().load(content.path)
        let site = try #require(SiteParser.parse(loaded.snapshot).site, sourceLocation: sourceLocation)
        let (templates, diagnostics) = TemplateSet.make(from: templateLayers, languages: site.settings.languages)
        let set = try #require(templates, "\(diagnostics)", sourceLocation: sourceLocation)
        #expect(set.plans.keys.sorted() == TemplateSet.pageTemplates.sorted(), "a page template did not compile", sourceLocation: sourceLocation)

        let date = try #require(CalendarDate(iso: asOf))
        let compiled = SiteRenderer(site: site, templates: set, asOf: date)
        let interpreted = SiteRenderer(site: site, templates: set.withoutPlans, asOf: date)
        let plan = compiled.plan().files
        #expect(plan.contains { $0.isPage }, sourceLocation: sourceLocation)
        var pages = 0
        // Every file (the 404 page is not `isPage`; feeds and assets do not use templates).
        for file in plan {
            if file.isPage { pages += 1 }
            let fast = try compiled.render(file).get()
            let slow = try interpreted.render(file).get()
            if fast.bytes != slow.bytes {
                Issue.record("\(file.path) differs:\n\(firstDifference(fast.bytes, slow.bytes))", sourceLocation: sourceLocation)
            }
        }
        #expect(pages > 0, sourceLocation: sourceLocation)
    }

    /// The fixture site, with the repository's templates, at two dates (different notices).
    @Test func basicFixtureSiteRendersTheSameBothWays() throws {
        let content = TestSupport.fixtures.appendingPathComponent("sites/basic/Content")
        let templates = try DirectoryLoader().load(Self.templatesFolder.path).snapshot
        try compareBothWays(content: content, templateLayers: [templates], asOf: "2025-06-01")
        try compareBothWays(content: content, templateLayers: [templates], asOf: "2031-01-01")
    }

    /// The repository's sample site, with the built-in theme under it.
    @Test func sampleSiteRendersTheSameBothWays() throws {
        let content = TestSupport.packageRoot.appendingPathComponent("Content")
        try compareBothWays(content: content, templateLayers: [BuiltinTheme.snapshot], asOf: "2025-06-01")
    }

    /// A generated corpus: many languages (a long switcher), change pages of every kind.
    @Test func generatedCorpusRendersTheSameBothWays() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = CorpusGenerator.generate(CorpusSpec(policies: 2, languages: 6, versions: 4, targetFileBytes: 6_000))
        try CorpusWriter.write(corpus, to: directory.path, templatesFrom: Self.templatesFolder.path)
        let templates = try DirectoryLoader().load(directory.appendingPathComponent("Templates").path).snapshot
        try compareBothWays(content: directory.appendingPathComponent("Content"), templateLayers: [BuiltinTheme.snapshot, templates],
                            asOf: corpus.asOf)
    }

    /// A partial that includes itself inside a list found further out (the same list at every
    /// level) passes the checker but never ends: the plan stops and says so, where swift-mustache
    /// overflowed its stack.
    @Test func aPartialRecursingThroughAnOuterListIsAnErrorNotACrash() throws {
        let content = TestSupport.fixtures.appendingPathComponent("sites/basic/Content")
        let site = try #require(SiteParser.parse(try DirectoryLoader().load(content.path).snapshot).site)
        var files = try DirectoryLoader().load(Self.templatesFolder.path).snapshot.files
        files.removeAll { $0.path == "pages/version.mustache" }
        files.append(SnapshotFile(path: "pages/version.mustache", text: "{{#languages}}{{> loop}}{{/languages}}"))
        files.append(SnapshotFile(path: "partials/loop.mustache", text: "{{#alternates}}{{url}}{{> loop}}{{/alternates}}"))
        let (templates, diagnostics) = TemplateSet.make(from: DirectorySnapshot(root: "Templates", files: files), languages: site.settings.languages)
        let set = try #require(templates, "\(diagnostics)")
        let renderer = SiteRenderer(site: site, templates: set, asOf: try #require(CalendarDate(iso: "2025-06-01")))
        let version = try #require(renderer.plan().files.first { if case .version = $0.kind { true } else { false } })
        guard case .failure(let problem) = renderer.render(version) else {
            Issue.record("rendered")
            return
        }
        #expect(problem.message.contains("nests partials more than 1000 deep"))
    }

    /// The plan's pages skip the String round trip of `HTMLEscaping.withoutControlCharacters`,
    /// with the same result.
    @Test func pageBytesDropTheSameControlCharacters() {
        let samples = ["plain · text", "tab\tline\nfeed\u{0C}cr\r", "esc\u{1B}[31m", "del\u{7F}", "c1\u{85}\u{9F}·\u{A0}",
                       "nul\u{0}", "\u{C2}", "é\u{80}", "·\u{81}·", ""]
        for sample in samples {
            #expect(PageBytes.withoutControlCharacters(Array(sample.utf8)) == Array(HTMLEscaping.withoutControlCharacters(sample).utf8), "\(sample.debugDescription)")
        }
    }

    func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> String {
        let index = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, index - 80)..<min(bytes.count, index + 80)], as: UTF8.self)
        }
        return "at byte \(index):\n--- plan\n\(around(a))\n--- swift-mustache\n\(around(b))"
    }
}
