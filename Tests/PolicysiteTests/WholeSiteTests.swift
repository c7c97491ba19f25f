import Foundation
import PolicyCore
import PolicyModel
import PolicyPipeline
import Testing

/// Fixture sites under `Fixtures/` built with the real templates and compared with committed
/// expected output. `POLICYSITE_UPDATE_GOLDEN=1 swift test` rewrites the expected files.
@Suite struct WholeSiteTests {
    let templates = TestSupport.packageRoot.appendingPathComponent("Templates").path

    func build(_ site: URL, asOf: String, into output: URL) -> BuildReport {
        BuildPipeline.build(SiteOptions(
            contentDirectory: site.appendingPathComponent("Content").path,
            templatesDirectory: templates,
            outputDirectory: output.path,
            asOf: CalendarDate(iso: asOf)!
        ))
    }

    /// The fixture site built by an engine that first saw it without each of its files in turn,
    /// then with a text edited, and was told each time the file came back: the same files and
    /// diagnostics as a fresh build (the cases under `Fixtures/cases` are checked the same way).
    @Test func basicSiteFromAnEngineAfterEditsMatchesAFreshBuild() throws {
        let directory = try TestSupport.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("sites/basic/Content"), to: content)
        let options = SiteOptions(contentDirectory: content.path, templatesDirectory: templates, asOf: CalendarDate(iso: "2025-06-01")!)
        let fresh = SiteEngine(options)
        let freshUpdate = fresh.build()
        #expect(freshUpdate.succeeded)

        let engine = SiteEngine(options)
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.sorted()
        #expect(files.count >= 6)
        var first = true
        for file in files {
            let url = content.appendingPathComponent(file)
            let bytes = try Data(contentsOf: url)
            try FileManager.default.removeItem(at: url)
            if first { _ = engine.build(); first = false } else { _ = engine.rebuild(changedPaths: [url.path]) }
            try bytes.write(to: url)
            _ = engine.rebuild(changedPaths: [url.path])
        }
        // An edit and its undoing.
        let edited = content.appendingPathComponent(files[0])
        let original = try Data(contentsOf: edited)
        try (original + Data("\nOne more sentence.\n".utf8)).write(to: edited)
        _ = engine.rebuild(changedPaths: [edited.path])
        try original.write(to: edited)
        let last = engine.rebuild(changedPaths: [edited.path])

        #expect(last.succeeded)
        #expect(last.diagnostics == freshUpdate.diagnostics)
        let differing = Set(fresh.files.keys).union(engine.files.keys).filter { fresh.files[$0] != engine.files[$0] }.sorted()
        #expect(differing == [])
    }

    @Test func basicSiteMatchesExpectedOutput() throws {
        let site = TestSupport.fixtures.appendingPathComponent("sites/basic")
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("Output")
        let report = build(site, asOf: "2025-06-01", into: output)
        // The site holds raw HTML and a javascript: link on purpose (to show they never pass),
        // and two versions without an Arabic text (to show the fallback).
        #expect(report.diagnostics.map(\.code.name) == ["missing-translation", "raw-html", "unsafe-link", "raw-html", "missing-translation"], "\(report.diagnostics)")
        #expect(report.exitStatus == .success)

        // Assets are the templates' own files; the golden copy covers the pages.
        let actual = try TestSupport.files(under: output).filter { !$0.key.hasPrefix("assets/") }
        let expectedRoot = site.appendingPathComponent("expected")
        if TestSupport.updateGolden {
            try? FileManager.default.removeItem(at: expectedRoot)
            for (path, data) in actual {
                let url = expectedRoot.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = try TestSupport.files(under: expectedRoot)
        #expect(actual.keys.sorted() == expected.keys.sorted())
        for path in expected.keys.sorted() {
            let same = actual[path] == expected[path]
            #expect(same, "\(path) differs from Fixtures/sites/basic/expected/\(path); run POLICYSITE_UPDATE_GOLDEN=1 swift test if the change is intended")
        }
        #expect(try TestSupport.files(under: output)["assets/style.css"] != nil)
    }

    @Test func basicSiteShowsTheContractsNotices() throws {
        let site = TestSupport.fixtures.appendingPathComponent("sites/basic")
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("Output")
        _ = build(site, asOf: "2025-06-01", into: output)
        let files = try TestSupport.files(under: output)
        func page(_ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }

        let archived = page("en/terms/2024-01-01/index.html")
        #expect(archived.contains("notice-archived"))
        // The dates in force: the last day is the day before the next version took effect.
        #expect(archived.contains("January 1, 2024") && archived.contains("December 31, 2024"))
        let current = page("en/terms/index.html")
        #expect(current.contains("notice-upcoming"))
        #expect(current.contains("href=\"../../en/terms/2030-01-01/\""))
        // The terms of 2025 link to the privacy notice in force on 2025-01-01.
        #expect(current.contains("href=\"../../en/privacy/2024-06-01/#contact\""))
        // Before the privacy notice existed, the link goes to its first version's permanent
        // page, the text the link check checked the anchor against.
        #expect(archived.contains("href=\"../../../en/privacy/2024-06-01/#contact\""))
        let fallback = page("ar/terms/2025-01-01/index.html")
        #expect(fallback.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(fallback.contains("notice-fallback"))
        #expect(fallback.contains("<div class=\"policy\" lang=\"en\" dir=\"ltr\">"))
        let translation = page("ar/privacy/index.html")
        #expect(translation.contains("notice-governing"))
        #expect(translation.contains("<a lang=\"en\" hreflang=\"en\" dir=\"ltr\" href=\"../../en/privacy/\">English</a>"))
        // `{#id}` never shows; raw HTML and javascript: links do not pass.
        #expect(!current.contains("{#"))
        #expect(!current.contains("<script") && !current.contains("javascript:"))
        #expect(current.contains("<h2 id=\"fair-use\">Fair use of the <code>API</code> and <em>limits</em></h2>"))
        #expect(current.contains("<h3 id=\"limits\">Limits</h3>") && current.contains("<h3 id=\"limits-1\">Limits</h3>"))
        // Front matter is text, escaped where a page shows it.
        #expect(page("en/terms/versions/index.html").contains("We added a section on *fair use* &amp; limits."))
        let sitemap = page("sitemap.xml")
        #expect(sitemap.contains("<loc>https://policies.example.com/ar/terms/2025-01-01/</loc>"))
        #expect(sitemap.contains("hreflang=\"x-default\" href=\"https://policies.example.com/en/terms/2025-01-01/\""))
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let root = try TestSupport.temporaryDirectory()
        let site = TestSupport.packageRoot
        let first = build(site, asOf: "2026-11-21", into: root.appendingPathComponent("one"))
        let second = build(site, asOf: "2026-11-21", into: root.appendingPathComponent("two"))
        #expect(first.exitStatus == .success && second.exitStatus == .success)
        let one = try TestSupport.files(under: root.appendingPathComponent("one"))
        let two = try TestSupport.files(under: root.appendingPathComponent("two"))
        #expect(one.count > 30)
        #expect(one == two)
    }

    @Test func sampleSiteBuildsEveryContractPage() throws {
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("Output")
        let report = build(TestSupport.packageRoot, asOf: "2026-11-21", into: output)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let files = try TestSupport.files(under: output)
        for language in ["en", "zh-Hans", "ar"] {
            #expect(files["\(language)/index.html"] != nil)
            for path in ["privacy/index.html", "privacy/versions/index.html", "privacy/2024-03-01/index.html",
                         "privacy/2025-09-01/index.html", "privacy/2027-01-15/index.html",
                         "cookies/index.html", "cookies/2024-03-01/index.html", "cookies/2026-02-01/index.html"] {
                #expect(files["\(language)/\(path)"] != nil, "\(language)/\(path)")
            }
        }
        #expect(files["index.html"] != nil && files["sitemap.xml"] != nil && files["assets/style.css"] != nil)
        let arabicCookies = String(decoding: files["ar/cookies/2024-03-01/index.html"]!, as: UTF8.self)
        #expect(arabicCookies.contains("notice-fallback"))
    }
}
