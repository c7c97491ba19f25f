import PolicyDiagnostics
import PolicyModel
import PolicyParallel

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

    /// The families are pure and independent: they run at once, over every core.
    public static func validate(_ input: ValidationInput) -> [Diagnostic] {
        checks.parallelMap { $0.check(input) }.flatMap { $0 }
    }
}
