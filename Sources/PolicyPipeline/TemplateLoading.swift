import PolicyCore
import PolicyModel
import PolicyRender
import PolicyTheme

/// The one way `check`, `build` and the engine read the templates: the built-in theme with the
/// site's folder over it, checked against the site's languages; and the one way they check the
/// theme's static files against the paths the site generates.
enum TemplateLoading {
    static func load(directory: String, required: Bool, languages: [LanguageTag]) -> (TemplateSet?, [Diagnostic]) {
        let theme = ThemeLayers.load(directory: directory, explicit: required)
        let (set, problems) = TemplateSet.make(from: theme.layers, languages: languages)
        let diagnostics = theme.diagnostics + problems
        return (diagnostics.contains { $0.severity == .error } ? nil : set, diagnostics)
    }

    /// Drafts included: a static file must not take the place of a page `--drafts` writes.
    static func staticClashes(_ templates: TemplateSet?, site: Site?, asOf: CalendarDate) -> [Diagnostic] {
        guard let templates, let site, !templates.staticFiles.isEmpty else { return [] }
        return SiteRenderer(site: site, templates: templates, asOf: asOf).staticClashes()
    }
}
