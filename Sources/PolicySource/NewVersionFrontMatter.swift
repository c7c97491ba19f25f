import PolicyCore
import PolicyModel

/// Turns the text of a version file into the start of the next version: `summary` emptied (with
/// a TODO for the author), `draft: true`, `material` removed, everything else as it was.
///
/// The front matter is edited line by line rather than re-serialised, so the author's other
/// keys, comments, quoting and line ends stay exactly as written. The result is then parsed
/// again: if the edit did not give the intended front matter (an unusual layout such as a flow
/// mapping), the author is asked to edit by hand rather than given a wrong file.
public enum NewVersionFrontMatter {
    public struct Failure: Error, Sendable, Equatable {
        /// What went wrong, in words for the author.
        public var reason: String
    }

    /// - Parameter previous: the effective date of the version being copied, named in the TODO.
    public static func rewrite(_ text: String, previous: CalendarDate) throws(Failure) -> String {
        var text = text
        let byteOrderMark = text.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
        if !byteOrderMark.isEmpty { text.removeFirst() }
        // Split at LF, by scalar (a String sees CRLF as one character): each line keeps its own
        // CR. An old Mac file with CR alone is read as LF.
        let lineFeed = UInt8(ascii: "\n")
        if !text.utf8.contains(lineFeed), text.utf8.contains(UInt8(ascii: "\r")) { text = FrontMatterSplitter.normalize(text) }
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }

        let summaryLine = "summary: \"\"  # TODO: say what changed since \(previous), for readers"
        let draftLine = "draft: true  # delete this line when the version is ready to publish"
        if let first = lines.first, isDelimiter(first) {
            guard let closing = lines.indices.dropFirst().first(where: { isDelimiter(lines[$0]) }) else {
                throw Failure(reason: "its front matter opened with '---' is never closed")
            }
            let lineEnd = lines[0].hasSuffix("\r") ? "\r" : ""
            var yaml = Array(lines[1..<closing])
            var summarySet = false
            var draftSet = false
            var index = 0
            while index < yaml.count {
                let entryEnd = endOfEntry(yaml, from: index)
                switch key(of: yaml[index]) {
                case "summary"?:
                    yaml.replaceSubrange(index..<entryEnd, with: summarySet ? [] : [summaryLine + lineEnd])
                    index += summarySet ? 0 : 1
                    summarySet = true
                case "draft"?:
                    yaml.replaceSubrange(index..<entryEnd, with: draftSet ? [] : [draftLine + lineEnd])
                    index += draftSet ? 0 : 1
                    draftSet = true
                case "material"?:
                    yaml.removeSubrange(index..<entryEnd)
                default:
                    index = entryEnd
                }
            }
            if !summarySet { yaml.append(summaryLine + lineEnd) }
            if !draftSet { yaml.append(draftLine + lineEnd) }
            lines.replaceSubrange(1..<closing, with: yaml)
        } else {
            let end = lines[0].hasSuffix("\r") ? "\r" : ""
            lines.insert(contentsOf: ["---" + end, summaryLine + end, draftLine + end, "---" + end], at: 0)
        }
        let result = byteOrderMark + lines.joined(separator: "\n")
        try verify(result)
        return result
    }

    /// The rewritten file must parse, as a draft with no summary and no `material`.
    private static func verify(_ text: String) throws(Failure) {
        let split: SplitSource
        do {
            split = try FrontMatterSplitter.split(text)
        } catch {
            throw Failure(reason: "its front matter could not be rewritten")
        }
        guard let yaml = split.frontMatter else { throw Failure(reason: "its front matter could not be rewritten") }
        let (parsed, problems) = SettingsDecoder.frontMatter(yaml, file: "")
        guard let parsed, problems.isEmpty else {
            let detail = problems.first.map { ": \($0.message)" } ?? ""
            throw Failure(reason: "its front matter does not parse after the edit\(detail)")
        }
        guard parsed.draft, parsed.summary == nil, !parsed.material else {
            throw Failure(reason: "its front matter is laid out in a way this command cannot edit line by line")
        }
    }

    private static func isDelimiter(_ line: String) -> Bool {
        var line = Substring(line)
        while line.last == " " || line.last == "\t" || line.last == "\r" { line.removeLast() }
        return line == "---"
    }

    /// The key of a top-level `key: value` line, or nil for a comment, a blank or an indented line.
    private static func key(of line: String) -> String? {
        guard let first = line.unicodeScalars.first, first != " ", first != "\t", first != "#", first != "-" else { return nil }
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let after = line[line.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t" || after.first == "\r" else { return nil }
        var key = line[..<colon]
        while key.last == " " || key.last == "\t" { key.removeLast() }
        return String(key)
    }

    /// The index after the last line of the entry that starts at `start`: the lines indented
    /// under it (a block scalar, a nested map or list) and a list at the key's own indentation;
    /// blank lines inside the entry belong to it, blank lines after it do not.
    private static func endOfEntry(_ lines: [String], from start: Int) -> Int {
        var end = start + 1
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            if blank {
                index += 1
                continue
            }
            guard let first = line.first, first == " " || first == "\t" || first == "-" else { break }
            index += 1
            end = index
        }
        return end
    }
}
