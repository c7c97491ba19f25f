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
        var text = style.bold(place(diagnostic.location) + ":") + " "
            + style.severity(diagnostic.severity) + " " + style.bold(diagnostic.message) + " [\(diagnostic.code.name)]\n"
        text += excerpt(diagnostic.location, style: style, sourceLine: sourceLine)
        for related in diagnostic.related {
            text += style.bold(place(related.location) + ":") + " " + style.severity(.note) + " " + related.message + "\n"
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

    /// The source line and, under it, a caret at the column.
    static func excerpt(_ location: SourceLocation, style: TextStyle, sourceLine: (String, Int) -> String?) -> String {
        guard let line = location.line, let source = sourceLine(location.file, line) else { return "" }
        let number = String(line)
        let gutter = String(repeating: " ", count: max(5 - number.count, 1))
        let shown = printable(source)
        var text = style.dim(gutter + number + " | ") + shown + "\n"
        if let column = location.column, column >= 1 {
            // The column counts UTF-8 bytes; the caret goes under the character at that byte,
            // keeping tabs and counting wide (CJK) characters as two columns, so it lines up in
            // a terminal.
            let before = shown.utf8.prefix(column - 1)
            let pad = String(decoding: before, as: UTF8.self).map { $0 == "\t" ? "\t" : String(repeating: " ", count: TerminalWidth.columns(of: $0)) }.joined()
            text += style.dim(String(repeating: " ", count: gutter.count + number.count) + " | ") + pad + style.caret("^") + "\n"
        }
        return text
    }

    /// The line without its terminator or control characters (a hostile file must not drive
    /// the terminal), and cut at 200 characters.
    static func printable(_ line: String) -> String {
        var result = ""
        for character in line.prefix(200) where character != "\n" && character != "\r" {
            if character == "\t" || !(character.unicodeScalars.first.map { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) } ?? false) {
                result.append(character)
            } else {
                result.append("\u{FFFD}")
            }
        }
        return result
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
