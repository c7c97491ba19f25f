import PolicyMarkdown

/// The inlines of a paragraph or heading in reading order, each with the line it is on counted
/// from the block's first line (0), by the line breaks before it. Iterative: nesting depth of
/// the input never grows the stack.
enum InlineLines {
    static func visit(_ inlines: [MarkdownInline], _ body: (MarkdownInline, Int) -> Void) {
        var pending: [MarkdownInline] = inlines.reversed()
        var line = 0
        while let current = pending.popLast() {
            body(current, line)
            switch current {
            case .softBreak, .lineBreak: line += 1
            case .emphasis(let children), .strong(let children): pending.append(contentsOf: children.reversed())
            case .link(let link), .image(let link): pending.append(contentsOf: link.content.reversed())
            case .text, .code, .html: break
            }
        }
    }

    /// The text of each line as a reader would type it: plain text, with code spans and inline
    /// HTML as written (a pipe table's cells may hold either).
    static func lines(of inlines: [MarkdownInline]) -> [String] {
        var lines = [""]
        visit(inlines) { inline, line in
            while lines.count <= line { lines.append("") }
            switch inline {
            case .text(let text): lines[line] += text
            case .code(let code): lines[line] += "`" + code + "`"
            case .html(let html): lines[line] += html
            case .softBreak, .lineBreak, .emphasis, .strong, .link, .image: break
            }
        }
        return lines
    }
}
