import PolicyCore
import PolicySource
import PolicyModel
import PolicyRender

/// What `check` found (and what `lock`, `diff` and `new` read): the engine's read stages.
public struct CheckReport: Sendable {
    /// Sorted for the report.
    public var diagnostics: [Diagnostic]
    /// The parsed site, drafts included; nil when site.yml could not be read.
    public var site: Site?
    /// The content as read; nil when the content directory could not be read.
    public var snapshot: DirectorySnapshot?
    /// Nil when the templates were not read or failed.
    public var templates: TemplateSet?
    public var exitStatus: ExitStatus
}

/// `check`: the engine's load, parse and validate stages, content and templates, rendering
/// nothing.
public enum CheckPipeline {
    public static func check(_ options: SiteOptions) -> CheckReport {
        SiteEngine(options).read(through: .templates)
    }
}
