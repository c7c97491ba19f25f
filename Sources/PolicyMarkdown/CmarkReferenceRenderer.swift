import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark's own HTML renderer (`cmark_render_html`, safe mode), the reference `HTMLRenderer` is
/// held equal to. `HTMLRenderer` is ours because the site needs what cmark cannot do (heading
/// ids, links resolved per page, nesting capped); the equivalence tests prove that apart from
/// those it writes exactly what cmark writes.
public enum CmarkReferenceRenderer {
    /// Renders `text` as cmark does, after giving each top-level heading's trailing text to
    /// `headingText` (e.g. to take a `{#id}` off, as the site does before rendering). cmark may
    /// split one run of text into several nodes; the run is joined first, as `MarkdownParser`
    /// joins it, which changes nothing in cmark's output. An empty result removes the text.
    public static func render(_ text: String, headingText: (String) -> String = { $0 }) -> String {
        var text = text
        let parsed: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root = parsed else { return "" }
        defer { cmark_node_free(root) }

        var block = cmark_node_first_child(root)
        while let current = block {
            block = cmark_node_next(current)
            guard cmark_node_get_type(current) == CMARK_NODE_HEADING else { continue }
            rewriteTrailingText(of: current, with: headingText)
        }

        guard let html = cmark_render_html(root, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    private static func rewriteTrailingText(of heading: OpaquePointer, with transform: (String) -> String) {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT else { return }
        // The first node of the trailing run of text nodes.
        var first = last
        while let previous = cmark_node_previous(first), cmark_node_get_type(previous) == CMARK_NODE_TEXT { first = previous }
        var joined = literal(of: first)
        while let next = cmark_node_next(first) {
            joined += literal(of: next)
            cmark_node_unlink(next)
            cmark_node_free(next)
        }
        let rewritten = transform(joined)
        if rewritten.isEmpty {
            cmark_node_unlink(first)
            cmark_node_free(first)
        } else {
            _ = cmark_node_set_literal(first, rewritten)
        }
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }
}
