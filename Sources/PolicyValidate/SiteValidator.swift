import PolicyDiagnostics
import PolicyModel

/// The validate stage, between parse and render: every check family over the site model.
/// `check` runs it after parsing; `build` runs it and then renders.
public enum SiteValidator {
    /// The check families, in the order their diagnostics are gathered (the report is sorted by
    /// position anyway).
    public static let checks: [any SiteCheck] = [
        RequiredSectionsCheck(),
        LinkCheck(),
        TranslationCheck(),
        StaleTranslationCheck(),
        DroppedContentCheck(),
        EmptySectionCheck(),
        FrontMatterCheck(),
        PublishedCheck(),
    ]

    public static func validate(_ input: ValidationInput) -> [Diagnostic] {
        checks.flatMap { $0.check(input) }
    }
}
