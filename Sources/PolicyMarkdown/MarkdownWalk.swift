/// Visits every block and inline of a document in reading order, with an explicit stack: a
/// walk never recurses on the input's depth, so no document can overflow the stack.
extension MarkdownDocument {
    /// Calls `block` for every block (containers before their children) and `inline` for every
    /// inline (containers before their content), with the block that holds the inline, whose
    /// position is the nearest one an inline without its own position has.
    public func walk(block: (MarkdownBlock) -> Void = { _ in }, inline: (MarkdownInline, MarkdownBlock) -> Void = { _, _ in }) {
        var blocks: [MarkdownBlock] = self.blocks.reversed()
        while let next = blocks.popLast() {
            block(next)
            switch next.kind {
            case .paragraph, .heading, .table:
                let inlines: [MarkdownInline]
                switch next.kind {
                case .paragraph(let content), .heading(_, let content): inlines = content
                // A table's cells in reading order; a cell ends with a line break, so that the
                // words of two cells never join.
                case .table(let table): inlines = table.cells.flatMap { $0 + [.lineBreak] }
                default: inlines = []
                }
                var pending: [MarkdownInline] = inlines.reversed()
                while let current = pending.popLast() {
                    inline(current, next)
                    switch current {
                    case .emphasis(let children), .strong(let children): pending.append(contentsOf: children.reversed())
                    case .link(let link), .image(let link): pending.append(contentsOf: link.content.reversed())
                    case .text, .softBreak, .lineBreak, .code, .html: break
                    }
                }
            case .blockQuote(let children):
                blocks.append(contentsOf: children.reversed())
            case .list(let list):
                for item in list.items.reversed() { blocks.append(contentsOf: item.reversed()) }
            case .codeBlock, .htmlBlock, .thematicBreak:
                break
            }
        }
    }

    /// Every link and image, in reading order.
    public var links: [MarkdownLink] {
        var result: [MarkdownLink] = []
        walk(inline: { inline, _ in
            if case .link(let link) = inline { result.append(link) }
        })
        return result
    }
}

extension MarkdownLink {
    /// A link a reader cannot name: no text and no image (whose alt text would name it).
    public var hasNoText: Bool {
        var pending = content
        while let inline = pending.popLast() {
            switch inline {
            case .text(let text), .code(let text): if !text.allSatisfy(\.isWhitespace) { return false }
            case .image: return false
            case .emphasis(let children), .strong(let children): pending.append(contentsOf: children)
            case .link(let inner): pending.append(contentsOf: inner.content)
            case .softBreak, .lineBreak, .html: break
            }
        }
        return true
    }
}
