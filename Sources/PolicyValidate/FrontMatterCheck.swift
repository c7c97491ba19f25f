import PolicyCore
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

    /// One warning per language, at the first version whose pages in it would show a title in
    /// another language (or the folder name): `Policy.title`, the renderer's rule, decides.
    private func missingTitles(_ policy: Policy, settings: SiteSettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for language in settings.languages {
            for version in policy.versions {
                let shown = version.shownDocument(in: language, settings: settings)
                let title = policy.title(in: language, showing: shown, settings: settings)
                if title.isOwn(for: language) { continue }
                let own = version.document(in: language)
                let place = own?.start ?? SourceLocation(file: shown?.policyFolder ?? policy.slug.rawValue)
                let fix = own == nil
                    ? "add '\(language): …' to 'title' in \(policy.slug)/policy.yml"
                    : "add '\(language): …' to 'title' in \(policy.slug)/policy.yml, or 'title: …' to this file's front matter"
                diagnostics.append(.warning(.missingTitle, "policy '\(policy.slug)' has no \(language) title: its \(language) pages would show \(Self.describe(title)); \(fix)", at: place))
                break
            }
        }
        return diagnostics
    }

    /// The title a page shows instead of its own, for the message.
    private static func describe(_ title: PolicyTitle) -> String {
        switch title.source {
        case .policySettings(let language?), .shownText(let language): "the \(language) title '\(shortened(title.text))'"
        case .folderName: "its folder name '\(title.text)'"
        // Own titles are not reported.
        case .ownText, .policySettings(nil): "'\(shortened(title.text))'"
        }
    }
}
