/// Where a version stands on the `--as-of` date.
public enum VersionStatus: String, Sendable, Hashable {
    /// Replaced by a later version that is in force.
    case archived
    /// In force on the as-of date.
    case current
    /// Takes effect after the as-of date.
    case upcoming
    /// Every text of it is a draft: it is not published, so it neither archives the version in
    /// force nor is announced. Only on a timeline that leaves drafts unpublished.
    case draft
}

/// A version placed on the timeline of its policy.
public struct TimelineEntry: Sendable, Equatable {
    public var version: PolicyVersion
    public var status: VersionStatus
    /// The effective date of the version that replaced (or will replace) it: the first day it
    /// was no longer in force. Pages print `lastDayInForce`, never this.
    public var replacedOn: CalendarDate?
    /// The version before it, if any.
    public var previous: CalendarDate?

    public var effective: CalendarDate { version.effective }

    /// The last day this version was in force, inclusive: the day before the version that
    /// replaced it took effect, so that no day belongs to two versions. Nil unless archived: a
    /// current or upcoming version is not known to end (the next one may still be moved).
    ///
    /// The one place the rule lives: the versions index, versions.json and the archived notice
    /// all print this date, so they cannot disagree about the day a version ended.
    public var lastDayInForce: CalendarDate? {
        guard status == .archived else { return nil }
        return replacedOn?.dayBefore
    }
}

/// The versions of one policy seen from one day: which is current, which archived, which
/// upcoming, which a draft. The one place the published timeline is decided: the checks read it
/// (a required section is held of current, upcoming and draft texts; a stale translation is
/// reported where the later version is not archived) and the renderer shows it (notices,
/// versions index, feeds, versions.json).
///
/// Statuses are decided among the published versions (those with a text that is not a draft):
/// a draft-only version dated between two published ones, or after the current one, does not
/// archive the version in force. A site built with drafts publishes them, and the renderer says
/// so (`draftsPublished`), so a preview shows a draft as it will be once published.
public struct PolicyTimeline: Sendable, Equatable {
    public let asOf: CalendarDate
    /// Oldest first.
    public let entries: [TimelineEntry]
    /// Where each date's entry is, and which is current: every page asks, so a lookup must not
    /// walk the entries (a policy with ten thousand versions made rendering quadratic).
    private let indexByDate: [CalendarDate: Int]
    private let currentIndex: Int?
    private let nextUpcomingIndex: Int?

    /// - Parameter draftsPublished: whether draft texts count as published (a build with
    ///   `--drafts`, `serve`); else a draft-only version has the status `draft`.
    public init(policy: Policy, asOf: CalendarDate, draftsPublished: Bool = false) {
        self.asOf = asOf
        let versions = policy.versions
        let published = versions.map { draftsPublished || !$0.isDraft }
        let currentIndex = versions.indices.last { published[$0] && versions[$0].effective <= asOf }
        self.currentIndex = currentIndex
        nextUpcomingIndex = versions.indices.first { published[$0] && versions[$0].effective > asOf }
        indexByDate = Dictionary(versions.indices.map { (versions[$0].effective, $0) }, uniquingKeysWith: { first, _ in first })
        entries = versions.indices.map { index in
            let status: VersionStatus
            if !published[index] { status = .draft }
            else if let currentIndex, index < currentIndex { status = .archived }
            else if index == currentIndex { status = .current }
            else { status = .upcoming }
            return TimelineEntry(
                version: versions[index],
                status: status,
                replacedOn: index + 1 < versions.count ? versions[index + 1].effective : nil,
                previous: index > 0 ? versions[index - 1].effective : nil
            )
        }
    }

    public var current: TimelineEntry? { currentIndex.map { entries[$0] } }

    /// The first upcoming version, the one a notice announces.
    public var nextUpcoming: TimelineEntry? { nextUpcomingIndex.map { entries[$0] } }

    /// What the policy's main page shows: the current version, or, before any is in force, the
    /// first upcoming one.
    public var featured: TimelineEntry? { current ?? nextUpcoming }

    public func entry(for date: CalendarDate) -> TimelineEntry? {
        indexByDate[date].map { entries[$0] }
    }
}
