import Foundation
import PolicyMarkdown
import PolicyModel
import PolicyPipeline
import Testing

/// Change pages and `diff` compare two texts of one language, and every link a page shows
/// (a `#id` inside a compared text, a `policy:x#y` made before x existed) reaches a file and an
/// anchor that exist, as `check` promised.
@Suite struct LikeWithLikeTests {
    /// A privacy policy in English whose German translation starts with version 2, and an Arabic
    /// text only of version 1. The German heading of "Contact" has no id, so its anchor is
    /// `kontakt`: an English `#contact` link has no target on the German page.
    static let translatedLater: [String: String] = [
        "site.yml": "title: T\nbaseURL: https://example.com/\nlanguages: [en, de, ar]\n",
        "privacy/2024-01-01/en.md": """
            ## Scope {#scope}

            We collect your email.

            ## Contact

            Write to us.

            """,
        "privacy/2024-01-01/ar.md": """
            ## النطاق {#scope}

            نجمع بريدك الإلكتروني.

            ## اتصل بنا

            راسلنا.

            """,
        "privacy/2025-01-01/en.md": """
            ---
            summary: We also collect your name.
            ---

            ## Scope {#scope}

            We collect your email and your name; see [contact](#contact).

            ## Contact

            Write to us.

            """,
        "privacy/2025-01-01/de.md": """
            ---
            summary: Wir erheben auch Ihren Namen.
            ---

            ## Umfang {#scope}

            Wir erheben Ihre E-Mail-Adresse und Ihren Namen; siehe [Kontakt](#kontakt).

            ## Kontakt

            Schreiben Sie uns.

            """,
    ]

    /// Writes `files` under a new `Content/` and returns its path.
    func write(_ files: [String: String]) throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        for (path, text) in files {
            let url = directory.appendingPathComponent("Content").appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return directory
    }

    /// Builds the site with the real templates; the output's files by path.
    func build(_ directory: URL, asOf: String) throws -> [String: Data] {
        let output = directory.appendingPathComponent("Output")
        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: directory.appendingPathComponent("Content").path,
            templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
            outputDirectory: output.path,
            asOf: try #require(CalendarDate(iso: asOf))
        ))
        #expect(report.exitStatus == .success, "\(report.diagnostics)")
        return try TestSupport.files(under: output)
    }

    func page(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    /// Every relative `href` of a page, with the ones whose file or anchor does not exist.
    func brokenLinks(of path: String, in files: [String: Data]) -> (checked: [String], broken: [String]) {
        let html = page(files, path)
        let folder = path.split(separator: "/").dropLast().map(String.init)
        var checked: [String] = []
        var broken: [String] = []
        for match in html.matches(of: /href="([^"]*)"/) {
            let href = String(match.output.1)
            guard !href.contains(":") else { continue }
            let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            var target = folder
            for component in parts[0].split(separator: "/") {
                if component == ".." { target = Array(target.dropLast()) } else if component != "." { target.append(String(component)) }
            }
            let file = parts[0].isEmpty ? path : (target + (parts[0].hasSuffix("/") ? ["index.html"] : [])).joined(separator: "/")
            checked.append(href)
            guard let data = files[file] else { broken.append(href + " (no file " + file + ")"); continue }
            if parts.count > 1, !String(decoding: data, as: UTF8.self).contains("id=\"\(parts[1])\"") {
                broken.append(href + " (no id in " + file + ")")
            }
        }
        return (checked, broken)
    }

    @Test func aLanguageAddedInVersionTwoShowsTheEnglishChangesWithANotice() throws {
        let files = try build(try write(Self.translatedLater), asOf: "2025-06-01")
        let german = page(files, "de/privacy/changes/2025-01-01/index.html")
        // English with English: the scope gained words, and the German text is not compared.
        #expect(german.contains("Nicht beide Fassungen sind auf Deutsch verfügbar. Diese Seite vergleicht sie daher auf Englisch."))
        #expect(!german.contains("Englisch / Deutsch"))
        #expect(german.contains("<ins>"))
        #expect(german.contains("name"))
        #expect(!german.contains("Wir erheben Ihre"))
        // The contact section is unchanged (a comparison across languages changed every section).
        #expect(german.contains("Unveränderte Abschnitte (1)"))
        // The summary is the German page's own.
        #expect(german.contains("Wir erheben auch Ihren Namen."))
        // The English `#contact` link leads to the English page, which has that anchor.
        #expect(german.contains("href=\"../../../../en/privacy/2025-01-01/#contact\""))
        let links = brokenLinks(of: "de/privacy/changes/2025-01-01/index.html", in: files)
        #expect(links.checked.count > 5)
        #expect(links.broken == [])
        // The English page compares English, without a notice.
        #expect(!page(files, "en/privacy/changes/2025-01-01/index.html").contains("notice-fallback"))
    }

    @Test func everyChangePageLinkReachesAnAnchorThatExists() throws {
        let files = try build(try write(Self.translatedLater), asOf: "2025-06-01")
        for language in ["en", "de", "ar"] {
            let links = brokenLinks(of: "\(language)/privacy/changes/2025-01-01/index.html", in: files)
            #expect(links.broken == [], "\(language)")
        }
    }

    @Test func diffInALanguageLackingAVersionComparesWhatTheChangePageCompares() throws {
        let directory = try write(Self.translatedLater)
        let content = directory.appendingPathComponent("Content").path
        for language in ["de", "ar"] {
            let report = DiffPipeline.diff(SiteOptions(contentDirectory: content, asOf: CalendarDate(iso: "2026-01-01")!), DiffRequest(policy: "privacy", from: "2024-01-01", to: "2025-01-01", language: language))
            #expect(report.exitStatus == .success, "\(report.diagnostics)")
            #expect(report.language?.rawValue == language)
            #expect(report.comparedLanguage?.rawValue == "en")
            let missing = language == "de" ? "2024-01-01" : "2025-01-01"
            #expect(report.notes == ["privacy has no \(language) text of \(missing); comparing the en texts (\(content)/privacy/2024-01-01/en.md, \(content)/privacy/2025-01-01/en.md) instead, as the \(language) change page does"])
            let statuses = report.diff?.sections.map { "\($0.id) \($0.status.rawValue)" }
            #expect(statuses == ["scope changed", "contact unchanged"], "\(language)")
        }
        // The text form names the language compared in its header.
        let text = try TestSupport.run(["diff", "privacy", "2024-01-01", "2025-01-01", "--lang", "de"], in: directory)
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("privacy (de, compared in en), 2024-01-01 → 2025-01-01: 0 added, 0 removed, 1 changed, 1 unchanged sections\n"))
        #expect(text.stderr.hasPrefix("note: privacy has no de text of 2024-01-01; comparing the en texts"))
    }

    @Test func theComparedLanguageIsTheReadersElseDefaultElseGoverningElseTheFirstWithBoth() throws {
        func version(_ date: String, _ languages: [String]) -> PolicyVersion {
            PolicyVersion(effective: CalendarDate(iso: date)!, documents: languages.map { language in
                PolicyDocument(language: LanguageTag(language)!, file: "\(date)/\(language).md", frontMatter: FrontMatter(),
                               body: MarkdownDocument(blocks: []), headings: [], bodyStartLine: 1, source: [])
            })
        }
        let settings = SiteSettings(title: LocalizedText("T"), baseURL: "https://example.com/", languages: ["en", "de", "fr", "ar"].map { LanguageTag($0)! },
                                    governingLanguage: LanguageTag("fr"), required: [])
        func compared(_ old: [String], _ new: [String], for reader: String) -> String? {
            settings.comparedTexts(old: version("2024-01-01", old), new: version("2025-01-01", new), for: LanguageTag(reader)!)
                .map { "\($0.old.language)/\($0.new.language)" }
        }
        #expect(compared(["en", "de"], ["en", "de"], for: "de") == "de/de")
        #expect(compared(["en"], ["en", "de"], for: "de") == "en/en")
        #expect(compared(["fr", "ar"], ["en", "fr", "ar"], for: "de") == "fr/fr")
        #expect(compared(["de", "ar"], ["en", "ar"], for: "de") == "ar/ar")
        // No language has both (a site that fails check): the texts the two pages show.
        #expect(compared(["de"], ["en"], for: "ar") == "de/en")
    }

    /// The privacy policy of 2024-01-01 links the cookie policy's `#old-choices`, a section only
    /// its first version (2024-06-01) has. The page links to that version's permanent page, the
    /// text `check` checked the anchor against.
    @Test func aPolicyLinkMadeBeforeTheTargetExistedReachesItsFirstVersion() throws {
        let directory = try write([
            "site.yml": "title: T\nbaseURL: https://example.com/\nlanguages: [en]\n",
            "privacy/2024-01-01/en.md": "## Cookies {#cookies}\n\nSee [your choices](policy:cookies#old-choices).\n",
            "cookies/2024-06-01/en.md": "## Your choices {#old-choices}\n\nRefuse them.\n",
            "cookies/2025-01-01/en.md": "---\nsummary: Choices are now settings.\n---\n\n## Settings {#settings}\n\nRefuse them.\n",
        ])
        let checked = CheckPipeline.check(SiteOptions(contentDirectory: directory.appendingPathComponent("Content").path,
                                                       templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
                                                       asOf: CalendarDate(iso: "2025-06-01")!, strict: false))
        #expect(checked.exitStatus == .success, "\(checked.diagnostics)")
        let files = try build(directory, asOf: "2025-06-01")
        let privacy = page(files, "en/privacy/2024-01-01/index.html")
        #expect(privacy.contains("href=\"../../../en/cookies/2024-06-01/#old-choices\""))
        #expect(page(files, "en/cookies/2024-06-01/index.html").contains("id=\"old-choices\""))
        #expect(brokenLinks(of: "en/privacy/2024-01-01/index.html", in: files).broken == [])
        // The policy's main page shows the current version, which lacks the anchor.
        #expect(!page(files, "en/cookies/index.html").contains("id=\"old-choices\""))
    }
}
