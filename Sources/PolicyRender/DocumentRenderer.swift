import PolicyCore
import PolicyMarkdown
import PolicyModel

/// A policy text rendered for one page: its HTML and its table of contents.
struct RenderedDocument {
    struct TOCEntry {
        var anchor: String
        var text: String
        var children: [TOCEntry]
    }

    var html: String
    var toc: [TOCEntry]
}

/// Renders a document's Markdown: headings get their anchors (and lose their `{#id}`), links
/// are resolved for the page, raw HTML is omitted.
enum DocumentRenderer {
    static func render(_ document: PolicyDocument, links: LinkResolver) -> RenderedDocument {
        var anchors: [MarkdownPosition: Heading] = [:]
        for heading in document.headings { anchors[heading.position] = heading }
        var renderer = HTMLRenderer(
            headingID: { anchors[$0]?.anchor },
            headingContent: { position, inlines in anchors[position]?.content ?? inlines },
            linkTarget: { links.resolve($0.destination) }
        )
        let levels = HeadingLevels(document.headings)
        renderer.headingLevel = { levels.rendered($0, $1) }
        renderer.namesEmptyLinks = true
        let html = renderer.render(document.body.blocks)
        return RenderedDocument(html: html, toc: tableOfContents(document.headings))
    }

    /// The top-level headings, each with the headings one level below it.
    static func tableOfContents(_ headings: [Heading]) -> [RenderedDocument.TOCEntry] {
        guard let top = headings.map(\.level).min() else { return [] }
        var entries: [RenderedDocument.TOCEntry] = []
        // An empty heading (`### ` alone) would be a nameless link: not listed.
        for heading in headings where !heading.plainText.allSatisfy(\.isWhitespace) {
            let entry = RenderedDocument.TOCEntry(anchor: heading.anchor, text: heading.plainText, children: [])
            if heading.level == top {
                entries.append(entry)
            } else if heading.level == top + 1, !entries.isEmpty {
                entries[entries.count - 1].children.append(entry)
            }
        }
        return entries
    }
}

/// The levels body headings are written at: the page title is the only `h1`, so the document's
/// highest level becomes `h2`, and no level is skipped on the way down (`#` then `###` become
/// `h2` then `h3`; a later `###` beside it is `h3` too), as screen readers' heading navigation
/// expects. Ids, sections and the table of contents keep the levels as written.
struct HeadingLevels {
    private var levels: [MarkdownPosition: Int] = [:]

    init(_ headings: [Heading]) {
        // The open headings above the current one: (level as written, level rendered).
        var open: [(written: Int, rendered: Int)] = []
        for heading in headings {
            while let last = open.last, last.written >= heading.level { open.removeLast() }
            let rendered = min((open.last?.rendered ?? 1) + 1, 6)
            levels[heading.position] = rendered
            open.append((heading.level, rendered))
        }
    }

    /// Headings outside the outline (in a quote or list) are never `h1`.
    func rendered(_ position: MarkdownPosition, _ level: Int) -> Int {
        levels[position] ?? min(max(level, 2), 6)
    }
}
