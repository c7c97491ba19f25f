import PolicyCore

/// Where `serve` reports: status lines (start-up, one per rebuild) and diagnostics. The command
/// prints them to the terminal; tests collect them.
public struct ServeConsole: Sendable {
    public var status: @Sendable (String) -> Void
    public var diagnostics: @Sendable ([Diagnostic]) -> Void

    public init(status: @escaping @Sendable (String) -> Void, diagnostics: @escaping @Sendable ([Diagnostic]) -> Void) {
        self.status = status
        self.diagnostics = diagnostics
    }
}
