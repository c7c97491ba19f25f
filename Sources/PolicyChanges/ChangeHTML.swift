import PolicyMarkdown

/// HTML for the blocks and runs of a `VersionDiff`, for change pages: well formed, escaped as
/// cmark's safe mode escapes, raw HTML omitted, insertions in `<ins>` and deletions in `<del>`
/// inside the links and emphasis they belong to, each change opening with visually hidden text
/// for screen readers ("inserted", "deleted", in the page's language, from the caller).
///
/// Inline tags nest in one fixed order, `<a>`, `<strong>`, `<em>`, `<ins>`/`<del>`, `<code>`,
/// and are closed and reopened as the formatting changes from run to run, so every tag closes
/// where it should. A whole inserted or deleted block is wrapped in `<ins class="diff-block">`
/// or `<del class="diff-block">`; list items that were added or removed carry
/// `class="diff-inserted"` / `class="diff-deleted"` on their `<li>`.
///
/// Recursion follows the diff's containers, at most `BlockAligner.maxDepth` deep, and within
/// unchanged blocks `HTMLRenderer`'s, bounded by the parser's nesting caps.
public struct ChangeHTML {
    /// Visually hidden text opening each insertion and deletion inside a text, and the visible
    /// label of a whole added or removed block ("Added", "Removed").
    public struct Labels: Sendable, Equatable {
        public var inserted: String
        public var deleted: String
        public var added: String
        public var removed: String

        public init(inserted: String, deleted: String, added: String? = nil, removed: String? = nil) {
            self.inserted = inserted
            self.deleted = deleted
            self.added = added ?? inserted
            self.removed = removed ?? deleted
        }
    }

    public var labels: Labels
    /// The class that hides the labels visually (kept for screen readers).
    public var hiddenClass: String
    /// Where a link goes: links of the old text resolve against the old version (its date, its
    /// anchors), the others against the new one.
    public var linkTarget: (DiffLink, DiffSide) -> HTMLRenderer.LinkTarget

    public init(labels: Labels, hiddenClass: String = "visually-hidden",
                linkTarget: @escaping (DiffLink, DiffSide) -> HTMLRenderer.LinkTarget = { link, _ in HTMLRenderer.LinkTarget(href: link.destination) }) {
        self.labels = labels
        self.hiddenClass = hiddenClass
        self.linkTarget = linkTarget
    }

    /// A changed section's blocks; `section` is its heading's text, which names its tables.
    /// Its changes are shown in full; the unchanged paragraphs, lists, quotes, tables and code
    /// around them are folded to a line of context that expands (headings stay, as landmarks).
    public func render(_ blocks: [DiffBlock], section: String? = nil) -> String {
        var html = ""
        let tableLabels = TableLabeller(context: section)
        for block in blocks {
            if case .unchanged(let inner) = block, let line = Self.contextLine(inner) {
                html += "<details class=\"diff-context\"><summary>" + HTMLEscaping.escape(line) + "</summary>\n"
                renderWhole(inner, side: .new, tight: false, tableLabels: tableLabels, into: &html)
                html += "</details>\n"
            } else {
                render(block, tight: false, tableLabels: tableLabels, into: &html)
            }
        }
        return html
    }

    /// A whole added or removed section's blocks, shown as they are: the section is marked as
    /// a whole, so its lines need no marks of their own.
    public func renderWhole(_ blocks: [DiffBlock], section: String? = nil) -> String {
        var html = ""
        let tableLabels = TableLabeller(context: section)
        for block in blocks {
            switch block {
            case .inserted(let inner), .unchanged(let inner): renderWhole(inner, side: .new, tight: false, tableLabels: tableLabels, into: &html)
            case .deleted(let inner): renderWhole(inner, side: .old, tight: false, tableLabels: tableLabels, into: &html)
            default: render(block, tight: false, tableLabels: tableLabels, into: &html)
            }
        }
        return html
    }

    /// The first words of an unchanged block, for its folded line; nil for blocks that stay as
    /// they are (headings, rules).
    static func contextLine(_ block: MarkdownBlock) -> String? {
        var text = ""
        // A list or quote opens with its first block: descend to the first one that has text
        // (a loop, not recursion, however deep the nesting).
        var current: MarkdownBlock? = block
        var isOuterBlock = true
        while let next = current {
            defer { isOuterBlock = false }
            current = nil
            switch next.kind {
            case .paragraph(let inlines): text = inlines.plainText
            case .list(let list): current = list.items.first?.first
            case .blockQuote(let children): current = children.first
            case .table(let table): text = TableMarkup.label(table.header)
            case .codeBlock(_, let code): text = String(code.prefix { $0 != "\n" })
            case .heading, .thematicBreak, .htmlBlock: if isOuterBlock { return nil }
            }
        }
        let line = Self.firstWords(of: text, limit: 120)
        return line.isEmpty ? nil : line
    }

    /// The text with each run of whitespace made one space and the ends trimmed, cut to `limit`
    /// characters with "…" when longer. It reads only as far as it keeps: a block may be a
    /// long paragraph, and most change pages fold hundreds of them.
    static func firstWords(of text: String, limit: Int) -> String {
        var line = ""
        var count = 0
        var spaceDue = false
        for character in text {
            if character.isWhitespace {
                spaceDue = count > 0
                continue
            }
            if count == limit { return line + "…" }
            if spaceDue {
                line.append(" ")
                count += 1
                spaceDue = false
                if count == limit { return line + "…" }
            }
            line.append(character)
            count += 1
        }
        return line
    }

    /// Inline runs (a changed heading's, or a paragraph's), without a block around them.
    public func render(runs: [InlineDiffRun]) -> String {
        var html = ""
        render(runs, into: &html)
        return html
    }

    // MARK: - Blocks

    private func plain(_ side: DiffSide) -> HTMLRenderer {
        HTMLRenderer(linkTarget: { link in linkTarget(DiffLink(destination: link.destination, title: link.title), side) })
    }

    /// A block shown as it is, on one side. In a tight list a paragraph has no `<p>`, as on the page.
    private func renderWhole(_ block: MarkdownBlock, side: DiffSide, tight: Bool, tableLabels: TableLabeller, into html: inout String) {
        if tight, case .paragraph(let inlines) = block.kind {
            html += plain(side).render(inlines: inlines) + "\n"
        } else {
            html += plain(side).render([block], tableLabels: tableLabels)
        }
    }

    /// A block shown whole as inserted or deleted: a table in it is named so ("… (deleted)").
    private func renderMarked(_ block: MarkdownBlock, _ operation: InlineDiffRun.Operation, tight: Bool, tableLabels: TableLabeller, into html: inout String) {
        tableLabels.suffix = operation == .insert ? labels.inserted : labels.deleted
        defer { tableLabels.suffix = nil }
        renderWhole(block, side: operation == .insert ? .new : .old, tight: tight, tableLabels: tableLabels, into: &html)
    }

    private func label(_ operation: InlineDiffRun.Operation) -> String {
        let text = operation == .insert ? labels.inserted : labels.deleted
        return "<span class=\"\(HTMLEscaping.escape(hiddenClass))\">\(HTMLEscaping.escape(text))</span>"
    }

    /// The visible label of a whole added or removed block, read by screen readers too.
    private func blockLabel(_ operation: InlineDiffRun.Operation) -> String {
        "<span class=\"diff-label\">\(HTMLEscaping.escape(operation == .insert ? labels.added : labels.removed))</span>"
    }

    private func render(_ block: DiffBlock, tight: Bool, tableLabels: TableLabeller, into html: inout String) {
        switch block {
        case .unchanged(let block):
            renderWhole(block, side: .new, tight: tight, tableLabels: tableLabels, into: &html)
        case .inserted(let block):
            html += "<ins class=\"diff-block\">" + blockLabel(.insert)
            renderMarked(block, .insert, tight: tight, tableLabels: tableLabels, into: &html)
            html += "</ins>\n"
        case .deleted(let block):
            html += "<del class=\"diff-block\">" + blockLabel(.delete)
            renderMarked(block, .delete, tight: tight, tableLabels: tableLabels, into: &html)
            html += "</del>\n"
        case .changed(_, let new, let runs):
            if case .heading(let level, let inlines) = new.kind {
                tableLabels.context = inlines.plainText
                html += "<h\(level)>"
                render(runs, into: &html)
                html += "</h\(level)>\n"
            } else if tight {
                render(runs, into: &html)
                html += "\n"
            } else {
                html += "<p>"
                render(runs, into: &html)
                html += "</p>\n"
            }
        case .changedQuote(let children):
            html += "<blockquote>\n"
            for child in children { render(child, tight: false, tableLabels: tableLabels, into: &html) }
            html += "</blockquote>\n"
        case .changedList(_, let list, let items):
            switch list.style {
            case .bullet: html += "<ul>\n"
            case .ordered(let start): html += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in items { render(item, tight: list.isTight, tableLabels: tableLabels, into: &html) }
            switch list.style {
            case .bullet: html += "</ul>\n"
            case .ordered: html += "</ol>\n"
            }
        case .changedTable(_, let table, let rows):
            renderTable(table, rows, name: tableLabels.label(table.header), into: &html)
        }
    }

    /// A changed table in the page's table markup: added and removed rows marked on their
    /// `<tr>` and their cells' text, changed cells word by word.
    private func renderTable(_ table: MarkdownTable, _ rows: [DiffTableRow], name: String, into html: inout String) {
        func row(_ index: Int?) -> DiffTableRow { rows[(index ?? -1) + 1] }
        html += TableMarkup.html(label: name, alignments: table.alignments, columns: table.header.count,
                                 bodyRows: rows.count - 1, rowMark: { index in
            switch row(index).change {
            case .unchanged: .none
            case .inserted: .inserted
            case .deleted: .deleted
            case .changed: .changed
            }
        }) { index, column in
            let row = row(index)
            guard column < row.cells.count else { return "" }
            switch row.cells[column] {
            case .changed(let runs):
                return render(runs: runs)
            case .unchanged(let inlines):
                switch row.change {
                case .inserted, .deleted:
                    // One label per row, in its first cell, as one per list item.
                    let operation: InlineDiffRun.Operation = row.change == .inserted ? .insert : .delete
                    let tag = operation == .insert ? "ins" : "del"
                    let text = plain(operation == .insert ? .new : .old).render(inlines: inlines)
                    guard column == 0 || !text.isEmpty else { return "" }
                    return "<\(tag)>" + (column == 0 ? label(operation) : "") + text + "</\(tag)>"
                case .unchanged, .changed:
                    return plain(.new).render(inlines: inlines)
                }
            }
        }
    }

    private func render(_ item: DiffListItem, tight: Bool, tableLabels: TableLabeller, into html: inout String) {
        switch item.change {
        case .inserted, .deleted:
            let inserted = item.change == .inserted
            html += inserted ? "<li class=\"diff-inserted\"><ins>" + label(.insert) : "<li class=\"diff-deleted\"><del>" + label(.delete)
            var content = ""
            for block in item.blocks {
                switch block {
                case .inserted(let block), .deleted(let block), .unchanged(let block):
                    renderMarked(block, inserted ? .insert : .delete, tight: tight, tableLabels: tableLabels, into: &content)
                default:
                    render(block, tight: tight, tableLabels: tableLabels, into: &content)
                }
            }
            if content.hasSuffix("\n") { content.removeLast() }
            html += content + (inserted ? "</ins></li>\n" : "</del></li>\n")
        case .unchanged, .changed:
            html += item.change == .changed ? "<li class=\"diff-changed\">" : "<li>"
            var content = ""
            for block in item.blocks { render(block, tight: tight, tableLabels: tableLabels, into: &content) }
            if tight, content.hasSuffix("\n") { content.removeLast() }
            html += (!tight && !content.isEmpty ? "\n" : "") + content + "</li>\n"
        }
    }

    // MARK: - Runs

    /// An inline element a run sits in, in nesting order.
    private enum Tag: Equatable {
        case link(DiffLink, DiffSide)
        case strong
        case emphasis
        case change(InlineDiffRun.Operation)
        case code
    }

    private func tags(of run: InlineDiffRun) -> [Tag] {
        var tags: [Tag] = []
        if let link = run.style.link { tags.append(.link(link, run.side)) }
        if run.style.strong { tags.append(.strong) }
        if run.style.emphasis { tags.append(.emphasis) }
        if run.operation != .equal { tags.append(.change(run.operation)) }
        if run.style.code, run.style.image == nil { tags.append(.code) }
        return tags
    }

    private func render(_ runs: [InlineDiffRun], into html: inout String) {
        var open: [Tag] = []
        // The operation whose label was last written: one label per stretch of changes.
        var labelled: InlineDiffRun.Operation = .equal
        for run in runs {
            let wanted = tags(of: run)
            var common = 0
            while common < open.count, common < wanted.count, open[common] == wanted[common] { common += 1 }
            while open.count > common { close(open.removeLast(), into: &html) }
            if run.operation == .equal { labelled = .equal }
            for tag in wanted[common...] {
                if case .change(let operation) = tag, labelled != operation {
                    html += (operation == .insert ? "<ins>" : "<del>") + label(operation)
                    labelled = operation
                } else {
                    openTag(tag, into: &html)
                }
                open.append(tag)
            }
            if let image = run.style.image {
                // As `HTMLRenderer` does: an image's source is used as written.
                html += "<img src=\"\(HTMLEscaping.escapeHref(image.destination))\" alt=\"\(HTMLEscaping.escapeText(run.text))\""
                if !image.title.isEmpty { html += " title=\"\(HTMLEscaping.escapeText(image.title))\"" }
                html += ">"
            } else {
                html += HTMLEscaping.escapeText(run.text)
            }
        }
        while let tag = open.popLast() { close(tag, into: &html) }
    }

    private func openTag(_ tag: Tag, into html: inout String) {
        switch tag {
        case .link(let link, let side):
            let target = linkTarget(link, side)
            html += "<a href=\"\(HTMLEscaping.escapeHref(target.href))\""
            if !link.title.isEmpty { html += " title=\"\(HTMLEscaping.escapeText(link.title))\"" }
            if let printURL = target.printURL { html += " data-print-url=\"\(HTMLEscaping.escapeText(printURL))\"" }
            html += ">"
        case .strong: html += "<strong>"
        case .emphasis: html += "<em>"
        case .change(let operation): html += operation == .insert ? "<ins>" : "<del>"
        case .code: html += "<code>"
        }
    }

    private func close(_ tag: Tag, into html: inout String) {
        switch tag {
        case .link: html += "</a>"
        case .strong: html += "</strong>"
        case .emphasis: html += "</em>"
        case .change(let operation): html += operation == .insert ? "</ins>" : "</del>"
        case .code: html += "</code>"
        }
    }
}
