import PolicyCore
import PolicyMarkdown
import PolicyModel

/// Content that never reaches the reader, though the author sees it in the source:
/// - `raw-html`: HTML blocks and inline HTML, which safe mode omits (comments are left alone:
///   hiding a note from readers is what they are for);
/// - `unsafe-link`: link and image URLs that safe mode empties (`javascript:`, `file:`, ...);
/// - `table-syntax`: rows that look like a pipe table's header and delimiter but whose cell
///   counts differ, so readers get a paragraph of pipes instead of the table meant.
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
        // Line starts are needed only to place a problem, and most texts have none.
        var lines: SourceLines?
        func source() -> SourceLines {
            if let lines { return lines }
            let made = SourceLines(document)
            lines = made
            return made
        }
        /// A line of a block (0 for its first), at the column where `text` starts on it, else
        /// where the line's text starts: the tree keeps a block's first position only.
        func location(_ block: MarkdownBlock, line: Int, of text: String? = nil) -> SourceLocation {
            var location = document.location(of: block.position)
            let fileLine = (location.line ?? 1) + line
            let from = line == 0 ? block.position.column : 1
            location.line = fileLine
            location.column = text.flatMap { source().column(of: $0, line: fileLine, from: from) }
                ?? (line == 0 ? block.position.column : source().firstTextColumn(line: fileLine))
            return location
        }
        /// Raw HTML and unsafe links in a block's inline content, whose first line is
        /// `firstLine` lines below the block's first.
        func inlineProblems(_ inlines: [MarkdownInline], in block: MarkdownBlock, firstLine: Int) {
            var reportedLines: Set<Int> = []
            InlineLines.visit(inlines) { inline, offset in
                let line = firstLine + offset
                switch inline {
                case .html(let html) where !Self.isComment(html):
                    // One report per line is enough: `<b>…</b>` is two tags.
                    guard reportedLines.insert(line).inserted else { return }
                    diagnostics.append(.warning(.rawHTML, "inline HTML '\(shortened(html, limit: 40))' is left out of the page (safe mode); use Markdown instead (*emphasis*, **strong**, [text](url)); the one tag kept is <br>, a line break", at: location(block, line: line, of: html)))
                case .link(let link) where link.hasNoText:
                    diagnostics.append(.warning(.emptyLink, "link to '\(shortened(link.destination, limit: 40))' has no text: readers, and screen readers, get a link with no name; the page shows its address instead; write its text between the brackets", at: document.location(of: link.position)))
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
        }
        document.body.walk(block: { block in
            switch block.kind {
            case .htmlBlock(let html) where !Self.isComment(html):
                diagnostics.append(.warning(.rawHTML, "raw HTML block is left out of the page (safe mode), with all the text in it; write it in Markdown instead", at: document.location(of: block.position)))
            case .paragraph(let inlines), .heading(_, let inlines):
                inlineProblems(inlines, in: block, firstLine: 0)
            case .table(let table):
                // Each row on its own line: a cell's inline content starts on its row's line.
                let lines = [block.position.line] + table.rowLines
                for (index, row) in ([table.header] + table.rows).enumerated() {
                    let line = index < lines.count ? lines[index] : block.position.line
                    for cell in row { inlineProblems(cell, in: block, firstLine: line - block.position.line) }
                }
            default:
                break
            }
        })
        for heading in document.headings where heading.plainText.allSatisfy(\.isWhitespace) {
            diagnostics.append(.warning(.emptyHeading, "heading has no text: it is left out of the table of contents, and readers see an empty title; write its title, or remove the line", at: document.location(of: heading.position)))
        }
        for miss in document.body.tableNearMisses {
            diagnostics.append(.warning(.tableSyntax, "this looks like a table, but its header row has \(miss.headerCells) cell\(miss.headerCells == 1 ? "" : "s") and the delimiter row under it \(miss.delimiterCells): it is shown as text; give both rows the same number of cells", at: document.location(of: miss.position)))
        }
        return diagnostics
    }

    static func isComment(_ html: String) -> Bool {
        html.drop { $0.isWhitespace }.hasPrefix("<!--")
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
