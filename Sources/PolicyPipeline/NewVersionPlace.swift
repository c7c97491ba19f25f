import PolicyModel

/// Where a new version goes among a policy's versions, and what it starts from.
///
/// The versions up to the one in force on `asOf` are the policy's history, published to
/// readers, so a new version must come after the current one. Before an upcoming version is
/// fine: an urgent change cannot wait for a version announced for later. The new version then
/// starts from the version just before its date (the current one, not the upcoming one, whose
/// changes are not yet in force), and the upcoming version follows it.
struct NewVersionPlace: Equatable, Sendable {
    /// The version it is copied from: the latest one dated before it.
    var copiedFrom: CalendarDate
    /// The upcoming version dated after it, which now follows it instead of `copiedFrom`.
    var followedBy: CalendarDate?
    /// The version in force on `asOf`, if any.
    var current: CalendarDate?

    /// - Parameter dates: the dates of the policy's versions, in any order; at least one.
    /// - Returns: the place, or why there is none, in words for the user.
    static func find(for effective: CalendarDate, among dates: [CalendarDate], asOf: CalendarDate, policy: PolicySlug) -> Result<NewVersionPlace, NewVersionPipeline.Refusal> {
        let dates = dates.sorted()
        let current = dates.last { $0 <= asOf }
        if let current, effective <= current {
            return .failure(.init(reason: "the new version must take effect after the version of '\(policy)' in force on \(asOf), \(current); \(effective) is not after it. Versions up to the one in force are published history and stay as they are: pass a later date with --effective YYYY-MM-DD"))
        }
        guard let copiedFrom = dates.last(where: { $0 < effective }) else {
            // Every version is upcoming and this one would come first: there is nothing in
            // force to amend, and nothing before it to copy.
            return .failure(.init(reason: "'\(policy)' has no version before \(effective) to start from; its first version takes effect on \(dates.first.map(\.description) ?? "?"). Pass a later date with --effective YYYY-MM-DD"))
        }
        return .success(NewVersionPlace(copiedFrom: copiedFrom, followedBy: dates.first { $0 > effective }, current: current))
    }
}
