/// How serious a diagnostic is. Errors fail the build; warnings fail it only with `--strict`;
/// notes inform and never fail it.
public enum Severity: String, Sendable, Hashable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem, reported compiler style: `file:line:column: severity: message [code]`.
/// The message says what is wrong and what to do about it.
public struct Diagnostic: Sendable, Hashable, Error {
    public var location: SourceLocation
    public var severity: Severity
    public var code: DiagnosticCode
    public var message: String
    /// Other places that explain this one, printed after it.
    public var related: [RelatedLocation]

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation, related: [RelatedLocation] = []) {
        self.location = location
        self.severity = severity
        self.code = code
        self.message = message
        self.related = related
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, related: related)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, related: related)
    }

    public static func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, related: [RelatedLocation] = []) -> Diagnostic {
        Diagnostic(.note, code, message, at: location, related: related)
    }
}

extension Diagnostic {
    /// Orders diagnostics by file, then position, then code and message, so reports are
    /// deterministic; exact duplicates (one text rendered on several pages) are dropped.
    public static func sortedForReport(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen: Set<Diagnostic> = []
        return diagnostics.filter { seen.insert($0).inserted }.sorted { a, b in
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
    /// any warning); else 0. Notes never change the status.
    public static func forDiagnostics(_ diagnostics: [Diagnostic], strict: Bool) -> ExitStatus {
        if diagnostics.contains(where: { $0.severity == .error && $0.code.category == .configuration }) {
            return .usageOrConfiguration
        }
        if diagnostics.contains(where: { $0.severity == .error || (strict && $0.severity == .warning) }) {
            return .contentFailed
        }
        return .success
    }
}
