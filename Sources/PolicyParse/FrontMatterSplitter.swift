import PolicyModel

/// A version file split into its YAML front matter and its Markdown body.
public struct SplitSource: Sendable, Equatable {
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    public var frontMatter: String?
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line on which the body starts.
    public var bodyStartLine: Int
}

public enum FrontMatterError: Error, Equatable, Sendable {
    /// An opening `---` with no closing one; carries the line of the opening.
    case unclosed(line: Int)
}

/// Splits `---` front matter from the body. A UTF-8 byte order mark is dropped and CRLF or CR line
/// ends become LF, so that positions and hashes of the text do not depend on the editor.
public enum FrontMatterSplitter {
    public static func split(_ text: String) throws(FrontMatterError) -> SplitSource {
        let normalized = normalize(text)
        var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, isDelimiter(first) else {
            return SplitSource(frontMatter: nil, body: normalized, bodyStartLine: 1)
        }
        lines.removeFirst()
        guard let closing = lines.firstIndex(where: isDelimiter) else {
            throw .unclosed(line: 1)
        }
        let yaml = lines[..<closing].joined(separator: "\n")
        let body = lines[(closing + 1)...].joined(separator: "\n")
        // Line 1 is the opening `---`, the YAML takes `closing` lines, then the closing `---`.
        return SplitSource(frontMatter: yaml, body: body, bodyStartLine: closing + 3)
    }

    /// Drops a byte order mark and turns CRLF and lone CR into LF.
    public static func normalize(_ text: String) -> String {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            result.append(previousWasCR ? "\n" : scalar)
        }
        return String(result)
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        var line = line
        while line.last == " " || line.last == "\t" { line.removeLast() }
        return line == "---"
    }
}
