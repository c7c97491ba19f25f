/// A diagnostic as a compiler prints it:
///
/// ```
/// Content/privacy/2024-03-01/en.md:12:1: error: missing required section 'contact' [missing-section]
///    12 | ## How to reach us
///       | ^
/// Content/privacy/2024-03-01/en.md:3:1: note: first used here
/// ```
enum TextDiagnostic {
    static func render(_ diagnostic: Diagnostic, style: TextStyle, sourceLine: (String, Int) -> String?) -> String {
        // Paths and messages quote content (file names, keys, link targets): never raw controls.
        let visible = { (text: String) in OutputEscaping.visible(text) }
        var text = style.bold(visible(place(diagnostic.location)) + ":") + " "
            + style.severity(diagnostic.severity) + " " + style.bold(visible(diagnostic.message)) + " [\(diagnostic.code.name)]\n"
        text += excerpt(diagnostic.location, style: style, sourceLine: sourceLine)
        for related in diagnostic.related {
            text += style.bold(visible(place(related.location)) + ":") + " " + style.severity(.note) + " " + visible(related.message) + "\n"
            text += excerpt(related.location, style: style, sourceLine: sourceLine)
        }
        return text
    }

    /// `file:line:column`, as far as known.
    static func place(_ location: SourceLocation) -> String {
        var place = location.file
        if let line = location.line {
            place += ":\(line)"
            if let column = location.column { place += ":\(column)" }
        }
        return place
    }

    /// The source line and, under it, a caret at the column (`SourceExcerpt`).
    static func excerpt(_ location: SourceLocation, style: TextStyle, sourceLine: (String, Int) -> String?) -> String {
        guard let line = location.line, let source = sourceLine(location.file, line) else { return "" }
        let excerpt = SourceExcerpt(line: source, number: line, column: location.column)
        var text = style.dim(excerpt.gutter) + excerpt.text + "\n"
        if let indent = excerpt.caretIndent {
            text += style.dim(excerpt.caretGutter) + indent + style.caret(excerpt.caret) + "\n"
        }
        return text
    }
}

/// ANSI styling for a terminal; plain text otherwise.
struct TextStyle {
    var colour: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func caret(_ text: String) -> String { wrap(text, "1;32") }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: wrap("error:", "1;31")
        case .warning: wrap("warning:", "1;33")
        case .note: wrap("note:", "1;36")
        }
    }
}
