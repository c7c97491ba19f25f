import PolicyCore
import PolicyModel

/// What every check sees: the parsed site, drafts included (a draft is held to the same rules
/// as the version it will become), and the day that decides which version is current.
public struct ValidationInput: Sendable {
    public var site: Site
    public var asOf: CalendarDate

    public init(site: Site, asOf: CalendarDate) {
        self.site = site
        self.asOf = asOf
    }
}

/// One family of checks from the contract: a pure function from the site to diagnostics.
public protocol SiteCheck: Sendable {
    /// A short name for reports and tests, e.g. `links`.
    var name: String { get }
    func check(_ input: ValidationInput) -> [Diagnostic]
}
