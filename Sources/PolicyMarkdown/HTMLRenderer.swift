/// Renders a `MarkdownDocument` to HTML, byte for byte as cmark's `cmark_render_html` does in
/// safe mode (`CmarkEquivalenceTests` holds it to that), apart from what the site needs and
/// cmark cannot do: each heading gets an `id` (and loses its `{#id}`, by the caller), links
/// point where the caller resolves them, and void elements are written `<hr>`, `<br>`, `<img …>`.
/// Raw HTML is omitted and dangerous URLs are emptied, as in cmark's safe mode.
///
/// The HTML is appended into one byte buffer, and the tree is walked with explicit stacks
/// (never recursion on the input's depth).
public struct HTMLRenderer {
    /// Where a link goes, and optionally a full URL for the print stylesheet to show.
    public struct LinkTarget: Sendable, Equatable {
        public var href: String
        public var printURL: String?

        public init(href: String, printURL: String? = nil) {
            self.href = href
            self.printURL = printURL
        }
    }

    /// The `id` attribute of the heading that starts at a position, if any.
    public var headingID: (MarkdownPosition) -> String?
    /// The text of the heading at a position, when the caller changed it (e.g. removed `{#id}`).
    public var headingContent: (MarkdownPosition, [MarkdownInline]) -> [MarkdownInline]
    /// Where a link points; by default its destination unchanged.
    public var linkTarget: (MarkdownLink) -> LinkTarget
    /// The level a heading is written at (`h2` for a `#` heading when the page's title is the
    /// `h1`); by default the level written in the Markdown.
    public var headingLevel: (MarkdownPosition, Int) -> Int = { $1 }
    /// A link with no text (`[](https://…)`) shows its address as its text, so that it has a
    /// name; cmark writes an empty `<a>`.
    public var namesEmptyLinks = false

    public init(
        headingID: @escaping (MarkdownPosition) -> String? = { _ in nil },
        headingContent: @escaping (MarkdownPosition, [MarkdownInline]) -> [MarkdownInline] = { $1 },
        linkTarget: @escaping (MarkdownLink) -> LinkTarget = { LinkTarget(href: $0.destination) }
    ) {
        self.headingID = headingID
        self.headingContent = headingContent
        self.linkTarget = linkTarget
    }

    public func render(_ blocks: [MarkdownBlock]) -> String {
        render(blocks, tableLabels: TableLabeller())
    }

    /// Blocks, their tables named by `tableLabels`, which a caller that renders one page in
    /// several calls passes to each.
    public func render(_ blocks: [MarkdownBlock], tableLabels: TableLabeller) -> String {
        var html = HTMLBuffer()
        html.reserve(blocks.count * 200)
        render(blocks, into: &html, tableLabels: tableLabels)
        return html.string
    }

    public func render(inlines: [MarkdownInline]) -> String {
        var html = HTMLBuffer()
        render(inlines, into: &html)
        return html.string
    }

    // MARK: - Blocks

    /// What is left to do, innermost last: a block to open, or markup that closes one.
    private enum BlockStep {
        /// `tight`: the block is directly in an item of a tight list (a paragraph there has no `<p>`).
        case block(MarkdownBlock, tight: Bool)
        case close(StaticString)
        /// cmark's `cr()` first: a line break unless the HTML already ends one.
        case closeOnNewLine(StaticString)
    }

    private func render(_ blocks: [MarkdownBlock], into html: inout HTMLBuffer, tableLabels: TableLabeller) {
        var steps: [BlockStep] = blocks.reversed().map { .block($0, tight: false) }
        while let step = steps.popLast() {
            let block: MarkdownBlock
            let tight: Bool
            switch step {
            case .close(let markup):
                html.append(markup)
                continue
            case .closeOnNewLine(let markup):
                html.newLine()
                html.append(markup)
                continue
            case .block(let value, let isTight):
                block = value
                tight = isTight
            }
            switch block.kind {
            case .paragraph(let inlines):
                if tight {
                    render(inlines, into: &html)
                } else {
                    html.newLine()
                    html.append("<p>")
                    render(inlines, into: &html)
                    html.append("</p>\n")
                }
            case .heading(let level, let inlines):
                let content = headingContent(block.position, inlines)
                let level = min(max(headingLevel(block.position, level), 1), 6)
                html.newLine()
                html.append("<h")
                html.append(decimal: level)
                if let id = headingID(block.position) {
                    html.append(" id=\"")
                    html.appendEscaped(id)
                    html.append("\"")
                }
                html.append(">")
                render(content, into: &html)
                tableLabels.context = content.plainText
                html.append("</h")
                html.append(decimal: level)
                html.append(">\n")
            case .blockQuote(let children):
                html.newLine()
                html.append("<blockquote>\n")
                steps.append(.closeOnNewLine("</blockquote>\n"))
                steps.append(contentsOf: children.reversed().map { .block($0, tight: false) })
            case .list(let list):
                html.newLine()
                switch list.style {
                case .bullet:
                    html.append("<ul>\n")
                    steps.append(.close("</ul>\n"))
                case .ordered(let start):
                    if start == 1 {
                        html.append("<ol>\n")
                    } else {
                        html.append("<ol start=\"")
                        html.append(decimal: start)
                        html.append("\">\n")
                    }
                    steps.append(.close("</ol>\n"))
                }
                for item in list.items.reversed() {
                    steps.append(.close("</li>\n"))
                    steps.append(contentsOf: item.reversed().map { .block($0, tight: list.isTight) })
                    steps.append(.closeOnNewLine("<li>"))
                }
            case .codeBlock(let info, let code):
                html.newLine()
                // The language is the info string's first word, up to any white space.
                let language = info.utf8.prefix { !HTMLBuffer.isSpace($0) }
                if language.isEmpty {
                    html.append("<pre><code>")
                } else {
                    html.append("<pre><code class=\"language-")
                    html.appendEscaped(Substring(language))
                    html.append("\">")
                }
                html.appendEscaped(code)
                html.append("</code></pre>\n")
            case .htmlBlock:
                html.newLine()
                html.append("<!-- raw HTML omitted -->")
                html.newLine()
            case .thematicBreak:
                html.newLine()
                html.append("<hr>\n")
            case .table(let table):
                html.newLine()
                renderTable(table, label: tableLabels.label(table.header), into: &html)
            }
        }
    }

    /// A pipe table, its cells rendered as any inline content; `TableMarkup` writes the rest.
    private func renderTable(_ table: MarkdownTable, label: String, into html: inout HTMLBuffer) {
        TableMarkup.write(label: label, alignments: table.alignments, columns: table.header.count,
                          bodyRows: table.rows.count, rowMark: { _ in .none }, into: &html) { row, column, html in
            let cells = row.map { table.rows[$0] } ?? table.header
            if column < cells.count { render(cells[column], into: &html) }
        }
    }

    // MARK: - Inlines

    private enum InlineStep {
        case inline(MarkdownInline)
        case close(StaticString)
    }

    private func render(_ inlines: [MarkdownInline], into html: inout HTMLBuffer) {
        var steps: [InlineStep] = inlines.reversed().map { .inline($0) }
        while let step = steps.popLast() {
            let inline: MarkdownInline
            switch step {
            case .close(let markup):
                html.append(markup)
                continue
            case .inline(let value):
                inline = value
            }
            switch inline {
            case .text(let text): html.appendEscaped(text)
            case .softBreak: html.append("\n")
            case .lineBreak: html.append("<br>\n")
            case .code(let code):
                html.append("<code>")
                html.appendEscaped(code)
                html.append("</code>")
            case .html: html.append("<!-- raw HTML omitted -->")
            case .emphasis(let children):
                html.append("<em>")
                steps.append(.close("</em>"))
                steps.append(contentsOf: children.reversed().map { .inline($0) })
            case .strong(let children):
                html.append("<strong>")
                steps.append(.close("</strong>"))
                steps.append(contentsOf: children.reversed().map { .inline($0) })
            case .link(let link):
                let target = linkTarget(link)
                html.append("<a href=\"")
                html.appendHref(target.href)
                html.append("\"")
                if !link.title.isEmpty {
                    html.append(" title=\"")
                    html.appendEscaped(link.title)
                    html.append("\"")
                }
                if let printURL = target.printURL {
                    html.append(" data-print-url=\"")
                    html.appendEscaped(printURL)
                    html.append("\"")
                }
                html.append(">")
                steps.append(.close("</a>"))
                if namesEmptyLinks, link.hasNoText {
                    html.appendEscaped(link.destination)
                } else {
                    steps.append(contentsOf: link.content.reversed().map { .inline($0) })
                }
            case .image(let image):
                html.append("<img src=\"")
                html.appendHref(image.destination)
                html.append("\" alt=\"")
                html.appendEscaped(Self.altText(image.content))
                html.append("\"")
                if !image.title.isEmpty {
                    html.append(" title=\"")
                    html.appendEscaped(image.title)
                    html.append("\"")
                }
                html.append(">")
            }
        }
    }

    /// An image's alternative text as cmark writes it: the text of everything inside, raw HTML
    /// included (escaped, so shown as text), line breaks as spaces.
    static func altText(_ inlines: [MarkdownInline]) -> String {
        var text = ""
        var pending: [MarkdownInline] = inlines.reversed()
        while let inline = pending.popLast() {
            switch inline {
            case .text(let literal), .code(let literal), .html(let literal): text += literal
            case .softBreak, .lineBreak: text += " "
            case .emphasis(let children), .strong(let children): pending.append(contentsOf: children.reversed())
            case .link(let link), .image(let link): pending.append(contentsOf: link.content.reversed())
            }
        }
        return text
    }
}
