import Mustache
import PolicyCore
import PolicySource
import PolicyModel

/// Everything from `Templates/`: the Mustache templates, the UI strings and the static assets.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Each page template compiled for its page's context (RenderPlan), by template name; a page
    /// template missing here renders with `library`.
    var plans: [String: RenderPlan] = [:]
    public let strings: UIStrings
    /// Files under `assets/`, copied to `Output/assets/` as they are.
    public let assets: [SnapshotFile]
    /// Files under `static/`, copied to the site's root as they are (robots.txt, CNAME,
    /// .well-known/…), by path relative to the root.
    public let staticFiles: [StaticFile]

    /// The pages the renderer writes, each with the context its template renders: the entry
    /// points of the template check.
    static let pages: [any PageTemplateContext.Type] = [
        LanguagePickerContext.self, LanguageHomeContext.self, VersionPageContext.self, VersionsPageContext.self,
        ChangePageContext.self, NotFoundPageContext.self,
    ]

    /// The page templates the renderer uses; their partials and layouts are the template
    /// author's business, checked in the context of each page that uses them.
    ///
    /// Templates are named by file name alone, whatever folder holds them (`pages/version.mustache`
    /// is `version`), because swift-mustache does not accept `/` in the name that closes an
    /// inherited layout (`{{/base}}`).
    public static let pageTemplates = pages.map { $0.template }

    /// swift-mustache's parser measures the rest of the template at every tag, so its time grows
    /// with the square of a template's size (a 90 KB template of dense tags takes seconds);
    /// real templates are a few KB, and a larger one can be split into partials.
    static let maximumTemplateBytes = 64 * 1024

    /// One folder of templates alone (tests, and sites read without the built-in theme).
    public static func make(from snapshot: DirectorySnapshot, languages: [LanguageTag]) -> (TemplateSet?, [Diagnostic]) {
        make(from: [snapshot], languages: languages)
    }

    /// The theme's layers, lowest first (the built-in theme, then the site's `Templates/`): a
    /// file of a later layer replaces the file at the same relative path, and strings files
    /// are merged key by key, so a site overrides one layout or one sentence and keeps the rest.
    public static func make(from layers: [DirectorySnapshot], languages: [LanguageTag]) -> (TemplateSet?, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var stringLayers: [[UIStrings.SourceFile]] = []
        var assets: [SnapshotFile] = []
        var staticFiles: [StaticFile] = []
        var registered: [String: String] = [:]
        var checkable: [String: CheckableTemplate] = [:]
        var texts: [String: String] = [:]
        var unreadable: Set<String> = []
        // Templates, assets and static files: the top-most layer's file at each path.
        var chosen: [String: (file: SnapshotFile, display: String, layer: Int)] = [:]
        for (index, layer) in layers.enumerated() {
            var strings: [UIStrings.SourceFile] = []
            for file in layer.files {
                if file.path.hasPrefix("strings/"), file.path.hasSuffix(".yml") {
                    guard let text = String(validating: file.bytes, as: UTF8.self) else {
                        diagnostics.append(.error(.template, "file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: layer.displayPath(file.path))))
                        continue
                    }
                    strings.append(UIStrings.SourceFile(path: file.path, text: text, display: layer.displayPath(file.path)))
                } else {
                    chosen[file.path] = (file, layer.displayPath(file.path), index)
                }
            }
            stringLayers.append(strings)
        }
        for path in chosen.keys.sorted() {
            guard let (file, display, _) = chosen[path] else { continue }
            if file.path.hasPrefix("assets/") {
                assets.append(SnapshotFile(path: String(file.path.dropFirst("assets/".count)), bytes: file.bytes))
                continue
            }
            if file.path.hasPrefix("static/") {
                staticFiles.append(StaticFile(path: String(file.path.dropFirst("static/".count)), bytes: file.bytes, display: display))
                continue
            }
            guard file.path.hasSuffix(".mustache") else { continue }
            guard let text = String(validating: file.bytes, as: UTF8.self) else {
                diagnostics.append(.error(.template, "file is not valid UTF-8; save it as UTF-8", at: SourceLocation(file: display)))
                continue
            }
            let name = String(file.path.dropLast(".mustache".count).split(separator: "/").last ?? "")
            if let first = registered[name] {
                let hint = layers.count > 1 ? "; to replace a built-in template, put yours at the same path (e.g. pages/\(name).mustache)" : ""
                diagnostics.append(.error(.template, "a second template named '\(name)' (the first is \(first)); templates are named by file name, so give each a different one\(hint)", at: SourceLocation(file: display)))
                continue
            }
            registered[name] = display
            guard file.bytes.count <= maximumTemplateBytes else {
                diagnostics.append(.error(.template, "template is \(file.bytes.count / 1024) KB, larger than the \(maximumTemplateBytes / 1024) KB policysite reads; move parts of it into partials", at: SourceLocation(file: display)))
                unreadable.insert(name)
                continue
            }
            // Our reader first: it refuses what it cannot check, and nesting deep enough to
            // exhaust swift-mustache's recursive parser, before that parser sees it.
            let tokenized = TemplateTokenizer.tokenize(text)
            if let problem = tokenized.problem {
                diagnostics.append(.error(.template, "template does not parse: \(problem.message)", at: SourceLocation(file: display, line: problem.line, column: problem.column)))
                unreadable.insert(name)
                continue
            }
            do {
                try library.register(text, named: name)
                checkable[name] = CheckableTemplate(file: display, tags: tokenized.tags)
                texts[name] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(.template, "template does not parse: \(error.error)", at: SourceLocation(file: display, line: error.context.lineNumber, column: error.context.columnNumber)))
                unreadable.insert(name)
            } catch {
                diagnostics.append(.error(.template, "template does not parse: \(error)", at: SourceLocation(file: display)))
                unreadable.insert(name)
            }
        }
        let top = layers.last ?? DirectorySnapshot(root: "Templates", files: [])
        for name in pageTemplates where registered[name] == nil {
            diagnostics.append(.error(.template, "template '\(name)' is missing; create pages/\(name).mustache in the templates directory", at: SourceLocation(file: top.displayPath("pages/\(name).mustache"))))
        }
        diagnostics += checkNames(checkable, unreadable: unreadable)
        let (strings, stringDiagnostics) = UIStrings.load(layers: stringLayers, languages: languages, siteStringsRoot: top)
        diagnostics += stringDiagnostics
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        var set = TemplateSet(library: library, strings: strings, assets: assets, staticFiles: staticFiles)
        set.plans = compilePlans(texts)
        return (set, diagnostics)
    }

    /// A plan for every page template the compiler can follow to the end; the others (a
    /// construct it leaves to swift-mustache) render as before.
    static func compilePlans(_ texts: [String: String]) -> [String: RenderPlan] {
        var plans: [String: RenderPlan] = [:]
        for page in pages {
            if case .success(let plan) = RenderPlanCompiler.compile(page: page.template, root: page, texts: texts) {
                plans[page.template] = plan
            }
        }
        return plans
    }

    /// The same set rendering every page with swift-mustache, to compare with the plans.
    var withoutPlans: TemplateSet {
        var set = self
        set.plans = [:]
        return set
    }

    /// Every page template with its partials and layouts, against the page's context schema.
    static func checkNames(_ templates: [String: CheckableTemplate], unreadable: Set<String>) -> [Diagnostic] {
        let checker = TemplateChecker(templates: templates, unreadable: unreadable)
        let results = pages.filter { templates[$0.template] != nil }.map { page in
            (page: page.template, result: checker.check(page: page.template, root: page))
        }
        var templateOfFile: [String: String] = [:]
        for (name, template) in templates { templateOfFile[template.file] = name }
        return TemplateCheckReport.diagnostics(pages: results, templateOfFile: templateOfFile)
    }
}

/// A file of the theme's `static/` folder, for the site's root.
public struct StaticFile: Sendable {
    /// Relative to the site's root: `robots.txt`, `.well-known/security.txt`.
    public let path: String
    public let bytes: [UInt8]
    /// Where it came from, as diagnostics name it (`Templates/static/robots.txt`).
    public let display: String
}
