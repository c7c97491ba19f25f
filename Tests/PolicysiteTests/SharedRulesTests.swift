import Foundation
import PolicyCore
import PolicyMarkdown
import PolicyModel
@testable import PolicySource
import PolicyPipeline
@testable import PolicyServe
import Testing

/// Each rule the checks, the renderer and the preview share has one home; these tests pin the
/// places where two copies once disagreed.
@Suite struct SharedRulesTests {
    // MARK: The published timeline (PolicyTimeline)

    private func version(_ date: String, draft: Bool) -> PolicyVersion {
        var frontMatter = FrontMatter()
        frontMatter.draft = draft
        return PolicyVersion(effective: CalendarDate(iso: date)!, documents: [
            PolicyDocument(language: LanguageTag("en")!, file: "\(date)/en.md", frontMatter: frontMatter, body: MarkdownDocument(blocks: []), headings: [], bodyStartLine: 1, source: []),
        ])
    }

    @Test func aDraftOnlyVersionDoesNotArchiveTheVersionInForce() {
        let policy = Policy(slug: PolicySlug("terms")!, settings: PolicySettings(), versions: [
            version("2024-01-01", draft: false), version("2025-01-01", draft: false), version("2025-03-01", draft: true),
            version("2026-01-01", draft: true), version("2027-01-01", draft: false),
        ])
        let asOf = CalendarDate(iso: "2025-06-01")!
        let published = PolicyTimeline(policy: policy, asOf: asOf)
        #expect(published.entries.map(\.status) == [.archived, .current, .draft, .draft, .upcoming])
        #expect(published.current?.effective == CalendarDate(iso: "2025-01-01"))
        // The upcoming notice names the next published version, not a draft.
        #expect(published.nextUpcoming?.effective == CalendarDate(iso: "2027-01-01"))
        // A build with drafts publishes them: the draft of March is then in force.
        let withDrafts = PolicyTimeline(policy: policy, asOf: asOf, draftsPublished: true)
        #expect(withDrafts.entries.map(\.status) == [.archived, .archived, .current, .upcoming, .upcoming])
        // And the timeline of the site without its drafts says the same as the published one.
        let site = Site(settings: SiteSettings(title: LocalizedText("T"), baseURL: "https://example.com/", languages: [LanguageTag("en")!], governingLanguage: nil, required: []), policies: [policy])
        let withoutDrafts = PolicyTimeline(policy: site.withoutDrafts().policies[0], asOf: asOf)
        #expect(withoutDrafts.current?.effective == published.current?.effective)
        #expect(withoutDrafts.nextUpcoming?.effective == published.nextUpcoming?.effective)
    }

    // MARK: Name suggestions (NameSuggestion)

    @Test func oneAlgorithmDamerauWithALengthScaledThreshold() {
        // A swap of neighbours is one edit, so a short name's typo is within its threshold.
        #expect(NameSuggestion.distance("rigths", "rights", bound: 2) == 1)
        #expect(NameSuggestion.distance("biuld", "build", bound: 1) == 1)
        #expect(NameSuggestion.closest(to: "rigths", among: ["collection", "rights", "contact"]) == "rights")
        // The threshold is a third of the name: two short names are not typos of each other.
        #expect(NameSuggestion.threshold(for: "fr") == 1)
        #expect(NameSuggestion.closest(to: "fr", among: ["en", "de"]) == nil)
        #expect(NameSuggestion.closest(to: "id", among: ["is"]) == "is")
        #expect(NameSuggestion.closest(to: "information-we-colect-from-you", among: ["information-we-collect-from-you"]) == "information-we-collect-from-you")
        // A tie gives no hint.
        #expect(NameSuggestion.closest(to: "ab", among: ["ac", "ad"]) == nil)
        // Long hostile strings cost length × threshold.
        let long = String(repeating: "a", count: 200_000)
        #expect(NameSuggestion.distance(long, long + "b", bound: 2) == 1)
        #expect(NameSuggestion.distance(long, String(repeating: "b", count: 200_000), bound: 2) == nil)
    }

    @Test func everyYAMLFileSuggestsTheKeyMeant() {
        let (_, frontMatter) = SettingsDecoder.frontMatter("efective: 2024-01-01\n", file: "en.md")
        #expect(frontMatter.map(\.message) == ["unknown key 'efective' in front matter; did you mean 'effective'? A version's effective date is not a key: it is the name of its folder, Content/<policy>/<YYYY-MM-DD>/; the keys are title, summary, material, draft"])
        let (_, summary) = SettingsDecoder.frontMatter("sumary: x\n", file: "en.md")
        #expect(summary.first?.message.contains("did you mean 'summary'?") == true)
        let (_, policy) = SettingsDecoder.policySettings("efective: x\ntitel: Terms\n", file: "policy.yml", languages: [LanguageTag("en")!])
        #expect(policy.map(\.message).contains { $0.hasPrefix("unknown key 'efective' in policy.yml; did you mean 'effective'?") })
        #expect(policy.map(\.message).contains { $0.hasPrefix("unknown key 'titel' in policy.yml; did you mean 'title'?") })
        let (_, site) = SettingsDecoder.siteSettings("title: T\nbaseURL: https://example.com/\nlanguages: [en]\nefective: x\nlangauges: [en]\n", file: "site.yml")
        #expect(site.map(\.message).contains { $0.hasPrefix("unknown key 'efective' in site.yml; did you mean 'effective'?") })
        #expect(site.map(\.message).contains { $0.hasPrefix("unknown key 'langauges' in site.yml; did you mean 'languages'?") })
    }

    // MARK: Source excerpts (SourceExcerpt, SourceLineReader)

    /// The caret's place in a two-line excerpt as columns after the bar, tabs expanded to
    /// `tabWidth`, and the character above it.
    private func caret(_ lines: [String], tabWidth: Int) -> (column: Int, under: Character)? {
        guard lines.count == 2, let bar = lines[0].firstIndex(of: "|"), let caretBar = lines[1].firstIndex(of: "|") else { return nil }
        func columns(_ text: Substring) -> [(Int, Character)] {
            var column = 0
            var result: [(Int, Character)] = []
            for character in text {
                result.append((column, character))
                column = character == "\t" ? (column / tabWidth + 1) * tabWidth : column + TerminalWidthProbe.columns(character)
            }
            return result
        }
        let caretLine = columns(lines[1][caretBar...])
        guard let caretColumn = caretLine.first(where: { $0.1 == "^" })?.0 else { return nil }
        // Both lines start at their bar, at the same place, so tab stops line up.
        let sourceLine = columns(lines[0][bar...])
        guard let under = sourceLine.last(where: { $0.0 <= caretColumn })?.1 else { return nil }
        return (caretColumn, under)
    }

    private func terminal(_ line: String, column: Int) -> [String] {
        let diagnostic = Diagnostic.error(.brokenLink, "x", at: SourceLocation(file: "a.md", line: 12, column: column))
        return DiagnosticFormat.text.format([diagnostic], sourceLine: { _, _ in line }).split(separator: "\n").dropFirst().map(String.init)
    }

    private func overlay(_ line: String, column: Int) -> [String] {
        let html = ErrorOverlay.sourceExcerpt(line, line: 12, column: column)
        let text = html.replacingOccurrences(of: "<span class=\"ps-caret\">", with: "").replacingOccurrences(of: "</span>", with: "")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        return text.components(separatedBy: "\n")
    }

    @Test(arguments: [
        // A tab-indented list item: the link at byte 5 after "\t\t- ".
        ("\t\t- [x](#y)", 5, Character("[")),
        // Chinese before the link: "请参阅" is 9 bytes, the link starts at byte 10.
        ("请参阅[联系](#x)", 10, Character("[")),
        // Both, and the caret under a wide character: "联" starts at byte 13 (1 + 9 + 1 + 1 + 1).
        ("\t请参阅 [联系](#x)", 13, Character("联")),
    ])
    func theCaretStandsUnderTheSameCharacterInTheTerminalAndTheOverlay(line: String, column: Int, expected: Character) {
        for tabWidth in [4, 8] {
            let inTerminal = caret(terminal(line, column: column), tabWidth: tabWidth)
            let inOverlay = caret(overlay(line, column: column), tabWidth: tabWidth)
            #expect(inTerminal?.under == expected, "terminal, tabs of \(tabWidth): \(terminal(line, column: column))")
            #expect(inOverlay?.under == expected, "overlay, tabs of \(tabWidth): \(overlay(line, column: column))")
            #expect(inTerminal?.column == inOverlay?.column)
        }
        // The overlay shows what the terminal shows, escaped.
        #expect(overlay(line, column: column) == terminal(line, column: column))
    }

    @Test func theCaretSpansAWideCharacter() {
        let excerpt = SourceExcerpt(line: "请参阅", number: 1, column: 4)
        #expect(excerpt.caretIndent == "  ")
        #expect(excerpt.caret == "^^")
    }

    @Test func theSourceLineReaderDropsLineEnds() {
        // A file saved with CRLF line ends (as Character, "\r\n" is one, not a "\n").
        let reader = SourceLineReader(read: { _ in Array("a\r\nb\nc".utf8) })
        #expect(reader.line("f", 1) == "a")
        #expect(reader.line("f", 3) == "c")
        #expect(reader.line("f", 4) == nil)
    }

    // MARK: Ignored paths (IgnoredPath)

    static let ignoredNames = [".en.md.swp", ".en.md.swx", ".en.md.swo", "4913", "en.md~", "#en.md#", ".#en.md", ".DS_Store", ".hidden.md"]

    @Test func theLoaderAndTheWatcherIgnoreTheSameFiles() throws {
        let root = try TestSupport.temporaryDirectory().appendingPathComponent("Content")
        let folder = root.appendingPathComponent("privacy/2024-03-01")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: root.appendingPathComponent(".git/index"))
        for name in Self.ignoredNames + ["en.md"] {
            try Data("x".utf8).write(to: folder.appendingPathComponent(name))
        }
        let loaded = try DirectoryLoader().load(root.path).snapshot.files.map(\.path)
        #expect(loaded == ["privacy/2024-03-01/en.md"])
        // Every path the loader leaves out, the watcher's filter leaves out, and the other way.
        for name in Self.ignoredNames + ["en.md"] {
            let path = "Content/privacy/2024-03-01/" + name
            #expect(ChangeFilter.isRelevant(path, under: "Content") == loaded.contains("privacy/2024-03-01/" + name), "\(name)")
        }
        #expect(!ChangeFilter.isRelevant("Content/.git/index", under: "Content"))
        // The theme's static/ keeps its hidden files, but not version control or editor files,
        // and a change there is seen.
        #expect(ChangeFilter.isRelevant("Templates/static/.well-known/security.txt", under: "Templates", keptHidden: "static"))
        #expect(!ChangeFilter.isRelevant("Templates/static/.git/index", under: "Templates", keptHidden: "static"))
        #expect(!ChangeFilter.isRelevant("Templates/static/robots.txt~", under: "Templates", keptHidden: "static"))
        #expect(!ChangeFilter.isRelevant("Templates/.well-known/x", under: "Templates", keptHidden: "static"))
    }

    // MARK: The policy title (Policy.title)

    @Test func pagesFeedsAndTheMissingTitleWarningAgreeOnTheTitle() throws {
        let directory = try TestSupport.temporaryDirectory()
        let files = [
            "Content/site.yml": "title: T\nbaseURL: https://example.com/\nlanguages: [en, fr, de]\n",
            // No fr title anywhere: fr pages fall back to the first other language with one.
            "Content/terms/policy.yml": "title: { en: Terms of Service, de: Nutzungsbedingungen }\n",
            "Content/terms/2024-01-01/en.md": "## Scope {#scope}\n\nText.\n",
            "Content/terms/2024-01-01/fr.md": "## Portée {#scope}\n\nTexte.\n",
            "Content/terms/2024-01-01/de.md": "## Umfang {#scope}\n\nText.\n",
        ]
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let output = directory.appendingPathComponent("Output")
        let report = BuildPipeline.build(SiteOptions(contentDirectory: directory.appendingPathComponent("Content").path,
                                                      templatesDirectory: directory.appendingPathComponent("Templates").path,
                                                      outputDirectory: output.path, asOf: CalendarDate(iso: "2025-01-01")!))
        let warnings = report.diagnostics.filter { $0.code == .missingTitle }
        #expect(warnings.map(\.message) == ["policy 'terms' has no fr title: its fr pages would show the en title 'Terms of Service'; add 'fr: …' to 'title' in terms/policy.yml, or 'title: …' to this file's front matter"])
        let built = try TestSupport.files(under: output)
        func text(_ path: String) -> String { String(decoding: built[path] ?? Data(), as: UTF8.self) }
        for page in ["fr/terms/index.html", "fr/terms/2024-01-01/index.html"] {
            #expect(text(page).contains("<title>Terms of Service · T</title>"), "\(page)")
        }
        #expect(text("fr/terms/versions/index.html").contains("Terms of Service"))
        #expect(text("fr/terms/feed.xml").contains("Terms of Service"))
        #expect(text("fr/index.html").contains("Terms of Service"))
        #expect(text("de/terms/index.html").contains("<title>Nutzungsbedingungen · T</title>"))
    }
}

/// The terminal's column count of a character, as the excerpt counts it.
private enum TerminalWidthProbe {
    static func columns(_ character: Character) -> Int {
        // Only what the tests above use: the CJK ideographs and ASCII.
        character.unicodeScalars.first.map { (0x4E00...0x9FFF).contains($0.value) ? 2 : 1 } ?? 0
    }
}
