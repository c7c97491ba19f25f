import PolicyDiagnostics
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
        let renderer = HTMLRenderer(
            headingID: { anchors[$0]?.anchor },
            headingContent: { position, inlines in anchors[position]?.content ?? inlines },
            linkTarget: { links.resolve($0.destination) }
        )
        let html = renderer.render(document.body.blocks)
        return RenderedDocument(html: html, toc: tableOfContents(document.headings))
    }

    /// The top-level headings, each with the headings one level below it.
    static func tableOfContents(_ headings: [Heading]) -> [RenderedDocument.TOCEntry] {
        guard let top = headings.map(\.level).min() else { return [] }
        var entries: [RenderedDocument.TOCEntry] = []
        for heading in headings {
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
