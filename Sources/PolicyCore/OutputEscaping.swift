/// Escaping of content (which is hostile: it comes from pull requests) for the two plain-text
/// outputs of diagnostics, and for `diff`'s terminal text. Both work on Unicode scalars, never on `Character`s: Swift holds
/// "\r\n" as one `Character`, so a per-character rule would let it through whole.
public enum OutputEscaping {
    /// C0 and C1 control characters and DEL: what can move a terminal's cursor, retitle its
    /// window or clear it.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
    }

    /// Terminal text: every control character shown as `\u{1B}`, so it is visible and inert.
    /// Tabs are kept in source excerpts (the caret line keeps them too).
    public static func visible(_ text: String, keepingTabs: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isControl(scalar), !(keepingTabs && scalar == "\t") {
                result.append(contentsOf: spelled(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// A control character as Swift writes it in a literal: `\u{1B}`.
    private static func spelled(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }

    /// A GitHub Actions workflow command's message: `%`, CR and LF percent-encoded, as the
    /// runner decodes them; a raw CR or LF would end the command and start the attacker's.
    static func githubData(_ text: String) -> String {
        githubEscaped(text, alsoColonAndComma: false)
    }

    /// A workflow command's property value (`file=…`): also `:` and `,`, which end a property.
    static func githubProperty(_ text: String) -> String {
        githubEscaped(text, alsoColonAndComma: true)
    }

    private static func githubEscaped(_ text: String, alsoColonAndComma: Bool) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": result.append(contentsOf: "%25".unicodeScalars)
            case "\r": result.append(contentsOf: "%0D".unicodeScalars)
            case "\n": result.append(contentsOf: "%0A".unicodeScalars)
            case ":" where alsoColonAndComma: result.append(contentsOf: "%3A".unicodeScalars)
            case "," where alsoColonAndComma: result.append(contentsOf: "%2C".unicodeScalars)
            default:
                // Other control characters carry no meaning for the runner but can still drive
                // the terminal of whoever reads the log: shown, not sent.
                if isControl(scalar) {
                    result.append(contentsOf: spelled(scalar).unicodeScalars)
                } else {
                    result.append(scalar)
                }
            }
        }
        return String(result)
    }
}
