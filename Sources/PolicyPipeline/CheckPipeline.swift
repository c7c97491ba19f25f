import PolicyDiagnostics
import PolicyLoad
import PolicyModel
import PolicyParse
import PolicyRender
import PolicyTheme
import PolicyValidate

/// What `check` reads.
public struct CheckOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// The templates folder was named by the user (`--templates`): its absence is an error.
    /// Otherwise a missing folder means the built-in theme alone.
    public var templatesRequired: Bool
    /// Decides which version is current. Passed in: the pipeline never reads the clock.
    public var asOf: CalendarDate
    /// Warnings fail too.
    public var strict: Bool

    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", templatesRequired: Bool = false, asOf: CalendarDate, strict: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.templatesRequired = templatesRequired
        self.asOf = asOf
        self.strict = strict
    }
}

/// What `check` found, and what `build` renders when nothing failed.
public struct CheckReport: Sendable {
    /// Sorted for the report.
    public var diagnostics: [Diagnostic]
    /// The parsed site, drafts included; nil when site.yml could not be read.
    public var site: Site?
    /// Nil when the templates failed.
    public var templates: TemplateSet?
    public var exitStatus: ExitStatus
}

/// `check` as named steps: load the content and parse it, validate the model, and load and
/// check the templates. The content and the templates are independent, so a content error
/// does not hide a template error: every step runs and all problems are reported together.
public enum CheckPipeline {
    public static func check(_ options: CheckOptions) -> CheckReport {
        var diagnostics: [Diagnostic] = []

        // 1. Load and parse: Content/ into the model.
        var site: Site?
        do {
            let loaded = try DirectoryLoader().load(options.contentDirectory)
            diagnostics += loaded.diagnostics
            let parsed = SiteParser.parse(loaded.snapshot)
            diagnostics += parsed.diagnostics
            site = parsed.site
        } catch {
            diagnostics.append(error)
        }

        // 2. Validate: the contract's checks over the model.
        if let site {
            diagnostics += SiteValidator.validate(ValidationInput(site: site, asOf: options.asOf))
        }

        // 3. Templates: the built-in theme under the site's own; Mustache, UI strings, assets
        //    and static files; checked against the site's languages when site.yml was readable.
        var (templates, templateDiagnostics) = TemplateLoading.load(
            directory: options.templatesDirectory, required: options.templatesRequired, languages: site?.settings.languages ?? []
        )
        templateDiagnostics += TemplateLoading.staticClashes(templates, site: site, asOf: options.asOf)
        if templateDiagnostics.contains(where: { $0.severity == .error }) { templates = nil }
        diagnostics += templateDiagnostics

        let sorted = Diagnostic.sortedForReport(diagnostics)
        return CheckReport(diagnostics: sorted, site: site, templates: templates, exitStatus: ExitStatus.forDiagnostics(sorted, strict: options.strict))
    }
}
