import PolicyModel

/// How diagnostics are printed: `text` for people, `json` for tools, `github` for GitHub
/// Actions annotations.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case json
    case github

    public func format(_ diagnostics: [Diagnostic]) -> String {
        switch self {
        case .text: return diagnostics.map(Self.textLine).map { $0 + "\n" }.joined()
        case .json: return Self.json(diagnostics)
        case .github: return diagnostics.map(Self.githubLine).map { $0 + "\n" }.joined()
        }
    }

    /// `Content/privacy/2024-03-01/en.md:12:1: error: missing required section 'contact' [missing-section]`
    static func textLine(_ diagnostic: Diagnostic) -> String {
        var place = diagnostic.location.file
        if let line = diagnostic.location.line {
            place += ":\(line)"
            if let column = diagnostic.location.column { place += ":\(column)" }
        }
        return "\(place): \(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.code.name)]"
    }

    static func json(_ diagnostics: [Diagnostic]) -> String {
        func string(_ value: String) -> String {
            var result = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result + "\""
        }
        func number(_ value: Int?) -> String { value.map(String.init) ?? "null" }
        let objects = diagnostics.map { diagnostic in
            "  {\"file\": \(string(diagnostic.location.file)), \"line\": \(number(diagnostic.location.line)), \"column\": \(number(diagnostic.location.column)), \"severity\": \(string(diagnostic.severity.rawValue)), \"code\": \(string(diagnostic.code.name)), \"message\": \(string(diagnostic.message))}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    /// `::error file=…,line=…,col=…,title=…::message`, escaped as the Actions runner expects.
    static func githubLine(_ diagnostic: Diagnostic) -> String {
        func data(_ value: String) -> String {
            value.replacing("%", with: "%25").replacing("\r", with: "%0D").replacing("\n", with: "%0A")
        }
        func property(_ value: String) -> String {
            data(value).replacing(":", with: "%3A").replacing(",", with: "%2C")
        }
        var properties = ["file=\(property(diagnostic.location.file))"]
        if let line = diagnostic.location.line { properties.append("line=\(line)") }
        if let column = diagnostic.location.column { properties.append("col=\(column)") }
        properties.append("title=\(property(diagnostic.code.name))")
        return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(data(diagnostic.message))"
    }
}
