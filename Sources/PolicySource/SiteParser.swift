import PolicyCore
import PolicyMarkdown
import PolicyModel

/// Turns a snapshot of `Content/` into the site model, collecting every problem it meets.
///
/// Layout: `site.yml`; `<policy>/policy.yml`; `<policy>/<YYYY-MM-DD>/<lang>.md`. A file that
/// fails is reported and left out; the caller decides from the diagnostics whether to go on.
public enum SiteParser {
    public struct Result: Sendable {
        /// Nil when site.yml is missing or invalid: nothing else can be interpreted without it.
        public var site: Site?
        public var diagnostics: [Diagnostic]
        /// Every version file as parsed: pass it to the next parse of the same directory.
        public var parsedFiles: ParsedVersionFiles
    }

    /// - Parameter previous: the version files of an earlier parse of the same directory; files
    ///   whose bytes are unchanged are not parsed again.
    public static func parse(_ content: DirectorySnapshot, reusing previous: ParsedVersionFiles = ParsedVersionFiles()) -> Result {
        guard let siteFile = content.file(at: "site.yml") else {
            return Result(site: nil, diagnostics: [.error(.siteConfig, "no site.yml in '\(content.root)'; create it with title, baseURL and languages (see README)", at: SourceLocation(file: content.displayPath("site.yml")))], parsedFiles: previous)
        }
        var diagnostics: [Diagnostic] = []
        guard let siteText = decodeText(siteFile, in: content, code: .siteConfig, diagnostics: &diagnostics) else {
            return Result(site: nil, diagnostics: diagnostics, parsedFiles: previous)
        }
        let (settings, siteDiagnostics) = SettingsDecoder.siteSettings(siteText, file: content.displayPath("site.yml"))
        diagnostics += siteDiagnostics
        guard let settings else { return Result(site: nil, diagnostics: diagnostics, parsedFiles: previous) }
        // The version files are independent of one another: parse them all at once, over every core.
        let parsedFiles = ParsedVersionFiles.parse(content, reusing: previous)

        // Group files by policy folder; anything at the top level other than the known files is noise.
        var policyFiles: [PolicySlug: [SnapshotFile]] = [:]
        var reportedFolders: Set<Substring> = []
        for file in content.files {
            let components = file.components
            if components.count == 1 {
                if file.path != "site.yml", file.path != "published.lock" {
                    diagnostics.append(.warning(.unexpectedFile, "unexpected file; Content/ holds site.yml, published.lock and one folder per policy", at: SourceLocation(file: content.displayPath(file.path))))
                }
                continue
            }
            guard let slug = PolicySlug(String(components[0])) else {
                if reportedFolders.insert(components[0]).inserted {
                    diagnostics.append(.error(.badSlug, "policy folder '\(components[0])' is not a valid name; use lower-case letters, digits and '-', e.g. privacy or terms-of-service", at: SourceLocation(file: content.displayPath(String(components[0])))))
                }
                continue
            }
            policyFiles[slug, default: []].append(file)
        }

        var policies: [Policy] = []
        for slug in policyFiles.keys.sorted() {
            if let policy = parsePolicy(slug, files: policyFiles[slug] ?? [], settings: settings, content: content, parsed: parsedFiles, diagnostics: &diagnostics) {
                policies.append(policy)
            }
        }
        // Published versions: the lock, and what every version file on disk hashes to now.
        let lock = PublishedLockFormat.read(from: content, diagnostics: &diagnostics)
        let sourceFiles = parsedFiles.hashedFiles(lockedIn: lock)
        return Result(site: Site(settings: settings, policies: policies, publishedLock: lock, sourceFiles: sourceFiles), diagnostics: diagnostics, parsedFiles: parsedFiles)
    }

    private static func parsePolicy(_ slug: PolicySlug, files: [SnapshotFile], settings: SiteSettings, content: DirectorySnapshot, parsed: ParsedVersionFiles, diagnostics: inout [Diagnostic]) -> Policy? {
        var policySettings = PolicySettings()
        var documentsByDate: [CalendarDate: [PolicyDocument]] = [:]
        var reportedFolders: Set<Substring> = []
        // Versions whose default-language file is on disk, parsed or not: a file that failed to
        // parse has its own diagnostic, and saying it is missing as well would mislead.
        var datesWithDefaultFile: Set<CalendarDate> = []
        for file in files {
            let components = file.components
            let display = content.displayPath(file.path)
            if components.count == 2 {
                if components[1] == "policy.yml" {
                    if let text = decodeText(file, in: content, code: .policyConfig, diagnostics: &diagnostics) {
                        let (parsed, problems) = SettingsDecoder.policySettings(text, file: display, languages: settings.languages)
                        diagnostics += problems
                        if let parsed { policySettings = parsed }
                    }
                } else {
                    diagnostics.append(.warning(.unexpectedFile, "unexpected file in a policy folder; it holds policy.yml and one folder per version, named YYYY-MM-DD", at: SourceLocation(file: display)))
                }
                continue
            }
            guard let date = CalendarDate(iso: String(components[1])) else {
                if reportedFolders.insert(components[1]).inserted {
                    diagnostics.append(.error(.notADate, "version folder '\(components[1])' is not a date; name it by its effective date as YYYY-MM-DD, e.g. 2024-03-01", at: SourceLocation(file: content.displayPath("\(components[0])/\(components[1])"))))
                }
                continue
            }
            guard components.count == 3, components[2].hasSuffix(".md") else {
                diagnostics.append(.warning(.unexpectedFile, "unexpected file in a version folder; it holds one <lang>.md per language, e.g. en.md", at: SourceLocation(file: display)))
                continue
            }
            let languageName = String(components[2].dropLast(3))
            guard let language = LanguageTag(languageName), settings.languages.contains(language) else {
                diagnostics.append(.error(.unknownLanguage, "language '\(languageName)' is not listed in site.yml (languages: \(settings.languages.map(\.rawValue).joined(separator: ", "))); \(unknownLanguageAdvice(languageName, languages: settings.languages))", at: SourceLocation(file: display)))
                continue
            }
            if language == settings.defaultLanguage { datesWithDefaultFile.insert(date) }
            guard let parsedFile = parsed.files[file.path] else { continue }
            diagnostics += parsedFile.diagnostics
            if let document = parsedFile.document {
                documentsByDate[date, default: []].append(document)
            }
        }
        // The default language's text is what every other language falls back to and, with
        // governingLanguage, what prevails: a version without it cannot be published.
        let defaultLanguage = settings.defaultLanguage
        for date in documentsByDate.keys.sorted() where !datesWithDefaultFile.contains(date) {
            let folder = "\(slug)/\(date)"
            diagnostics.append(.error(.missingDefaultLanguage, "version \(date) of '\(slug)' has no \(defaultLanguage).md, the text in the default language (the first in site.yml's languages), which every other language falls back to; add \(content.displayPath(folder))/\(defaultLanguage).md", at: SourceLocation(file: content.displayPath(folder))))
        }
        let order = settings.languages
        let versions = documentsByDate.map { date, documents in
            PolicyVersion(effective: date, documents: documents.sorted { order.firstIndex(of: $0.language)! < order.firstIndex(of: $1.language)! })
        }
        guard !versions.isEmpty else {
            // Only report a policy with nothing in it if none of its files already failed.
            if !diagnostics.contains(where: { $0.location.file.hasPrefix(content.displayPath(slug.rawValue) + "/") && $0.severity == .error }) {
                diagnostics.append(.error(.noVersions, "policy '\(slug)' has no versions; add \(slug)/YYYY-MM-DD/\(settings.defaultLanguage).md", at: SourceLocation(file: content.displayPath(slug.rawValue))))
            }
            return nil
        }
        return Policy(slug: slug, settings: policySettings, versions: versions)
    }

    /// What to do about a file named for a language site.yml does not list: rename it to the
    /// listed language it is close to (`EN.md` → `en.md`, `zh-Hnas.md` → `zh-Hans.md`), or add
    /// the language.
    static func unknownLanguageAdvice(_ name: String, languages: [LanguageTag]) -> String {
        // Only languages with the same primary subtag (ignoring case) are guessed: any two
        // two-letter codes are an edit or two apart, so fr.md → ar.md would name another
        // language rather than fix a typo.
        let primary = { (tag: String) in tag.split(separator: "-", maxSplits: 1).first.map { $0.lowercased() } ?? "" }
        let sameLanguage = languages.map(\.rawValue).filter { primary($0) == primary(name) }
        guard let suggestion = NameSuggestion.closest(to: name, among: sameLanguage) else {
            return "add it there or rename the file"
        }
        if suggestion.lowercased() == name.lowercased() {
            // Adding 'EN' beside 'en' would make a second language, not fix the name.
            return "did you mean \(suggestion).md? File names are case-sensitive: rename the file to \(suggestion).md"
        }
        return "did you mean \(suggestion).md? Rename the file, or add '\(name)' to site.yml"
    }

    /// Parses one version file: UTF-8 text, front matter, Markdown body, outline.
    static func parseDocument(_ file: SnapshotFile, language: LanguageTag, in content: DirectorySnapshot, diagnostics: inout [Diagnostic]) -> PolicyDocument? {
        let display = content.displayPath(file.path)
        guard let text = decodeText(file, in: content, code: .encoding, diagnostics: &diagnostics) else { return nil }
        guard !text.allSatisfy(\.isWhitespace) else {
            diagnostics.append(.error(.emptyFile, "file is empty; write the policy text, or delete the file", at: SourceLocation(file: display, line: 1, column: 1)))
            return nil
        }
        let split: SplitSource
        do {
            split = try FrontMatterSplitter.split(text)
        } catch {
            guard case .unclosed(let line) = error else { return nil }
            diagnostics.append(.error(.frontMatter, "front matter opened with '---' is never closed; add a line '---' after the last key", at: SourceLocation(file: display, line: line, column: 1)))
            return nil
        }
        if split.frontMatter == nil, let unopened = UnopenedFrontMatter.find(in: split.body) {
            // Like an unclosed one, the file cannot be read as its author meant: leave it out.
            let fix = unopened.line == 1 ? "add a line '---' before it" : "add a line '---' at the top of the file, before it"
            diagnostics.append(.error(.frontMatter, "'\(unopened.key): …' and the lines up to the '---' on line \(unopened.closingLine) look like front matter, but there is no opening '---' line: the page would show them as a heading and ignore their keys; \(fix)", at: SourceLocation(file: display, line: unopened.line, column: 1)))
            return nil
        }
        var frontMatter = FrontMatter()
        if let yaml = split.frontMatter {
            let (parsed, problems) = SettingsDecoder.frontMatter(yaml, file: display)
            diagnostics += problems
            guard let parsed else { return nil }
            frontMatter = parsed
        }
        let body = MarkdownParser.parse(split.body)
        let location = { (position: MarkdownPosition) in
            SourceLocation(file: display, line: position.line + split.bodyStartLine - 1, column: position.column)
        }
        if let flattened = body.flattened {
            // The parser caps nesting so that nothing later overflows the stack; say where.
            let more = flattened.count - 1
            let elsewhere = more == 0 ? "" : " and in \(more) more \(more == 1 ? "place" : "places")"
            diagnostics.append(.warning(.nestingTooDeep, "nesting deeper than \(MarkdownParser.maxBlockDepth) levels (block quotes, lists or emphasis) was flattened here\(elsewhere); the text is kept but the deeper structure is not; simplify the nesting", at: location(flattened.first)))
        }
        let outline = OutlineExtractor.extract(body, location: location)
        diagnostics += outline.diagnostics
        return PolicyDocument(language: language, file: display, frontMatter: frontMatter, body: body, headings: outline.headings, bodyStartLine: split.bodyStartLine, source: file.bytes)
    }

    /// The file's text, or a diagnostic (with the line of the first bad byte) if it is not UTF-8.
    static func decodeText(_ file: SnapshotFile, in content: DirectorySnapshot, code: DiagnosticCode, diagnostics: inout [Diagnostic]) -> String? {
        if let text = String(validating: file.bytes, as: UTF8.self) { return text }
        var line = 1
        var column = 1
        var iterator = file.bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                break loop
            }
        }
        diagnostics.append(.error(code, "file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: content.displayPath(file.path), line: line, column: column)))
        return nil
    }
}
