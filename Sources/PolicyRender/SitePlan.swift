import PolicyModel

/// One file of the site to render, with what it is made from.
///
/// Besides its `inputs`, every file depends on the site settings, the templates and the as-of
/// date; an incremental build re-renders a file when any of these changed, and only then.
public struct PlannedFile: Sendable {
    /// Where the file is in the site.
    public let location: PagePath
    public let kind: PlannedFileKind
    /// Sorted and unique.
    public let inputs: [RenderInput]

    /// Relative to the output root, e.g. `en/privacy/2024-03-01/index.html`.
    public var path: String { location.file }

    /// A page a template renders (listed in the sitemap), as opposed to a feed, JSON or asset.
    public var isPage: Bool {
        switch kind {
        case .languagePicker, .languageHome, .version, .changes, .versionsIndex: true
        case .versionsJSON, .feed, .sitemap, .asset, .notFound, .staticFile: false
        }
    }
}

/// What a planned file shows.
public enum PlannedFileKind: Sendable, Hashable {
    case languagePicker
    case languageHome(LanguageTag)
    /// A dated version page, or (`atPolicyHome`) the policy's main page showing that version.
    case version(LanguageTag, PolicySlug, CalendarDate, atPolicyHome: Bool)
    /// What changed in a version since the one before it.
    case changes(LanguageTag, PolicySlug, CalendarDate)
    case versionsIndex(LanguageTag, PolicySlug)
    case versionsJSON(LanguageTag, PolicySlug)
    case feed(LanguageTag, PolicySlug)
    case sitemap
    /// A file of the templates' `assets/`, by index.
    case asset(Int)
    /// `404.html`: a page, but not one the sitemap lists.
    case notFound
    /// A file of the templates' `static/`, by index, copied to the site's root.
    case staticFile(Int)
}

/// An input a file is rendered from, beyond what every file depends on.
public enum RenderInput: Sendable, Hashable, Comparable {
    /// The exact bytes of one version file (its body is shown or compared).
    case document(VersionFilePath)
    /// A policy's `policy.yml`, its versions and their languages, and every version's front
    /// matter: what titles, notices, links between versions and `policy:` links depend on.
    case timeline(PolicySlug)
    /// The paths of every page (the sitemap lists them).
    case pageList
}

/// Every file of the site in a fixed order: the explicit plan that a full build renders whole
/// and an incremental build filters by what changed.
public struct SitePlan: Sendable {
    public let files: [PlannedFile]

    /// For each input, the files (indices into `files`) made from it: the reverse index by
    /// which a rebuild finds what a changed file touches without looking at every file. Made
    /// on demand: only the engine that rebuilds reads it, and keeps it with the plan.
    public func reverseIndex() -> [RenderInput: [Int]] {
        var dependents: [RenderInput: [Int]] = [:]
        for (index, file) in files.enumerated() {
            for input in file.inputs { dependents[input, default: []].append(index) }
        }
        return dependents
    }
}
