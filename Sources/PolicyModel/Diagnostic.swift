/// A place in a file that a diagnostic points at. Lines and columns are 1-based.
public struct SourceLocation: Sendable, Hashable {
    /// The path as the user would type it: the `--content` directory joined with the file's path.
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

public enum Severity: String, Sendable, Hashable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// What kind of problem a diagnostic reports; its name is printed in brackets, e.g. `[not-a-date]`,
/// and its category decides the exit status.
public struct DiagnosticCode: Sendable, Hashable, CustomStringConvertible {
    public enum Category: Sendable, Hashable {
        /// The content failed a check: exit status 1.
        case content
        /// Configuration (site.yml, templates) or input/output failed: exit status 2.
        case configuration
    }

    public let name: String
    public let category: Category

    public init(_ name: String, _ category: Category) {
        self.name = name
        self.category = category
    }

    public var description: String { name }

    // Content problems (exit 1).
    public static let frontMatter = DiagnosticCode("front-matter", .content)
    public static let unknownKey = DiagnosticCode("unknown-key", .content)
    public static let notADate = DiagnosticCode("not-a-date", .content)
    public static let badSlug = DiagnosticCode("bad-slug", .content)
    public static let unknownLanguage = DiagnosticCode("unknown-language", .content)
    public static let emptyFile = DiagnosticCode("empty-file", .content)
    public static let invalidUTF8 = DiagnosticCode("invalid-utf8", .content)
    public static let symlinkOutside = DiagnosticCode("symlink-outside", .content)
    public static let unexpectedFile = DiagnosticCode("unexpected-file", .content)
    public static let duplicateSectionID = DiagnosticCode("duplicate-section-id", .content)
    public static let invalidSectionID = DiagnosticCode("invalid-section-id", .content)
    public static let noVersions = DiagnosticCode("no-versions", .content)
    public static let missingDefaultLanguage = DiagnosticCode("missing-default-language", .content)
    public static let brokenLink = DiagnosticCode("broken-link", .content)
    public static let nestingTooDeep = DiagnosticCode("nesting-too-deep", .content)

    // Configuration and I/O problems (exit 2).
    public static let siteConfig = DiagnosticCode("site-config", .configuration)
    public static let policyConfig = DiagnosticCode("policy-config", .configuration)
    public static let unreadable = DiagnosticCode("unreadable", .configuration)
    public static let templates = DiagnosticCode("templates", .configuration)
    public static let output = DiagnosticCode("output", .configuration)
}

/// One problem, reported compiler style: `file:line:column: severity: message [code]`.
/// The message says what is wrong and what to do about it.
public struct Diagnostic: Sendable, Hashable, Error {
    public var location: SourceLocation
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, code, message, at: location)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location)
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, then position, then message, so reports are deterministic.
    public static func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            (a.location.file, a.location.line ?? 0, a.location.column ?? 0, a.code.name, a.message)
                < (b.location.file, b.location.line ?? 0, b.location.column ?? 0, b.code.name, b.message)
        }
    }
}

/// The contract's exit statuses.
public enum ExitStatus: Int32, Sendable {
    case success = 0
    case contentFailed = 1
    case usageOrConfiguration = 2

    /// 2 if anything is a configuration or I/O error; 1 if any content error (or, when strict,
    /// any warning); else 0.
    public static func forDiagnostics(_ diagnostics: [Diagnostic], strict: Bool) -> ExitStatus {
        if diagnostics.contains(where: { $0.severity == .error && $0.code.category == .configuration }) {
            return .usageOrConfiguration
        }
        if diagnostics.contains(where: { $0.severity == .error || strict }) {
            return .contentFailed
        }
        return .success
    }
}
