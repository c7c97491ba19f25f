import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Parses CommonMark with the cmark C library and converts its tree into `MarkdownDocument`.
///
/// cmark runs with `CMARK_OPT_DEFAULT`: safe mode, no extensions. Raw HTML is kept in the tree as
/// `.htmlBlock` / `.html` so that it can be reported, and the renderer never emits it.
public enum MarkdownParser {
    public static func parse(_ text: String) -> MarkdownDocument {
        var text = text
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        return MarkdownDocument(blocks: blocks(under: root))
    }

    /// The version of the linked libcmark, for benchmark reports and `--version`.
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    /// Renders Markdown with cmark alone (safe mode), as the baseline the benchmark compares with.
    public static func renderWithCmarkOnly(_ text: String) -> String {
        var text = text
        return text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let html = cmark_markdown_to_html(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT) else {
                    return ""
                }
                defer { free(html) }
                return String(cString: html)
            }
        }
    }

    // MARK: - Conversion

    private static func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private static func position(of node: OpaquePointer) -> MarkdownPosition {
        MarkdownPosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node)))
    }

    private static func literal(of node: OpaquePointer) -> String {
        guard let pointer = cmark_node_get_literal(node) else { return "" }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }

    private static func blocks(under node: OpaquePointer) -> [MarkdownBlock] {
        children(of: node).compactMap(block)
    }

    private static func block(_ node: OpaquePointer) -> MarkdownBlock? {
        let at = position(of: node)
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return MarkdownBlock(.paragraph(inlines(under: node)), at: at)
        case CMARK_NODE_HEADING:
            return MarkdownBlock(.heading(level: Int(cmark_node_get_heading_level(node)), inlines(under: node)), at: at)
        case CMARK_NODE_BLOCK_QUOTE:
            return MarkdownBlock(.blockQuote(blocks(under: node)), at: at)
        case CMARK_NODE_LIST:
            let style: MarkdownList.Style = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                ? .ordered(start: Int(cmark_node_get_list_start(node)))
                : .bullet
            let items = children(of: node).map { blocks(under: $0) }
            let list = MarkdownList(style: style, isTight: cmark_node_get_list_tight(node) != 0, items: items)
            return MarkdownBlock(.list(list), at: at)
        case CMARK_NODE_CODE_BLOCK:
            return MarkdownBlock(.codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(of: node)), at: at)
        case CMARK_NODE_HTML_BLOCK:
            return MarkdownBlock(.htmlBlock(literal(of: node)), at: at)
        case CMARK_NODE_THEMATIC_BREAK:
            return MarkdownBlock(.thematicBreak, at: at)
        default:
            // Custom blocks cannot come out of the CommonMark parser.
            return nil
        }
    }

    private static func inlines(under node: OpaquePointer) -> [MarkdownInline] {
        var result: [MarkdownInline] = []
        for child in children(of: node) {
            guard let inline = inline(child) else { continue }
            // cmark may split one run of text into several nodes; join them so `{#id}` and
            // word-level comparisons see the text as written.
            if case .text(let next) = inline, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(inline)
            }
        }
        return result
    }

    private static func inline(_ node: OpaquePointer) -> MarkdownInline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(of: node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(of: node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(under: node))
        case CMARK_NODE_STRONG: return .strong(inlines(under: node))
        case CMARK_NODE_LINK: return .link(link(node))
        case CMARK_NODE_IMAGE: return .image(link(node))
        default: return nil
        }
    }

    private static func link(_ node: OpaquePointer) -> MarkdownLink {
        MarkdownLink(
            destination: string(cmark_node_get_url(node)),
            title: string(cmark_node_get_title(node)),
            content: inlines(under: node),
            position: position(of: node)
        )
    }
}
