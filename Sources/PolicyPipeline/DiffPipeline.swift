import PolicyChanges
import PolicyCore
import PolicySource
import PolicyModel

/// What `diff` is asked to compare, as the user typed it.
public struct DiffRequest: Sendable {
    public var policy: String
    public var from: String
    public var to: String
    /// Nil: the site's default language.
    public var language: String?

    public init(policy: String, from: String, to: String, language: String? = nil) {
        self.policy = policy
        self.from = from
        self.to = to
        self.language = language
    }
}

/// What `diff` found.
public struct DiffReport: Sendable {
    /// Problems reading or parsing `Content/`, when they stop the diff (exit 1 or 2, as `check`).
    public var diagnostics: [Diagnostic]
    /// Why nothing was compared, in words for the user (exit 2): an unknown policy, date or
    /// language, with what exists.
    public var refusal: String?
    /// Things the user should know about the comparison, e.g. that a translation is missing
    /// and another language's text was compared instead.
    public var notes: [String]
    /// The language asked for, as JSON's `lang` echoes it (the texts compared may be another
    /// language's: `comparedLanguage`, and a note says so).
    public var language: LanguageTag?
    /// The language of the two texts compared, when they share one.
    public var comparedLanguage: LanguageTag?
    public var diff: VersionDiff?

    public var exitStatus: ExitStatus {
        if refusal != nil { return .usageOrConfiguration }
        let status = ExitStatus.forDiagnostics(diagnostics, strict: false)
        return status == .success && diff == nil ? .usageOrConfiguration : status
    }
}

/// `diff` as named steps: load and parse `Content/` (stopping on errors, as `check` would),
/// find the two versions and the language, and compare them (pure: `VersionDiff.compare`).
public enum DiffPipeline {
    public static func diff(_ options: SiteOptions, _ request: DiffRequest) -> DiffReport {
        var report = DiffReport(diagnostics: [], refusal: nil, notes: [], language: nil, diff: nil)
        // The engine's load and parse; warnings alone do not stop a diff, errors are reported
        // with the warnings around them.
        let read = SiteEngine(options).read(through: .parse)
        guard let site = read.site, ExitStatus.forDiagnostics(read.diagnostics, strict: false) == .success else {
            report.diagnostics = read.diagnostics.isEmpty
                ? [.error(.siteConfig, "cannot read the site settings; run policysite check for details", at: SourceLocation(file: options.contentDirectory))]
                : read.diagnostics
            return report
        }

        switch resolve(request, in: site, contentDirectory: options.contentDirectory) {
        case .failure(let refusal):
            report.refusal = refusal.reason
        case .success(let request):
            report.language = request.language
            report.notes = request.notes
            report.comparedLanguage = request.old.language == request.new.language ? request.old.language : nil
            report.diff = VersionDiff.compare(old: request.old, new: request.new)
        }
        return report
    }

    public struct Refusal: Error, Equatable, Sendable {
        public var reason: String
    }

    /// The two documents to compare, and notes on falling back to another language.
    public struct Request: Sendable {
        public var old: PolicyDocument
        public var new: PolicyDocument
        /// The language asked for (the texts compared may be another's: see `notes`).
        public var language: LanguageTag
        public var notes: [String]
    }

    /// Finds the policy, the two versions and the language the user named, or says what exists.
    public static func resolve(_ options: DiffRequest, in site: Site, contentDirectory content: String = "Content") -> Result<Request, Refusal> {
        guard let slug = PolicySlug(options.policy), let policy = site.policy(slug) else {
            let known = site.policies.isEmpty ? "there are none" : "the policies are " + site.policies.map(\.slug.rawValue).joined(separator: ", ")
            return .failure(Refusal(reason: "there is no policy '\(options.policy)' in \(content); \(known)"))
        }
        let dates = policy.versions.map(\.effective.description).joined(separator: ", ")
        func version(_ text: String) -> Result<PolicyVersion, Refusal> {
            guard let date = CalendarDate(iso: text) else {
                return .failure(Refusal(reason: "'\(text)' is not a date; write it as YYYY-MM-DD. The versions of '\(slug)' are \(dates)"))
            }
            guard let version = policy.version(effective: date) else {
                return .failure(Refusal(reason: "'\(slug)' has no version dated \(date); its versions are \(dates)"))
            }
            return .success(version)
        }
        let old: PolicyVersion
        let new: PolicyVersion
        switch (version(options.from), version(options.to)) {
        case (.failure(let refusal), _), (_, .failure(let refusal)): return .failure(refusal)
        case (.success(let a), .success(let b)): (old, new) = (a, b)
        }

        let settings = site.settings
        let language: LanguageTag
        if let asked = options.language {
            guard let tag = LanguageTag(asked), settings.languages.contains(tag) else {
                return .failure(Refusal(reason: "'\(asked)' is not a language of this site; its languages are \(settings.languages.map(\.rawValue).joined(separator: ", ")) (site.yml)"))
            }
            language = tag
        } else {
            language = settings.defaultLanguage
        }

        // The change page's rule: two texts of one language, the asked one's where it has both.
        guard let compared = settings.comparedTexts(old: old, new: new, for: language) else {
            return .failure(Refusal(reason: "'\(slug)' has no text to compare in \(language)"))
        }
        var notes: [String] = []
        if !compared.isInReadersLanguage {
            let lacking = [old, new].filter { $0.document(in: language) == nil }.map(\.effective.description).joined(separator: " and ")
            let what = compared.language.map { "the \($0) texts (\(compared.old.file), \(compared.new.file))" }
                ?? "\(compared.old.file) with \(compared.new.file), as no language has both versions"
            notes.append("\(slug) has no \(language) text of \(lacking); comparing \(what) instead, as the \(language) change page does")
        }
        let (oldDocument, newDocument) = (compared.old, compared.new)
        return .success(Request(old: oldDocument, new: newDocument, language: language, notes: notes))
    }
}
