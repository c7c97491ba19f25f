import PolicyCore
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

    /// The families are pure and independent: they run at once, over every core.
    public static func validate(_ input: ValidationInput) -> [Diagnostic] {
        validate(input, reusing: CheckMemo()).diagnostics
    }

    /// As `validate(_:)`, taking the results of units (a document, a pair of versions) whose files
    /// are unchanged from `memo`, the memo of the previous validation of the same site; returns the
    /// memo for the next one. The diagnostics are the same as without a memo.
    public static func validate(_ input: ValidationInput, reusing memo: CheckMemo) -> (diagnostics: [Diagnostic], memo: CheckMemo) {
        let previous = memo.settings == input.site.settings && memo.asOf == input.asOf ? memo.results : [:]
        let outcomes = checks.parallelMap { check -> (diagnostics: [Diagnostic], results: [CheckUnitKey: [Diagnostic]]?) in
            guard let unitCheck = check as? any UnitCheck else { return (check.check(input), nil) }
            let outcome = unitCheck.check(input, reusing: previous[check.name] ?? [:])
            return (outcome.diagnostics, outcome.results)
        }
        var next = CheckMemo()
        next.settings = input.site.settings
        next.asOf = input.asOf
        for (check, outcome) in zip(checks, outcomes) where outcome.results != nil {
            next.results[check.name] = outcome.results
        }
        return (outcomes.flatMap(\.diagnostics), next)
    }
}
