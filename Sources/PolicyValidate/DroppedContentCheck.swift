import PolicyDiagnostics
import PolicyMarkdown
import PolicyModel
import PolicyParallel

/// Content that never reaches the reader, though the author sees it in the source:
/// - `raw-html`: HTML blocks and inline HTML, which safe mode omits (comments are left alone:
///   hiding a note from readers is what they are for);
/// - `unsafe-link`: link and image URLs that safe mode empties (`javascript:`, `file:`, ...);
/// - `pipe-table`: a GitHub-style table, which CommonMark shows as a paragraph of pipes.
struct DroppedContentCheck: UnitCheck {
    let name = "dropped-content"

    /// Each document on its own.
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: DocumentIndex)] {
        input.documentUnits()
    }

    func problems(in unit: DocumentIndex, of input: ValidationInput) -> [Diagnostic] {
        problems(in: unit.document(in: input.site))
    }

    private func problems(in document: PolicyDocument) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let source = SourceLines(document)
        /// A line of a block (0 for its first), at the column where `text` starts on it, else
        /// where the line's text starts: the tree keeps a block's first position only.
        func location(_ block: MarkdownBlock, line: Int, of text: String? = nil) -> SourceLocation {
            var location = document.location(of: block.position)
            let fileLine = (location.line ?? 1) + line
            let from = line == 0 ? block.position.column : 1
            location.line = fileLine
            location.column = text.flatMap { source.column(of: $0, line: fileLine, from: from) }
                ?? (line == 0 ? block.position.column : source.firstTextColumn(line: fileLine))
            return location
        }
        document.body.walk(block: { block in
            switch block.kind {
            case .htmlBlock(let html) where !Self.isComment(html):
                diagnostics.append(.warning(.rawHTML, "raw HTML block is left out of the page (safe mode), with all the text in it; write it in Markdown instead", at: document.location(of: block.position)))
            case .paragraph(let inlines), .heading(_, let inlines):
                var reportedLines: Set<Int> = []
                InlineLines.visit(inlines) { inline, line in
                    switch inline {
                    case .html(let html) where !Self.isComment(html):
                        // One report per line is enough: `<b>…</b>` is two tags.
                        guard reportedLines.insert(line).inserted else { return }
                        diagnostics.append(.warning(.rawHTML, "inline HTML '\(shortened(html, limit: 40))' is left out of the page (safe mode); use Markdown instead (*emphasis*, **strong**, [text](url))", at: location(block, line: line, of: html)))
                    case .link(let link), .image(let link):
                        guard HTMLEscaping.isDangerousURL(link.destination) else { return }
                        let what = if case .image = inline { "image source" } else { "link to" }
                        let scheme = link.destination.prefix { $0 != ":" }.lowercased()
                        let refused = scheme == "data" ? "data: URLs other than PNG, GIF, JPEG and WebP images" : "\(scheme): URLs"
                        diagnostics.append(.warning(.unsafeLink, "\(what) '\(shortened(link.destination, limit: 40))' is emptied in the page: safe mode refuses \(refused); point it to an https: address instead", at: document.location(of: link.position)))
                    default:
                        break
                    }
                }
                if case .paragraph = block.kind, let row = PipeTable.headerRow(in: InlineLines.lines(of: inlines)) {
                    diagnostics.append(.warning(.pipeTable, "this looks like a pipe table, but CommonMark has no tables: readers see one paragraph full of '|' characters; write it as a list (one item per row) or as short sections", at: location(block, line: row)))
                }
            default:
                break
            }
        })
        return diagnostics
    }

    static func isComment(_ html: String) -> Bool {
        html.drop { $0.isWhitespace }.hasPrefix("<!--")
    }
}

/// GitHub's pipe tables, recognised in a paragraph's lines: a row of `|`-separated cells
/// followed by a delimiter row such as `|---|:--:|` with as many cells.
enum PipeTable {
    /// The index of the table's header line, if the lines hold one.
    static func headerRow(in lines: [String]) -> Int? {
        guard lines.count >= 2 else { return nil }
        for index in 0..<(lines.count - 1) {
            let header = lines[index], delimiter = lines[index + 1]
            guard hasPipe(header), isDelimiterRow(delimiter) else { continue }
            if cells(header).count == cells(delimiter).count { return index }
        }
        return nil
    }

    /// A byte scan: `String.contains(_:)` with a string argument goes through Foundation's
    /// string search, which showed in the profile of `check` (every paragraph's every line).
    static func hasPipe(_ line: String) -> Bool {
        line.utf8.contains(UInt8(ascii: "|"))
    }

    static func isDelimiterRow(_ line: String) -> Bool {
        guard hasPipe(line) else { return false }
        let cells = cells(line)
        return !cells.isEmpty && cells.allSatisfy { cell in
            var cell = Substring(cell)
            if cell.first == ":" { cell.removeFirst() }
            if cell.last == ":" { cell.removeLast() }
            return !cell.isEmpty && cell.allSatisfy { $0 == "-" }
        }
    }

    /// The cells of a row, trimmed, without the optional outer pipes.
    static func cells(_ line: String) -> [String] {
        var row = Substring(line).trimmingWhitespace
        if row.first == "|" { row.removeFirst() }
        if row.last == "|" { row.removeLast() }
        return row.split(separator: "|", omittingEmptySubsequences: false).map { String($0.trimmingWhitespace) }
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var text = self
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
