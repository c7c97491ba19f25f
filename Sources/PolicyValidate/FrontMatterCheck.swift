import PolicyDiagnostics
import PolicyModel

/// What readers are told about a version besides its text:
/// - `missing-summary` (warning): a version after the first whose document has no `summary`,
///   so the versions index and the change page cannot say what changed;
/// - `missing-title` (warning): a site language whose pages of a policy would show a title in
///   another language or the folder name, because neither the front matter of that language's
///   file nor policy.yml gives one.
struct FrontMatterCheck: SiteCheck {
    let name = "front-matter"

    func check(_ input: ValidationInput) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for policy in input.site.policies {
            diagnostics += missingSummaries(policy)
            diagnostics += missingTitles(policy, settings: input.site.settings)
        }
        return diagnostics
    }

    private func missingSummaries(_ policy: Policy) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (previous, version) in zip(policy.versions, policy.versions.dropFirst()) {
            for document in version.documents where document.frontMatter.summary == nil {
                diagnostics.append(.warning(.missingSummary, "no 'summary' in the front matter; every version after the first needs one: add 'summary: …' telling readers what changed since \(previous.effective)", at: document.start))
            }
        }
        return diagnostics
    }

    /// One warning per language, at the first version whose pages in it lack a title of their own.
    private func missingTitles(_ policy: Policy, settings: SiteSettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for language in settings.languages {
            if let title = policy.settings.title, Self.hasOwnText(title, for: language) { continue }
            for version in policy.versions {
                let own = version.document(in: language)
                if own?.frontMatter.title != nil { continue }
                let shown = version.shownDocument(in: language, settings: settings)
                let fallback = fallbackTitle(policy, language: language, shown: shown, settings: settings)
                let place = own?.start ?? SourceLocation(file: shown?.policyFolder ?? policy.slug.rawValue)
                let fix = own == nil
                    ? "add '\(language): …' to 'title' in \(policy.slug)/policy.yml"
                    : "add '\(language): …' to 'title' in \(policy.slug)/policy.yml, or 'title: …' to this file's front matter"
                diagnostics.append(.warning(.missingTitle, "policy '\(policy.slug)' has no \(language) title: its \(language) pages would show \(fallback); \(fix)", at: place))
                break
            }
        }
        return diagnostics
    }

    /// What the renderer shows instead (`SiteRenderer.policyTitle`): policy.yml's title in
    /// another language, else the shown document's own title, else the folder name.
    private func fallbackTitle(_ policy: Policy, language: LanguageTag, shown: PolicyDocument?, settings: SiteSettings) -> String {
        if case .perLanguage(let texts)? = policy.settings.title?.storage {
            for other in settings.fallbacks(for: language) {
                if let text = texts[other] { return "the \(other) title '\(shortened(text))'" }
            }
        }
        if let shown, let title = shown.frontMatter.title {
            return "the \(shown.language) title '\(shortened(title))'"
        }
        return "its folder name '\(policy.slug)'"
    }

    private static func hasOwnText(_ text: LocalizedText, for language: LanguageTag) -> Bool {
        switch text.storage {
        case .everyLanguage: true
        case .perLanguage(let texts): texts[language] != nil
        }
    }
}
