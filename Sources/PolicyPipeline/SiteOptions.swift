import Foundation
import PolicyModel

/// What every command reads and how: the one options type of the pipeline. `check`, `build`,
/// `serve`, `lock`, `diff` and `new` each set what they use; the rest keeps its default.
public struct SiteOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    /// The templates folder was named by the user (`--templates`): its absence is an error.
    /// Otherwise a missing folder means the built-in theme alone.
    public var templatesRequired: Bool
    /// Where `build` writes the site (replaced whole on success).
    public var outputDirectory: String
    /// Decides which version is current. Passed in: the pipeline never reads the clock.
    public var asOf: CalendarDate
    /// Drafts are rendered (with their badge), as `build --drafts` and `serve` do.
    public var includeDrafts: Bool
    /// Warnings fail too.
    public var strict: Bool
    /// `build` replaces a non-empty output directory that policysite did not write.
    public var force: Bool
    /// Never used as the output: `$HOME` and the account's home directory. Passed in so that
    /// tests need not touch the real one.
    public var homeDirectories: [String]

    public init(contentDirectory: String = "Content", templatesDirectory: String = "Templates", templatesRequired: Bool = false,
                outputDirectory: String = "Output", asOf: CalendarDate, includeDrafts: Bool = false, strict: Bool = false,
                force: Bool = false, homeDirectories: [String] = SiteOptions.userHomeDirectories) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.templatesRequired = templatesRequired
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.force = force
        self.homeDirectories = homeDirectories
    }

    public static var userHomeDirectories: [String] {
        [ProcessInfo.processInfo.environment["HOME"], FileManager.default.homeDirectoryForCurrentUser.path].compactMap { $0 }
    }
}
