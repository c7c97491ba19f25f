import PolicyModel

/// Front matter written without its opening `---`: `summary: …` and `title: …` lines, then a
/// `---` line. Markdown reads those lines as a setext heading (the `---` underlines them), so
/// without this check the file passes and the site shows the front matter as an `<h2>` while
/// its keys (`draft: true` among them) are silently ignored.
///
/// To leave ordinary Markdown alone ("Note: we changed this." as a first paragraph), the lines
/// must look like YAML from the first one to a closing `---` line, with nothing else between,
/// and at least one key must be a front-matter key (`FrontMatter.knownKeys`). Keys are matched
/// as YAML matches them, case-sensitively.
enum UnopenedFrontMatter {
    struct Finding: Sendable, Equatable {
        /// The line (1-based) of the first `key: value` line.
        var line: Int
        /// Its key, as written.
        var key: String
        /// The line of the `---` that closes the lines.
        var closingLine: Int
    }

    /// Looks at the start of a file that has no front matter (its text after
    /// `FrontMatterSplitter.normalize`, so lines end in LF).
    static func find(in text: String) -> Finding? {
        var first: (line: Int, key: String)?
        var sawKnownKey = false
        var lineNumber = 0
        // Only the leading YAML-looking lines are read, one at a time and as bytes (everything
        // looked for is ASCII): the scan stops at the first line that is not one, so a long body,
        // or a hostile megabyte-long first line, costs next to nothing.
        var rest = Substring(text).utf8
        while !rest.isEmpty {
            let end = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
            let line = rest[..<end]
            rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
            lineNumber += 1
            if line.allSatisfy({ $0 == space || $0 == tab }) { continue }
            if let found = first, isDelimiter(line) {
                return sawKnownKey ? Finding(line: found.line, key: found.key, closingLine: lineNumber) : nil
            }
            if let key = key(of: line) {
                if first == nil { first = (lineNumber, key) }
                if FrontMatter.knownKeys.contains(key) { sawKnownKey = true }
                continue
            }
            // An indented line continues the value above (`summary: >` and its folded text).
            if first != nil, line.first == space || line.first == tab { continue }
            return nil
        }
        return nil
    }

    private static let space = UInt8(ascii: " ")
    private static let tab = UInt8(ascii: "\t")

    /// The key of a `key: value` (or `key:`) line, as YAML block mappings write them at the start
    /// of a line: a letter or `_`, then letters, digits, `_` and `-`, a colon, then a space, a
    /// tab or the end of the line (so `https://…` is no key); nil for anything else.
    static func key(of line: Substring.UTF8View) -> String? {
        guard let head = line.first, isKeyStart(head) else { return nil }
        // Stops at the first byte that cannot be in a key: the rest of a long line is not read.
        guard let colon = line.firstIndex(where: { !(isKeyStart($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-")) }),
              line[colon] == UInt8(ascii: ":")
        else { return nil }
        let after = line.index(after: colon)
        guard after == line.endIndex || line[after] == space || line[after] == tab else { return nil }
        return String(Substring(line[..<colon]))
    }

    private static func isKeyStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || byte == UInt8(ascii: "_")
    }

    /// `---`, maybe followed by spaces or tabs, as `FrontMatterSplitter` reads a delimiter.
    private static func isDelimiter(_ line: Substring.UTF8View) -> Bool {
        var line = line
        while line.last == space || line.last == tab { line.removeLast() }
        return line.elementsEqual("---".utf8)
    }
}
