import PolicyCore
import PolicyModel

/// Which pages show a document; which document a page shows is `PolicyVersion.shownDocument`
/// in PolicyModel, the rule the renderer follows too.
extension PolicyVersion {
    /// The languages whose page of this version shows `document`: its own, and those that fall
    /// back to it. Its links are resolved once for each of these pages.
    func pageLanguages(showing document: PolicyDocument, settings: SiteSettings) -> [LanguageTag] {
        settings.languages.filter { shownDocument(in: $0, settings: settings)?.file == document.file }
    }
}

extension PolicyDocument {
    /// Line 1, column 1: where a problem with the file as a whole is reported.
    var start: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    /// The version folder, `Content/privacy/2024-03-01`, for problems about a file that is not there.
    var versionFolder: String {
        guard let slash = file.lastIndex(of: "/") else { return file }
        return String(file[..<slash])
    }

    /// The policy folder, `Content/privacy`.
    var policyFolder: String {
        let folder = versionFolder
        guard let slash = folder.lastIndex(of: "/") else { return folder }
        return String(folder[..<slash])
    }

    /// The ids the document's headings declare, in order.
    var sectionIDs: [SectionID] { headings.compactMap(\.id) }
}

/// Author text quoted in a message: cut short, so a hostile file cannot flood the report.
func shortened(_ text: String, limit: Int = 60) -> String {
    text.count > limit ? String(text.prefix(limit)) + "…" : text
}

/// A list of names for a message: `a, b, c` and, past `limit`, how many more.
func listed(_ names: [String], limit: Int = 12) -> String {
    listed(names, count: names.count, limit: limit)
}

/// The same for a lazy sequence of `count` names (at most), reading only the first `limit`.
func listed<Names: Sequence<String>>(_ names: Names, count: Int, limit: Int = 12) -> String {
    let shown = Array(names.prefix(limit))
    let rest = count - shown.count
    return shown.joined(separator: ", ") + (shown.count == limit && rest > 0 ? " and \(rest) more" : "")
}

/// The lines of a document's file, to find columns the Markdown tree does not keep (inline
/// HTML, the later lines of a paragraph). Columns count bytes, as cmark's do.
struct SourceLines {
    private let bytes: [UInt8]
    /// The offset at which each line starts (line 1 at index 0), after a byte order mark.
    private let starts: [Int]

    init(_ document: PolicyDocument) {
        bytes = document.source
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        var starts = [bytes.starts(with: bom) ? 3 : 0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.starts = starts
    }

    /// The bytes of a line (1-based) without its line end.
    func line(_ number: Int) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= starts.count else { return nil }
        var end = number < starts.count ? starts[number] - 1 : bytes.count
        if end > starts[number - 1], bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[starts[number - 1]..<max(end, starts[number - 1])]
    }

    /// The column at which `text` (its first 16 bytes, enough to tell one tag from another)
    /// appears on `line`, at or after `column`.
    func column(of text: String, line number: Int, from column: Int = 1) -> Int? {
        guard let line = line(number) else { return nil }
        let needle = Array(text.utf8.prefix(16))
        guard !needle.isEmpty, line.count >= needle.count else { return nil }
        let first = line.startIndex + max(column - 1, 0)
        let last = line.endIndex - needle.count
        guard first <= last else { return nil }
        for start in first...last where line[start..<(start + needle.count)].elementsEqual(needle) {
            return start - line.startIndex + 1
        }
        return nil
    }

    /// The column of the first character that is not a space or tab.
    func firstTextColumn(line number: Int) -> Int? {
        guard let line = line(number), let index = line.firstIndex(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }) else { return nil }
        return index - line.startIndex + 1
    }
}
