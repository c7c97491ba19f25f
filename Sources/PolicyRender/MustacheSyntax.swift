/// A Mustache template as swift-mustache reads it: the same tokens, split at the same places,
/// with the same white space kept or dropped around standalone tags. The render plan compiler
/// works from these, so what it writes is what swift-mustache would write.
///
/// TemplateTokenizer reads names and structure for the checker; this reader also keeps the text,
/// and follows swift-mustache where the two differ: it reads by Character (grapheme cluster), not
/// by byte, and splits text at every line end, because swift-mustache's standalone-line and
/// partial-indentation rules work line by line.
indirect enum MustacheNode: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(name: String, escaped: Bool)
    case section(name: String, body: [MustacheNode])
    case inverted(name: String, body: [MustacheNode])
    /// `{{> name}}`; `indentation` is set only for a standalone tag (the white space before it).
    case partial(name: String, indentation: String?)
    /// `{{< name}}…{{/name}}`: the blocks it defines, by name (a later definition wins). Its
    /// indentation is the white space before the tag, whether or not it stands alone.
    case parent(name: String, indentation: String, blocks: [String: MustacheBlock])
    /// `{{$name}}default{{/name}}` outside a parent tag.
    case block(name: String, indentation: String, defaultBody: [MustacheNode])
    /// `{{% CONTENT_TYPE: TEXT }}` (false) or `HTML` (true): whether later variables are escaped.
    case contentType(escapes: Bool)
}

/// A block definition inside a parent tag; `id` tells two definitions apart (the compiler keys
/// compiled layouts by the overrides they render with).
struct MustacheBlock: Sendable {
    var id: Int
    var body: [MustacheNode]
}

/// Why a template was not read: a construct the render plan leaves to swift-mustache (set
/// delimiters, transforms, dynamic partials, lambdas), or something swift-mustache refuses.
struct MustacheSyntaxUnsupported: Error {
    var reason: String
}

/// Reads template text into `MustacheNode`s. One reader per template; recursion follows the
/// nesting of sections, which TemplateTokenizer has already capped.
struct MustacheSyntaxReader {
    private let characters: [Character]
    private var position = 0
    /// Numbers block definitions, from `firstBlockID` up.
    private var nextBlockID: Int

    /// What a body is read with: the tag that closes it, and the line state swift-mustache keeps.
    private struct Body {
        /// The name of the section, block or parent the body closes; nil at the top.
        var closing: String?
        /// At the start of a line: the next tag may stand alone.
        var atLineStart = true
        /// Inside a parent tag's body or one of its block definitions.
        var inDefinitions = false
        /// Directly inside a parent tag's body, where only block definitions count.
        var definitionsTopLevel = false
        /// In a block definition, the first line's indentation, removed from every later line.
        var definitionIndent: Int?
    }

    init(_ text: String, firstBlockID: Int = 0) {
        characters = Array(text)
        nextBlockID = firstBlockID
    }

    /// The nodes of the whole template, and the next free block id.
    static func read(_ text: String, firstBlockID: Int = 0) throws(MustacheSyntaxUnsupported) -> (nodes: [MustacheNode], nextBlockID: Int) {
        var reader = MustacheSyntaxReader(text, firstBlockID: firstBlockID)
        let nodes = try reader.body(Body())
        return (nodes, reader.nextBlockID)
    }

    private var atEnd: Bool { position >= characters.count }
    /// The current character; NUL past the end, as swift-mustache answers.
    private var current: Character { atEnd ? "\0" : characters[position] }

    private func unsupported(_ reason: String) -> MustacheSyntaxUnsupported {
        MustacheSyntaxUnsupported(reason: reason)
    }

    private mutating func body(_ start: Body) throws(MustacheSyntaxUnsupported) -> [MustacheNode] {
        var state = start
        var nodes: [MustacheNode] = []
        // White space read at the start of the line, held back until it is known whether the
        // tag after it stands alone.
        var leading = ""
        while !atEnd {
            if state.atLineStart {
                let space = readSpacesAndTabs()
                if state.inDefinitions, !state.definitionsTopLevel {
                    if let indent = state.definitionIndent {
                        leading = String(space.dropFirst(indent))
                    } else {
                        // The first line of a definition sets the indentation and loses it.
                        state.definitionIndent = space.count
                    }
                } else {
                    leading = space
                }
            }
            let text = try readTextUntilTagOrLineEnd()
            if current.isNewline {
                nodes.append(.text(leading + text + String(current)))
                state.atLineStart = true
                position += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(leading + text))
                leading = ""
                state.atLineStart = false
            }
            if atEnd { break }
            // `{{` has been read; the character after it says what the tag is.
            var standalone = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try readName()
                if isStandalone(state) {
                    standalone = true
                } else if !leading.isEmpty {
                    nodes.append(.text(leading))
                    leading = ""
                }
                let inner = try body(sectionBody(of: state, closing: name, standalone: standalone))
                nodes.append(inverted ? .inverted(name: name, body: inner) : .section(name: name, body: inner))

            case "/":
                position += 1
                let name = try readName()
                guard name == state.closing else { throw unsupported("'{{/\(name)}}' closes nothing open") }
                if !isStandalone(state), !leading.isEmpty {
                    nodes.append(.text(leading))
                }
                // The line state after the body is the opening tag's, which the caller keeps.
                return nodes

            case "!":
                position += 1
                try skipComment()
                standalone = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                if !leading.isEmpty {
                    nodes.append(.text(leading))
                    leading = ""
                }
                position += 1
                let name = try readName()
                if triple {
                    guard current == "}" else { throw unsupported("'{{{\(name)}}' is not closed with }}}") }
                    position += 1
                }
                nodes.append(.variable(name: name, escaped: false))

            case ">":
                position += 1
                skipWhitespace()
                guard current != "*" else { throw unsupported("a partial chosen at render time") }
                let name = try readPartialName()
                if !leading.isEmpty { nodes.append(.text(leading)) }
                if isStandalone(state) {
                    standalone = true
                    nodes.append(.partial(name: name, indentation: leading))
                } else {
                    nodes.append(.partial(name: name, indentation: nil))
                }
                leading = ""

            case "<":
                position += 1
                skipWhitespace()
                let name = try readPartialName()
                guard !name.hasPrefix("*") else { throw unsupported("a layout chosen at render time") }
                if !leading.isEmpty { nodes.append(.text(leading)) }
                standalone = isStandalone(state)
                var inner = state
                inner.closing = name
                inner.atLineStart = true
                inner.inDefinitions = true
                inner.definitionsTopLevel = true
                var blocks: [String: MustacheBlock] = [:]
                for node in try body(inner) {
                    switch node {
                    case .block(let block, _, let definition):
                        blocks[block] = MustacheBlock(id: nextBlockID, body: definition)
                        nextBlockID += 1
                    case .text: break
                    default: throw unsupported("only block definitions may stand inside '{{<\(name)}}'")
                    }
                }
                nodes.append(.parent(name: name, indentation: leading, blocks: blocks))
                leading = ""

            case "$":
                position += 1
                let name = try readName()
                if state.definitionsTopLevel {
                    // A definition: the parent above collects it (indentation unused).
                    standalone = isStandalone(state)
                    let inner = try body(sectionBody(of: state, closing: name, standalone: standalone))
                    nodes.append(.block(name: name, indentation: "", defaultBody: inner))
                } else {
                    if !leading.isEmpty { nodes.append(.text(leading)) }
                    standalone = isStandalone(state)
                    let inner = try body(sectionBody(of: state, closing: name, standalone: standalone))
                    nodes.append(.block(name: name, indentation: leading, defaultBody: inner))
                    leading = ""
                }

            case "=":
                throw unsupported("set-delimiter tags")

            case "%":
                position += 1
                nodes.append(.contentType(escapes: try readContentType()))
                standalone = isStandalone(state)

            default:
                if !leading.isEmpty {
                    nodes.append(.text(leading))
                    leading = ""
                }
                let name = try readName()
                nodes.append(.variable(name: name, escaped: true))
            }
            state.atLineStart = standalone
        }
        guard state.closing == nil else { throw unsupported("'\(state.closing ?? "")' is never closed") }
        return nodes
    }

    /// The state a section or block body starts in: definitions' top level ends there, and a tag
    /// that does not stand alone leaves its body mid-line.
    private func sectionBody(of state: Body, closing: String, standalone: Bool) -> Body {
        var inner = state
        inner.closing = closing
        inner.definitionsTopLevel = false
        if !standalone { inner.atLineStart = false }
        return inner
    }

    // MARK: - Reading characters

    private mutating func readSpacesAndTabs() -> String {
        let start = position
        while !atEnd, characters[position] == " " || characters[position] == "\t" { position += 1 }
        return String(characters[start..<position])
    }

    private mutating func skipWhitespace() {
        while !atEnd, characters[position].isWhitespace { position += 1 }
    }

    /// Text up to a line end (not read) or a `{{` (read); a lone `{` is text.
    private mutating func readTextUntilTagOrLineEnd() throws(MustacheSyntaxUnsupported) -> String {
        var text = ""
        while !atEnd {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == "{" {
                // swift-mustache fails on a `{` among the last two characters: it reads two.
                guard position + 2 <= characters.count else { throw unsupported("a template ending in '{'") }
                if characters[position + 1] == "{" {
                    position += 2
                    break
                }
            }
            text.append(character)
            position += 1
        }
        return text
    }

    /// True when the tag just read ends its line: only spaces and tabs, then a line end (read),
    /// or the end of the template right after the tag.
    private mutating func isStandalone(_ state: Body) -> Bool {
        guard state.atLineStart else { return false }
        if atEnd { return true }
        var probe = position
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe < characters.count, characters[probe].isNewline else { return false }
        position = probe + 1
        return true
    }

    private mutating func expectClose() throws(MustacheSyntaxUnsupported) {
        guard position + 2 <= characters.count, characters[position] == "}", characters[position + 1] == "}" else {
            throw unsupported("a tag is not closed with }}")
        }
        position += 2
    }

    /// A variable, section or block name. A name with brackets calls transforms, which the plan
    /// leaves to swift-mustache.
    private mutating func readName() throws(MustacheSyntaxUnsupported) -> String {
        skipWhitespace()
        let start = position
        while !atEnd, Self.isNameCharacter(characters[position]) || characters[position] == "(" || characters[position] == ")" {
            position += 1
        }
        let name = String(characters[start..<position])
        skipWhitespace()
        try expectClose()
        guard !name.contains("("), !name.contains(")") else { throw unsupported("transforms") }
        return name
    }

    private mutating func readPartialName() throws(MustacheSyntaxUnsupported) -> String {
        skipWhitespace()
        let start = position
        while !atEnd, Self.partialNameCharacters.contains(characters[position]) {
            position += 1
        }
        let name = String(characters[start..<position])
        skipWhitespace()
        try expectClose()
        return name
    }

    private mutating func skipComment() throws(MustacheSyntaxUnsupported) {
        while position + 1 < characters.count {
            if characters[position] == "}", characters[position + 1] == "}" {
                position += 2
                return
            }
            position += 1
        }
        throw unsupported("a comment is not closed")
    }

    /// `CONTENT_TYPE: HTML` or `TEXT`, the only pragma swift-mustache knows (unless an app
    /// registers more, which policysite does not).
    private mutating func readContentType() throws(MustacheSyntaxUnsupported) -> Bool {
        func word() -> String {
            let start = position
            while !atEnd, Self.isNameCharacter(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }
        skipWhitespace()
        let variable = word()
        skipWhitespace()
        guard current == ":" else { throw unsupported("a pragma without ':'") }
        position += 1
        skipWhitespace()
        let value = word()
        skipWhitespace()
        try expectClose()
        guard variable == "CONTENT_TYPE" else { throw unsupported("pragma '\(variable)'") }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw unsupported("content type '\(value)'")
        }
    }

    /// The characters swift-mustache allows in names (brackets apart), as a set of Characters
    /// compared as it compares them: a letter with a combining mark is not one of them.
    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = nameCharacters.union("()/")

    private static func isNameCharacter(_ character: Character) -> Bool { nameCharacters.contains(character) }
}
