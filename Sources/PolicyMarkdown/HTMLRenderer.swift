/// Renders a `MarkdownDocument` to HTML.
///
/// Output follows cmark's safe mode: raw HTML is omitted and dangerous URLs are emptied. The
/// caller decides what cmark cannot: the `id` of each heading and where each link points.
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
        var html = ""
        html.reserveCapacity(blocks.count * 200)
        for block in blocks { render(block, tight: false, into: &html) }
        return html
    }

    public func render(inlines: [MarkdownInline]) -> String {
        var html = ""
        render(inlines, into: &html)
        return html
    }

    private func render(_ block: MarkdownBlock, tight: Bool, into html: inout String) {
        switch block.kind {
        case .paragraph(let inlines):
            if tight {
                render(inlines, into: &html)
                html += "\n"
            } else {
                html += "<p>"
                render(inlines, into: &html)
                html += "</p>\n"
            }
        case .heading(let level, let inlines):
            let content = headingContent(block.position, inlines)
            html += "<h\(level)"
            if let id = headingID(block.position) {
                html += " id=\"\(HTMLEscaping.escape(id))\""
            }
            html += ">"
            render(content, into: &html)
            html += "</h\(level)>\n"
        case .blockQuote(let children):
            html += "<blockquote>\n"
            for child in children { render(child, tight: false, into: &html) }
            html += "</blockquote>\n"
        case .list(let list):
            switch list.style {
            case .bullet: html += "<ul>\n"
            case .ordered(let start): html += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in list.items {
                html += "<li>"
                if !list.isTight, !item.isEmpty { html += "\n" }
                for child in item { render(child, tight: list.isTight, into: &html) }
                if list.isTight, html.hasSuffix("\n") { html.removeLast() }
                html += "</li>\n"
            }
            switch list.style {
            case .bullet: html += "</ul>\n"
            case .ordered: html += "</ol>\n"
            }
        case .codeBlock(let info, let code):
            let language = info.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
            html += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTMLEscaping.escape(language))\">"
            html += HTMLEscaping.escape(code)
            html += "</code></pre>\n"
        case .htmlBlock:
            html += "<!-- raw HTML omitted -->\n"
        case .thematicBreak:
            html += "<hr>\n"
        }
    }

    private func render(_ inlines: [MarkdownInline], into html: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let text): html += HTMLEscaping.escape(text)
            case .softBreak: html += "\n"
            case .lineBreak: html += "<br>\n"
            case .code(let code): html += "<code>\(HTMLEscaping.escape(code))</code>"
            case .html: html += "<!-- raw HTML omitted -->"
            case .emphasis(let children):
                html += "<em>"
                render(children, into: &html)
                html += "</em>"
            case .strong(let children):
                html += "<strong>"
                render(children, into: &html)
                html += "</strong>"
            case .link(let link):
                let target = linkTarget(link)
                html += "<a href=\"\(HTMLEscaping.escapeHref(target.href))\""
                if !link.title.isEmpty { html += " title=\"\(HTMLEscaping.escape(link.title))\"" }
                if let printURL = target.printURL { html += " data-print-url=\"\(HTMLEscaping.escape(printURL))\"" }
                html += ">"
                render(link.content, into: &html)
                html += "</a>"
            case .image(let image):
                html += "<img src=\"\(HTMLEscaping.escapeHref(image.destination))\" alt=\"\(HTMLEscaping.escape(image.content.plainText))\""
                if !image.title.isEmpty { html += " title=\"\(HTMLEscaping.escape(image.title))\"" }
                html += ">"
            }
        }
    }
}
