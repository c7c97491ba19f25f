/// Where a version stands on the `--as-of` date.
public enum VersionStatus: String, Sendable, Hashable {
    /// Replaced by a later version that is in force.
    case archived
    /// In force on the as-of date.
    case current
    /// Takes effect after the as-of date.
    case upcoming
}

/// A version placed on the timeline of its policy.
public struct TimelineEntry: Sendable, Equatable {
    public var version: PolicyVersion
    public var status: VersionStatus
    /// The effective date of the version that replaced (or will replace) it.
    public var replacedOn: CalendarDate?
    /// The version before it, if any.
    public var previous: CalendarDate?

    public var effective: CalendarDate { version.effective }
}

/// The versions of one policy seen from one day: which is current, which archived, which upcoming.
public struct PolicyTimeline: Sendable, Equatable {
    public let asOf: CalendarDate
    /// Oldest first.
    public let entries: [TimelineEntry]

    public init(policy: Policy, asOf: CalendarDate) {
        self.asOf = asOf
        let versions = policy.versions
        let currentIndex = versions.lastIndex { $0.effective <= asOf }
        entries = versions.indices.map { index in
            let status: VersionStatus
            if let currentIndex, index < currentIndex { status = .archived }
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

    public var current: TimelineEntry? { entries.first { $0.status == .current } }

    /// The first upcoming version, the one a notice announces.
    public var nextUpcoming: TimelineEntry? { entries.first { $0.status == .upcoming } }

    /// What the policy's main page shows: the current version, or, before any is in force, the
    /// first upcoming one.
    public var featured: TimelineEntry? { current ?? nextUpcoming }

    public func entry(for date: CalendarDate) -> TimelineEntry? {
        entries.first { $0.effective == date }
    }
}
