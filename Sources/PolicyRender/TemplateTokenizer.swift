/// A tag of a Mustache template, with the position of its name for diagnostics.
struct TemplateTag: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// `{{name}}`
        case variable
        /// `{{{name}}}` or `{{&name}}`
        case unescaped
        /// `{{#name}}`
        case section
        /// `{{^name}}`
        case inverted
        /// `{{/name}}`
        case close
        /// `{{> name}}`
        case partial
        /// `{{< name}}`: extends a layout, filling its blocks
        case parent
        /// `{{$name}}`: a block, defined (inside a parent tag) or expanded (anywhere else)
        case block
        /// `{{! … }}`
        case comment
        /// `{{= <% %> =}}`
        case setDelimiters
        /// `{{% CONTENT_TYPE: TEXT }}`
        case pragma
    }

    var kind: Kind
    /// The tag's content without its sigil and surrounding spaces: `notice.text`, `toc`.
    var name: String
    /// Where the name starts (the tag's `{{` when the name is empty): 1-based line, and column
    /// in UTF-8 bytes, as diagnostics count.
    var line: Int
    var column: Int
    /// For a tag that opens a body (section, inverted section, parent, block): the index of its
    /// closing tag.
    var close: Int?

    var opensBody: Bool { kind == .section || kind == .inverted || kind == .parent || kind == .block }
}

/// A template's tags, or why they could not all be read.
struct TokenizedTemplate: Sendable {
    var tags: [TemplateTag]
    /// Problems at positions; reading stops at the first, so `tags` is then incomplete.
    var problem: (message: String, line: Int, column: Int)?
}

/// Splits Mustache source into tags, in one pass over its UTF-8 bytes, without recursion: a
/// section nested a million deep costs no stack. Text between tags is not kept; the checker
/// needs only names and structure.
///
/// swift-mustache parses the template too (and renders it); this reader follows the same
/// syntax so that what it checks is what renders. Set-delimiter tags are refused rather than
/// followed, which keeps this reader simple and the templates readable.
enum TemplateTokenizer {
    /// Deeper nesting is refused before swift-mustache (whose parser and renderer recurse once
    /// per level) sees it.
    static let maximumDepth = 100

    static func tokenize(_ source: String) -> TokenizedTemplate {
        let bytes = Array(source.utf8)
        var tags: [TemplateTag] = []
        var open: [Int] = []
        var position = 0
        var line = 1
        var lineStart = 0
        // Moves `position` forward to `target`, counting the lines passed.
        func advance(to target: Int) {
            while position < target {
                if bytes[position] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = position + 1
                }
                position += 1
            }
        }
        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard needle.count <= bytes.count else { return nil }
            var index = start
            search: while index + needle.count <= bytes.count {
                for offset in 0..<needle.count where bytes[index + offset] != needle[offset] {
                    index += 1
                    continue search
                }
                return index
            }
            return nil
        }
        func failed(_ message: String, _ line: Int, _ column: Int) -> TokenizedTemplate {
            TokenizedTemplate(tags: tags, problem: (message, line, column))
        }

        let openDelimiter = Array("{{".utf8)
        while let tagStart = find(openDelimiter, from: position) {
            advance(to: tagStart)
            let tagLine = line
            let tagColumn = tagStart - lineStart + 1
            var contentStart = tagStart + 2
            let sigil = contentStart < bytes.count ? bytes[contentStart] : 0
            let kind: TemplateTag.Kind
            var closeDelimiter = Array("}}".utf8)
            switch sigil {
            case UInt8(ascii: "{"): kind = .unescaped; closeDelimiter = Array("}}}".utf8)
            case UInt8(ascii: "&"): kind = .unescaped
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: "="): kind = .setDelimiters
            case UInt8(ascii: "%"): kind = .pragma
            default: kind = .variable
            }
            if kind != .variable { contentStart += 1 }
            guard let contentEnd = find(closeDelimiter, from: contentStart) else {
                return failed("this tag is not closed; end it with \(String(decoding: closeDelimiter, as: UTF8.self))", tagLine, tagColumn)
            }
            if kind == .setDelimiters {
                return failed("set-delimiter tags are not supported, so the template could not be checked; keep the {{ }} delimiters", tagLine, tagColumn)
            }
            // The name without surrounding white space, and where it starts.
            var nameStart = contentStart
            var nameEnd = contentEnd
            while nameStart < nameEnd, isSpace(bytes[nameStart]) { nameStart += 1 }
            while nameEnd > nameStart, isSpace(bytes[nameEnd - 1]) { nameEnd -= 1 }
            advance(to: nameStart)
            let nameLine = nameStart < nameEnd ? line : tagLine
            let nameColumn = nameStart < nameEnd ? nameStart - lineStart + 1 : tagColumn
            let name = kind == .comment ? "" : String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
            advance(to: contentEnd + closeDelimiter.count)

            let tag = TemplateTag(kind: kind, name: name, line: nameLine, column: nameColumn)
            if kind == .close {
                guard let opener = open.last else {
                    return failed("'{{/\(name)}}' closes nothing; remove it or open '\(name)' before it", nameLine, nameColumn)
                }
                guard tags[opener].name == name else {
                    let other = tags[opener]
                    return failed("'{{/\(name)}}' does not close '\(other.name)', opened at line \(other.line); close that first", nameLine, nameColumn)
                }
                tags[opener].close = tags.count
                open.removeLast()
            }
            if tag.opensBody {
                guard open.count < maximumDepth else {
                    return failed("sections nest more than \(maximumDepth) deep; flatten the template", nameLine, nameColumn)
                }
                open.append(tags.count)
            }
            tags.append(tag)
        }
        if let opener = open.last {
            let tag = tags[opener]
            return failed("'\(tag.name)' is opened here but never closed; add {{/\(tag.name)}}", tag.line, tag.column)
        }
        return TokenizedTemplate(tags: tags, problem: nil)
    }

    /// White space as swift-mustache skips it around names.
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}
