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
        parse(text, recognizingTables: true)
    }

    static func parse(_ text: String, recognizingTables: Bool) -> MarkdownDocument {
        var text = text
        let root: OpaquePointer? = text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parse_document(chars.baseAddress, chars.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let root else { return MarkdownDocument(blocks: []) }
        defer { cmark_node_free(root) }
        return TreeBuilder.convert(root, source: recognizingTables ? text : nil)
    }

    /// The one raw HTML tag kept: a line break, written exactly `<br>`, `<br/>` or `<br />`
    /// (tables have no other way to break a line in a cell). Everything else stays omitted.
    static func isLineBreakTag(_ html: String) -> Bool {
        html == "<br>" || html == "<br/>" || html == "<br />"
    }

    /// Inline Markdown on its own (a table cell, or the paragraph text above a table), parsed
    /// by cmark as the text of one paragraph; positions are moved to where the text is in the
    /// file: line `k` of the text starts at `origins[k - 1]` (a 1-based line and byte column).
    static func inlines(of text: String, origins: [MarkdownPosition]) -> [MarkdownInline] {
        guard !text.isEmpty else { return [] }
        return PlainInlineText.inlines(of: text) ?? parsedInlines(of: text, origins: origins)
    }

    /// `inlines(of:origins:)` through cmark, always.
    static func parsedInlines(of text: String, origins: [MarkdownPosition]) -> [MarkdownInline] {
        guard !text.isEmpty else { return [] }
        for attempt in 0..<2 {
            // A text that cmark would read as a block (`# x`, `- x`, `1. x`, `> x`, `[a]: b`)
            // is inline content here: the second attempt escapes its first character.
            let source = attempt == 0 ? text : Self.escapingBlockStart(text)
            let document = parse(source, recognizingTables: false)
            if document.blocks.isEmpty { continue }
            guard document.blocks.count == 1, case .paragraph(let inlines) = document.blocks[0].kind else { continue }
            return inlines.map { $0.moved(to: origins, shift: attempt) }
        }
        return [.text(text)]
    }

    private static func escapingBlockStart(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        if first.properties.numericType != nil, first.isASCII {
            // `1. x` / `1) x`: escape the list marker's punctuation.
            let digits = text.prefix { $0.isASCII && $0.isNumber }
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")" { return digits + "\\" + rest }
            return text
        }
        return first.isASCII && first.properties.isPatternSyntax ? "\\" + text : text
    }

    /// The deepest nesting of block containers (block quotes, lists, list items: a list and its
    /// items count one level each) the Swift tree keeps; deeper ones are flattened.
    ///
    /// Real policies use a handful of levels (a list in a list in a quote is five), and readers
    /// cannot follow many more; 32 (16 nested lists) leaves ample room. The bound matters because
    /// everything that walks the tree (rendering, `plainText`, the synthesized `Equatable`, Swift
    /// releasing the nested arrays) recurses once per level: 32 block plus 32 inline levels is
    /// a few dozen stack frames, safe even on a small secondary thread's stack, where 50,000
    /// nested `>` overflowed the stack.
    public static let maxBlockDepth = 32
    /// The deepest nesting of inline containers (emphasis, strong, links, images) the Swift tree
    /// keeps. Prose rarely nests more than two or three (a link in bold text in italics); 32 is
    /// generous, and bounded for the same reason as `maxBlockDepth`.
    public static let maxInlineDepth = 32

    /// The version of the linked libcmark, for benchmark reports and `--version`.
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }

    // MARK: - Conversion

    /// Converts cmark's tree by walking it with cmark's iterator (enter and exit events) and
    /// an explicit stack of the containers being built, so no Swift recursion follows the input's
    /// depth. Containers nested beyond the limits are not opened: their children go to the
    /// deepest open container, so no text is lost (a flattened link keeps its text, without the
    /// link; a flattened image's alt text becomes text, or joins its enclosing image's alt).
    private struct TreeBuilder {
        /// A container being built; `node` tells its exit event from a flattened node's.
        struct Frame {
            enum Kind {
                case document, blockQuote, item, paragraph, emphasis, strong
                case list(MarkdownList.Style, isTight: Bool)
                case heading(level: Int)
                case link(destination: String, title: String)
                case image(destination: String, title: String)
            }

            let node: OpaquePointer
            let kind: Kind
            let position: MarkdownPosition
            var blocks: [MarkdownBlock] = []
            var items: [[MarkdownBlock]] = []
            var inlines: [MarkdownInline] = []
            /// The run of text not yet added to `inlines`. cmark may split one run of text into
            /// several nodes; joining them here (amortized linear, unlike `a + b` per node) lets
            /// `{#id}` and word-level comparisons see the text as written.
            var text: String?

            mutating func add(_ inline: MarkdownInline) {
                flushText()
                inlines.append(inline)
            }

            mutating func addText(_ literal: String) {
                if text == nil { text = literal } else { text!.append(literal) }
            }

            mutating func finishedInlines() -> [MarkdownInline] {
                flushText()
                return inlines
            }

            private mutating func flushText() {
                if let pending = text {
                    inlines.append(.text(pending))
                    text = nil
                }
            }
        }

        var stack: [Frame]
        var blockDepth = 0
        var inlineDepth = 0
        var flattened: FlattenedNesting?
        /// The text parsed, to find tables in paragraphs' source lines; nil: no tables.
        var source: String?
        /// Its lines, split once, when the first paragraph with a pipe needs them.
        var sourceLines: [Substring]?
        var tableNearMisses: [TableNearMiss] = []

        static func convert(_ root: OpaquePointer, source: String? = nil) -> MarkdownDocument {
            var builder = TreeBuilder(stack: [Frame(node: root, kind: .document, position: position(of: root))], source: source)
            guard let iterator = cmark_iter_new(root) else { return MarkdownDocument(blocks: []) }
            defer { cmark_iter_free(iterator) }
            while true {
                let event = cmark_iter_next(iterator)
                guard event != CMARK_EVENT_DONE else { break }
                guard let node = cmark_iter_get_node(iterator), node != root else { continue }
                if event == CMARK_EVENT_ENTER {
                    builder.enter(node)
                } else if event == CMARK_EVENT_EXIT {
                    builder.exit(node)
                }
            }
            return MarkdownDocument(blocks: builder.stack.first?.blocks ?? [], flattened: builder.flattened, tableNearMisses: builder.tableNearMisses)
        }

        /// Leaves (text, code blocks, …) are added at once; containers get a frame unless they
        /// are too deep. cmark sends leaves an enter event only.
        mutating func enter(_ node: OpaquePointer) {
            let at = MarkdownParser.position(of: node)
            switch cmark_node_get_type(node) {
            case CMARK_NODE_PARAGRAPH:
                push(node, .paragraph, at)
            case CMARK_NODE_HEADING:
                push(node, .heading(level: Int(cmark_node_get_heading_level(node))), at)
            case CMARK_NODE_BLOCK_QUOTE:
                pushBlockContainer(node, .blockQuote, at, levels: 1)
            case CMARK_NODE_LIST:
                let style: MarkdownList.Style = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    ? .ordered(start: Int(cmark_node_get_list_start(node)))
                    : .bullet
                // A list is opened only with room for its items, so an open list always gets them.
                pushBlockContainer(node, .list(style, isTight: cmark_node_get_list_tight(node) != 0), at, levels: 2)
            case CMARK_NODE_ITEM:
                if case .list = stack[stack.count - 1].kind {
                    push(node, .item, at)
                    blockDepth += 1
                } else {
                    // Its list was flattened: the item's blocks join the enclosing container.
                    noteFlattened(at)
                }
            case CMARK_NODE_CODE_BLOCK:
                addBlock(MarkdownBlock(.codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(of: node)), at: at))
            case CMARK_NODE_HTML_BLOCK:
                addBlock(MarkdownBlock(.htmlBlock(literal(of: node)), at: at))
            case CMARK_NODE_THEMATIC_BREAK:
                addBlock(MarkdownBlock(.thematicBreak, at: at))
            case CMARK_NODE_TEXT:
                stack[stack.count - 1].addText(literal(of: node))
            case CMARK_NODE_SOFTBREAK:
                stack[stack.count - 1].add(.softBreak)
            case CMARK_NODE_LINEBREAK:
                stack[stack.count - 1].add(.lineBreak)
            case CMARK_NODE_CODE:
                stack[stack.count - 1].add(.code(literal(of: node)))
            case CMARK_NODE_HTML_INLINE:
                let html = literal(of: node)
                stack[stack.count - 1].add(MarkdownParser.isLineBreakTag(html) ? .lineBreak : .html(html))
            case CMARK_NODE_EMPH:
                pushInlineContainer(node, .emphasis, at)
            case CMARK_NODE_STRONG:
                pushInlineContainer(node, .strong, at)
            case CMARK_NODE_LINK:
                pushInlineContainer(node, .link(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))), at)
            case CMARK_NODE_IMAGE:
                pushInlineContainer(node, .image(destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node))), at)
            default:
                // Custom nodes cannot come out of the CommonMark parser.
                break
            }
        }

        /// Closes the container `node` opened, and adds it to its parent. The exit of a
        /// flattened container has no frame and changes nothing.
        mutating func exit(_ node: OpaquePointer) {
            guard stack.count > 1, stack[stack.count - 1].node == node else { return }
            var frame = stack.removeLast()
            let at = frame.position
            switch frame.kind {
            case .document:
                break
            case .paragraph:
                let inlines = frame.finishedInlines()
                if source != nil, Self.mayHoldTable(inlines), let blocks = tableBlocks(frame.node, at) {
                    for block in blocks { addBlock(block) }
                } else {
                    addBlock(MarkdownBlock(.paragraph(inlines), at: at))
                }
            case .heading(let level):
                addBlock(MarkdownBlock(.heading(level: level, frame.finishedInlines()), at: at))
            case .blockQuote:
                blockDepth -= 1
                addBlock(MarkdownBlock(.blockQuote(frame.blocks), at: at))
            case .list(let style, let isTight):
                blockDepth -= 1
                addBlock(MarkdownBlock(.list(MarkdownList(style: style, isTight: isTight, items: frame.items)), at: at))
            case .item:
                blockDepth -= 1
                stack[stack.count - 1].items.append(frame.blocks)
            case .emphasis:
                inlineDepth -= 1
                stack[stack.count - 1].add(.emphasis(frame.finishedInlines()))
            case .strong:
                inlineDepth -= 1
                stack[stack.count - 1].add(.strong(frame.finishedInlines()))
            case .link(let destination, let title):
                inlineDepth -= 1
                stack[stack.count - 1].add(.link(MarkdownLink(destination: destination, title: title, content: frame.finishedInlines(), position: at)))
            case .image(let destination, let title):
                inlineDepth -= 1
                stack[stack.count - 1].add(.image(MarkdownLink(destination: destination, title: title, content: frame.finishedInlines(), position: at)))
            }
        }

        /// Whether a paragraph has a pipe anywhere in its text (a table needs one): the cheap
        /// test that spares every other paragraph the look at its source lines.
        static func mayHoldTable(_ inlines: [MarkdownInline]) -> Bool {
            var pending = inlines
            while let inline = pending.popLast() {
                switch inline {
                case .text(let text), .code(let text):
                    if text.utf8.contains(UInt8(ascii: "|")) { return true }
                case .emphasis(let children), .strong(let children): pending.append(contentsOf: children)
                case .link(let link), .image(let link): pending.append(contentsOf: link.content)
                case .softBreak, .lineBreak, .html: break
                }
            }
            return false
        }

        /// The blocks a paragraph becomes when its lines hold a pipe table: the text above it
        /// (if any) as a paragraph, then the table; nil when they hold none.
        private mutating func tableBlocks(_ node: OpaquePointer, _ at: MarkdownPosition) -> [MarkdownBlock]? {
            guard let source else { return nil }
            if sourceLines == nil { sourceLines = MarkdownParser.lines(of: source) }
            let all = sourceLines ?? []
            let first = Int(cmark_node_get_start_line(node))
            let last = Int(cmark_node_get_end_line(node))
            guard first >= 1, last >= first, last <= all.count else { return nil }
            let inQuote = stack.contains { if case .blockQuote = $0.kind { true } else { false } }
            var lines: [PipeTableRecognizer.Line] = []
            for number in first...last {
                var text = all[number - 1]
                if text.last == "\r" { text = text.dropLast() }
                var column = 1
                func drop(_ count: Int) {
                    text = Substring(text.utf8.dropFirst(count))
                    column += count
                }
                if number == first {
                    drop(min(at.column - 1, text.utf8.count))
                } else {
                    // The containers' markers on a continuation line: indentation, and `>` in a quote.
                    let marker = text.utf8.prefix { $0 == 0x20 || $0 == 0x09 || (inQuote && $0 == UInt8(ascii: ">")) }
                    drop(marker.count)
                }
                lines.append(PipeTableRecognizer.Line(number: number, text: text, column: column))
            }
            let (found, nearMisses) = PipeTableRecognizer.find(in: lines)
            tableNearMisses += nearMisses.map { TableNearMiss(position: MarkdownPosition(line: $0.line, column: $0.column), headerCells: $0.headerCells, delimiterCells: $0.delimiterCells) }
            guard let found else { return nil }
            var blocks: [MarkdownBlock] = []
            func paragraph(_ lines: [PipeTableRecognizer.Line]) -> MarkdownBlock {
                let text = lines.map { String($0.text) }.joined(separator: "\n")
                let origins = lines.map { MarkdownPosition(line: $0.number, column: $0.column) }
                return MarkdownBlock(.paragraph(MarkdownParser.inlines(of: text, origins: origins)), at: origins[0])
            }
            if !found.before.isEmpty { blocks.append(paragraph(found.before)) }
            func row(_ line: PipeTableRecognizer.Line, columns: Int) -> [[MarkdownInline]] {
                var cells = PipeTableSyntax.cells(line.text).prefix(columns).map { cell in
                    MarkdownParser.inlines(of: cell.text, origins: [MarkdownPosition(line: line.number, column: line.column + cell.offset)])
                }
                while cells.count < columns { cells.append([]) }
                return Array(cells)
            }
            let columns = found.alignments.count
            let table = MarkdownTable(
                alignments: found.alignments,
                header: row(found.header, columns: columns),
                rows: found.rows.map { row($0, columns: columns) },
                rowLines: found.rows.map(\.number)
            )
            blocks.append(MarkdownBlock(.table(table), at: MarkdownPosition(line: found.header.number, column: found.header.column)))
            if !found.after.isEmpty { blocks.append(paragraph(found.after)) }
            return blocks
        }

        private mutating func push(_ node: OpaquePointer, _ kind: Frame.Kind, _ at: MarkdownPosition) {
            stack.append(Frame(node: node, kind: kind, position: at))
        }

        private mutating func pushBlockContainer(_ node: OpaquePointer, _ kind: Frame.Kind, _ at: MarkdownPosition, levels: Int) {
            guard blockDepth + levels <= MarkdownParser.maxBlockDepth else { return noteFlattened(at) }
            push(node, kind, at)
            blockDepth += 1
        }

        private mutating func pushInlineContainer(_ node: OpaquePointer, _ kind: Frame.Kind, _ at: MarkdownPosition) {
            guard inlineDepth < MarkdownParser.maxInlineDepth else { return noteFlattened(at) }
            push(node, kind, at)
            inlineDepth += 1
        }

        /// Blocks always arrive while a block container (document, quote, item) is on top:
        /// cmark puts only items in lists, and flattened containers open no frame.
        private mutating func addBlock(_ block: MarkdownBlock) {
            stack[stack.count - 1].blocks.append(block)
        }

        private mutating func noteFlattened(_ at: MarkdownPosition) {
            if flattened == nil {
                // Inline nodes may lack a position; fall back to their block's.
                let known = at.line > 0 ? at : stack.last(where: { $0.position.line > 0 })?.position ?? at
                flattened = FlattenedNesting(first: known, count: 0)
            }
            flattened!.count += 1
        }
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
}

extension MarkdownParser {
    /// The text's lines, split at each LF byte (the body's line ends are LF by now). By
    /// bytes, not characters: splitting a whole document by `Character` was most of the
    /// time of parsing a text with a table.
    static func lines(of text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        while let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) {
            lines.append(Substring(utf8[start..<end]))
            start = utf8.index(after: end)
        }
        lines.append(Substring(utf8[start...]))
        return lines
    }
}
