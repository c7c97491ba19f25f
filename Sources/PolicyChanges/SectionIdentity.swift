import PolicyMarkdown

extension DocumentSection {
    /// True when the two sections are written the same: the same heading text, blocks and
    /// subsection ids, with every text byte for byte equal; source positions aside (a section
    /// moves down when text above it grows).
    ///
    /// A shortcut before canonical forms (`SectionForm`), which cost a tokenization of both
    /// sides: most sections of a new version are unchanged, and identical sections always look
    /// the same on the page. False is not "different" (canonically equivalent Unicode, re-wrapped
    /// lines): the caller then compares forms as before. Walks with an explicit stack.
    func isWrittenTheSame(as other: DocumentSection) -> Bool {
        guard subsectionIDs == other.subsectionIDs else { return false }
        var pending: [Pair] = [.blocks(blocks, other.blocks)]
        switch (heading, other.heading) {
        case (nil, nil): break
        case (let a?, let b?): pending.append(.inlines(a.content, b.content))
        default: return false
        }
        while let pair = pending.popLast() {
            switch pair {
            case .blocks(let a, let b):
                guard a.count == b.count else { return false }
                for (x, y) in zip(a, b) {
                    guard Self.compare(x.kind, y.kind, pending: &pending) else { return false }
                }
            case .inlines(let a, let b):
                guard a.count == b.count else { return false }
                for (x, y) in zip(a, b) {
                    guard Self.compare(x, y, pending: &pending) else { return false }
                }
            }
        }
        return true
    }

    private enum Pair {
        case blocks([MarkdownBlock], [MarkdownBlock])
        case inlines([MarkdownInline], [MarkdownInline])
    }

    /// Compares what two blocks hold directly and queues their children.
    private static func compare(_ a: MarkdownBlock.Kind, _ b: MarkdownBlock.Kind, pending: inout [Pair]) -> Bool {
        switch (a, b) {
        case (.paragraph(let x), .paragraph(let y)):
            pending.append(.inlines(x, y))
        case (.heading(let levelX, let x), .heading(let levelY, let y)):
            guard levelX == levelY else { return false }
            pending.append(.inlines(x, y))
        case (.blockQuote(let x), .blockQuote(let y)):
            pending.append(.blocks(x, y))
        case (.list(let x), .list(let y)):
            guard x.style == y.style, x.isTight == y.isTight, x.items.count == y.items.count else { return false }
            for (itemX, itemY) in zip(x.items, y.items) { pending.append(.blocks(itemX, itemY)) }
        case (.codeBlock(let infoX, let codeX), .codeBlock(let infoY, let codeY)):
            return sameBytes(infoX, infoY) && sameBytes(codeX, codeY)
        case (.htmlBlock(let x), .htmlBlock(let y)):
            return sameBytes(x, y)
        case (.thematicBreak, .thematicBreak):
            break
        case (.table(let x), .table(let y)):
            guard x.alignments == y.alignments, x.rows.count == y.rows.count else { return false }
            for (cellX, cellY) in zip(x.cells, y.cells) { pending.append(.inlines(cellX, cellY)) }
        default:
            return false
        }
        return true
    }

    private static func compare(_ a: MarkdownInline, _ b: MarkdownInline, pending: inout [Pair]) -> Bool {
        switch (a, b) {
        case (.text(let x), .text(let y)), (.code(let x), .code(let y)), (.html(let x), .html(let y)):
            return sameBytes(x, y)
        case (.softBreak, .softBreak), (.lineBreak, .lineBreak):
            return true
        case (.emphasis(let x), .emphasis(let y)), (.strong(let x), .strong(let y)):
            pending.append(.inlines(x, y))
            return true
        case (.link(let x), .link(let y)), (.image(let x), .image(let y)):
            guard sameBytes(x.destination, y.destination), sameBytes(x.title, y.title) else { return false }
            pending.append(.inlines(x.content, y.content))
            return true
        default:
            return false
        }
    }

    /// Byte equality: `String`'s `==` normalises non-ASCII text first, which this need not do.
    private static func sameBytes(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a.utf8.elementsEqual(b.utf8)
    }
}
