/// A Markdown document as plain Swift values, converted from cmark's tree.
///
/// Everything above this module works on these values; none of it sees a C pointer.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [MarkdownBlock]
    /// Set when the parser flattened containers nested deeper than its limits
    /// (`MarkdownParser.maxBlockDepth`, `MarkdownParser.maxInlineDepth`); nil for normal text.
    public var flattened: FlattenedNesting?
    /// Rows that look like a table's header and delimiter rows but are not one (their cell
    /// counts differ): they stay text, and `check` says why.
    public var tableNearMisses: [TableNearMiss]

    public init(blocks: [MarkdownBlock], flattened: FlattenedNesting? = nil, tableNearMisses: [TableNearMiss] = []) {
        self.blocks = blocks
        self.flattened = flattened
        self.tableNearMisses = tableNearMisses
    }
}

/// A header row whose cell count differs from the delimiter row under it.
public struct TableNearMiss: Sendable, Equatable {
    public var position: MarkdownPosition
    public var headerCells: Int
    public var delimiterCells: Int

    public init(position: MarkdownPosition, headerCells: Int, delimiterCells: Int) {
        self.position = position
        self.headerCells = headerCells
        self.delimiterCells = delimiterCells
    }
}

/// Where the parser first flattened nesting that was too deep, and how many containers it
/// flattened in all. Kept this small on purpose: a pathological file can have millions.
public struct FlattenedNesting: Sendable, Equatable {
    /// The position of the first container (in document order) that was flattened.
    public var first: MarkdownPosition
    /// How many block quotes, lists, list items, emphases, links and images were flattened.
    public var count: Int

    public init(first: MarkdownPosition, count: Int) {
        self.first = first
        self.count = count
    }
}

/// A 1-based line and column in the Markdown text that was parsed.
public struct MarkdownPosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

public struct MarkdownBlock: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case paragraph([MarkdownInline])
        case heading(level: Int, [MarkdownInline])
        case blockQuote([MarkdownBlock])
        case list(MarkdownList)
        case codeBlock(info: String, code: String)
        /// Raw HTML. Kept so checks can point at it; never rendered (cmark's safe default).
        case htmlBlock(String)
        case thematicBreak
        /// A GitHub-flavoured pipe table, recognised in what cmark parsed as a paragraph.
        case table(MarkdownTable)
    }

    public var kind: Kind
    public var position: MarkdownPosition

    public init(_ kind: Kind, at position: MarkdownPosition) {
        self.kind = kind
        self.position = position
    }
}

/// A pipe table: a header row, the columns' alignment, and body rows with exactly one cell per
/// column (short rows padded with empty cells, extra cells dropped, as GFM says).
public struct MarkdownTable: Sendable, Equatable {
    public enum Alignment: String, Sendable, Equatable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    public var header: [[MarkdownInline]]
    public var rows: [[[MarkdownInline]]]
    /// The 1-based source line of each body row, for diagnostics.
    public var rowLines: [Int]

    public init(alignments: [Alignment], header: [[MarkdownInline]], rows: [[[MarkdownInline]]], rowLines: [Int] = []) {
        self.alignments = alignments
        self.header = header
        self.rows = rows
        self.rowLines = rowLines
    }

    /// Every cell, header first, row by row.
    public var cells: [[MarkdownInline]] { header + rows.flatMap { $0 } }
}

public struct MarkdownList: Sendable, Equatable {
    public enum Style: Sendable, Equatable {
        case bullet
        case ordered(start: Int)
    }

    public var style: Style
    /// A tight list renders its items' paragraphs without `<p>`.
    public var isTight: Bool
    public var items: [[MarkdownBlock]]

    public init(style: Style, isTight: Bool, items: [[MarkdownBlock]]) {
        self.style = style
        self.isTight = isTight
        self.items = items
    }
}

public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    /// Raw inline HTML. Never rendered (cmark's safe default).
    case html(String)
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case link(MarkdownLink)
    case image(MarkdownLink)
}

public struct MarkdownLink: Sendable, Equatable {
    public var destination: String
    public var title: String
    public var content: [MarkdownInline]
    public var position: MarkdownPosition

    public init(destination: String, title: String, content: [MarkdownInline], position: MarkdownPosition) {
        self.destination = destination
        self.title = title
        self.content = content
        self.position = position
    }
}

extension MarkdownInline {
    /// The text a reader sees, without markup: used for anchors, tables of contents and titles.
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    /// Appends into one buffer, so nested emphasis costs no intermediate strings. The recursion
    /// is bounded by `MarkdownParser.maxInlineDepth`.
    func appendPlainText(to text: inout String) {
        switch self {
        case .text(let literal), .code(let literal): text += literal
        case .softBreak, .lineBreak: text += " "
        case .html: break
        case .emphasis(let children), .strong(let children): children.appendPlainText(to: &text)
        case .link(let link), .image(let link): link.content.appendPlainText(to: &text)
        }
    }
}

extension Array where Element == MarkdownInline {
    public var plainText: String {
        var text = ""
        appendPlainText(to: &text)
        return text
    }

    func appendPlainText(to text: inout String) {
        for inline in self { inline.appendPlainText(to: &text) }
    }
}
