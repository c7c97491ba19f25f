/// How diagnostics are printed: `text` for people, `json` for tools, `github` for GitHub
/// Actions annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github

    /// - Parameters:
    ///   - sourceLine: the text of a line of a file (1-based), for the excerpt under a text
    ///     diagnostic; nil where the file cannot be read. The caller reads files (with a
    ///     `SourceLineReader`): the formats touch no file system.
    ///   - colour: ANSI colours in text output, for a terminal.
    public func format(_ diagnostics: [Diagnostic], sourceLine: (String, Int) -> String? = { _, _ in nil }, colour: Bool = false) -> String {
        switch self {
        case .text:
            let style = TextStyle(colour: colour)
            return diagnostics.map { TextDiagnostic.render($0, style: style, sourceLine: sourceLine) }.joined()
        case .json: return JSONDiagnostics.render(diagnostics)
        case .github: return diagnostics.map(Self.githubLine).map { $0 + "\n" }.joined()
        }
    }

    /// `::error file=…,line=…,col=…,title=…::message`, escaped as the Actions runner expects.
    /// Related locations join the message, as an annotation has one place.
    static func githubLine(_ diagnostic: Diagnostic) -> String {
        let data = OutputEscaping.githubData
        let property = OutputEscaping.githubProperty
        var properties = ["file=\(property(diagnostic.location.file))"]
        if let line = diagnostic.location.line { properties.append("line=\(line)") }
        if let column = diagnostic.location.column { properties.append("col=\(column)") }
        properties.append("title=\(property(diagnostic.code.name))")
        let command = switch diagnostic.severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
        var message = diagnostic.message
        for related in diagnostic.related {
            message += "\n\(TextDiagnostic.place(related.location)): \(related.message)"
        }
        return "::\(command) \(properties.joined(separator: ","))::\(data(message))"
    }
}

/// The JSON array the contract names: one object per diagnostic with file, line, column,
/// severity, code and message (null where a file has no position).
enum JSONDiagnostics {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let objects = diagnostics.map { diagnostic in
            "  {\"file\": \(string(diagnostic.location.file)), \"line\": \(number(diagnostic.location.line)), \"column\": \(number(diagnostic.location.column)), \"severity\": \(string(diagnostic.severity.rawValue)), \"code\": \(string(diagnostic.code.name)), \"message\": \(string(diagnostic.message))}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    static func string(_ value: String) -> String { JSONString.literal(value) }
}
