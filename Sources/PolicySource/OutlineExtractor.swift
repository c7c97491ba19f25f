import PolicyCore
import PolicyMarkdown
import PolicyModel

/// Finds the sections of a document: its top-level headings, each with the `{#id}` it declares
/// (removed from the text) and a unique anchor.
public enum OutlineExtractor {
    public struct Result: Sendable, Equatable {
        public var headings: [Heading]
        public var diagnostics: [Diagnostic]
    }

    /// - Parameter location: maps a body position to a file location, for diagnostics.
    public static func extract(_ document: MarkdownDocument, location: (MarkdownPosition) -> SourceLocation) -> Result {
        var headings: [Heading] = []
        var diagnostics: [Diagnostic] = []
        var seenIDs: [SectionID: MarkdownPosition] = [:]

        for block in document.blocks {
            guard case .heading(let level, let inlines) = block.kind else { continue }
            let (content, rawID) = stripID(inlines)
            var id: SectionID?
            if let rawID {
                if let valid = SectionID(rawID) {
                    if let first = seenIDs[valid] {
                        diagnostics.append(.error(.duplicateID, "section id '\(rawID)' is already used on line \(location(first).line ?? 0); give each section its own id", at: location(block.position), related: [RelatedLocation("'\(rawID)' is first used here", at: location(first))]))
                    } else {
                        seenIDs[valid] = block.position
                        id = valid
                    }
                } else {
                    diagnostics.append(invalidIDDiagnostic(rawID, at: location(block.position)))
                }
            }
            headings.append(Heading(level: level, id: id, anchor: "", content: content, position: block.position))
        }

        // Anchors: ids as given; other headings get a slug of their text, made unique against
        // the ids and earlier slugs (`-1`, `-2`, … as Hugo does).
        var taken = Set(headings.compactMap { $0.id?.rawValue })
        // The next suffix to try per slug: `taken` only grows, so suffixes already found taken
        // stay taken, and skipping them keeps n equal headings linear instead of quadratic.
        var nextCounter: [String: Int] = [:]
        for index in headings.indices {
            if let id = headings[index].id {
                headings[index].anchor = id.rawValue
                continue
            }
            let base = Slug.make(headings[index].plainText)
            var anchor = base
            var counter = nextCounter[base] ?? 1
            while taken.contains(anchor) {
                anchor = "\(base)-\(counter)"
                counter += 1
            }
            nextCounter[base] = counter
            taken.insert(anchor)
            headings[index].anchor = anchor
        }
        return Result(headings: headings, diagnostics: diagnostics)
    }

    /// Removes a trailing `{#...}` from a heading's last text and returns what is between `{#`
    /// and `}`, valid id or not: whatever the author meant as an id must never show in the page,
    /// and a bad one is reported rather than left in the text.
    static func stripID(_ inlines: [MarkdownInline]) -> ([MarkdownInline], String?) {
        guard case .text(let text)? = inlines.last else { return (inlines, nil) }
        var trimmed = Substring(text)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed.removeLast() }
        guard trimmed.hasSuffix("}"), let open = lastOpeningBrace(in: trimmed) else { return (inlines, nil) }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        // `{a, b}` is text; `{#...}` is an id, even an empty or malformed one.
        guard inside.hasPrefix("#") else { return (inlines, nil) }
        let id = String(inside.dropFirst())
        var rest = trimmed[..<open]
        while rest.last == " " || rest.last == "\t" { rest.removeLast() }
        var result = Array(inlines.dropLast())
        if !rest.isEmpty { result.append(.text(String(rest))) }
        // Trailing spaces before `{#id}` may sit at the end of an earlier node (after code or emphasis).
        if case .text(let previous)? = result.last, rest.isEmpty {
            var trimmedPrevious = Substring(previous)
            while trimmedPrevious.last == " " { trimmedPrevious.removeLast() }
            result[result.count - 1] = .text(String(trimmedPrevious))
        }
        return (result, id)
    }

    /// The last `{` character, found walking forward: `lastIndex(of:)` walks backward, and each
    /// step back over a regional indicator (flag emoji) recounts all those before it, so a
    /// heading of flags ending in `}` took quadratic time.
    private static func lastOpeningBrace(in text: Substring) -> Substring.Index? {
        var found: Substring.Index?
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "{" { found = index }
            index = text.index(after: index)
        }
        return found
    }

    /// Says what is wrong with the text of a `{#...}` and offers an id made from it.
    static func invalidIDDiagnostic(_ rawID: String, at location: SourceLocation) -> Diagnostic {
        let shown = rawID.count > 60 ? String(rawID.prefix(60)) + "…" : rawID
        guard let candidate = idCandidate(rawID) else {
            let what = rawID.allSatisfy(\.isWhitespace) ? "'{#\(shown)}' is an empty section id" : "'{#\(shown)}' is not a valid section id"
            return .error(.invalidID, "\(what); write an id of ASCII letters, digits, '-' and '_' such as {#contact}, or remove the braces", at: location)
        }
        return .error(.invalidID, "'{#\(shown)}' is not a valid section id; use ASCII letters, digits, '-' and '_', e.g. {#\(candidate)}", at: location)
    }

    /// A valid id close to what the author wrote: lower case, runs of spaces and other
    /// characters become one `-`; nil when nothing usable is left (e.g. only non-ASCII letters).
    static func idCandidate(_ rawID: String) -> String? {
        var result = ""
        var pendingDash = false
        for scalar in rawID.unicodeScalars.prefix(80) {
            if scalar.isASCIIAlphanumericOrUnderscore {
                if pendingDash, !result.isEmpty { result.append("-") }
                pendingDash = false
                result.unicodeScalars.append(scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar)
            } else {
                pendingDash = true
            }
        }
        return SectionID(result)?.rawValue
    }
}

private extension Unicode.Scalar {
    var isASCIIAlphanumericOrUnderscore: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) || self == "_"
    }
}

/// Anchors for headings without an id: lower case, letters and digits of any script kept,
/// spaces and dashes become single dashes, other punctuation dropped.
public enum Slug {
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || character == "_" {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                slug.append(character)
            } else if character.isWhitespace || character == "-" {
                pendingDash = true
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
