import PolicyMarkdown

/// Blocks reduced to what a reader sees, for deciding whether they changed: block structure
/// (kinds, heading levels, list styles and starts, quotes, code) and, for each token, its text
/// and formatting. Whitespace is gone (tokens carry only whether a hard line break precedes
/// them), and so are source positions, list markers, list tightness and raw HTML, which is
/// never rendered. Two blocks with equal forms look the same on the page.
///
/// `full` is that form; `tokens` are the block's tokens in reading order, whose texts alone
/// (`words`) decide whether only formatting changed.
struct CanonicalForm {
    var full: [Int32] = []
    var tokens: [Token] = []

    /// The token texts: equal for two texts with the same words and punctuation.
    var words: [Int32] { tokens.map(\.text) }

    var wordCount: Int { tokens.reduce(0) { $0 + ($1.isWord ? 1 : 0) } }

    /// Structure markers are negative; tokens are pairs of non-negative numbers (text, then
    /// style and gap), so the sequence reads back unambiguously.
    private enum Marker {
        static let paragraph: Int32 = -1
        static let end: Int32 = -2
        static let quote: Int32 = -3
        static let bulletList: Int32 = -4
        static let orderedList: Int32 = -5
        static let item: Int32 = -6
        static let codeBlock: Int32 = -7
        static let thematicBreak: Int32 = -8
        static let headingID: Int32 = -9
        static let table: Int32 = -10
        static let row: Int32 = -11
        static let cell: Int32 = -12
        /// `-100 - level`.
        static func heading(_ level: Int) -> Int32 { -100 - Int32(clamping: level) }
    }

    /// Adds blocks, walking their tree with an explicit stack.
    mutating func add(_ blocks: [MarkdownBlock], vocabulary: inout Vocabulary) {
        var scanner = Tokenizer.Scanner()
        scanner.tokens = tokens
        defer { tokens = scanner.tokens }
        enum Work {
            case block(MarkdownBlock)
            case marker(Int32)
        }
        var work: [Work] = blocks.reversed().map { .block($0) }
        while let next = work.popLast() {
            let block: MarkdownBlock
            switch next {
            case .marker(let marker):
                full.append(marker)
                continue
            case .block(let value):
                block = value
            }
            scanner.breakBlock()
            switch block.kind {
            case .paragraph(let inlines):
                full.append(Marker.paragraph)
                addInlines(inlines, scanner: &scanner, vocabulary: &vocabulary)
                full.append(Marker.end)
            case .heading(let level, let inlines):
                full.append(Marker.heading(level))
                addInlines(inlines, scanner: &scanner, vocabulary: &vocabulary)
                full.append(Marker.end)
            case .blockQuote(let children):
                full.append(Marker.quote)
                work.append(.marker(Marker.end))
                work.append(contentsOf: children.reversed().map { .block($0) })
            case .list(let list):
                switch list.style {
                case .bullet:
                    full.append(Marker.bulletList)
                case .ordered(let start):
                    full.append(Marker.orderedList)
                    full.append(Int32(clamping: max(start, 0)))
                }
                work.append(.marker(Marker.end))
                for item in list.items.reversed() {
                    work.append(.marker(Marker.end))
                    work.append(contentsOf: item.reversed().map { .block($0) })
                    work.append(.marker(Marker.item))
                }
            case .codeBlock(let info, let code):
                // Whitespace matters in code: compared as written, shown whole.
                full.append(Marker.codeBlock)
                full.append(vocabulary.id(of: info))
                full.append(vocabulary.id(of: code))
                let before = scanner.tokens.count
                scanner.scan([.text(code)], vocabulary: &vocabulary)
                markCode(from: before, scanner: &scanner, vocabulary: &vocabulary)
            case .htmlBlock:
                break
            case .thematicBreak:
                full.append(Marker.thematicBreak)
            case .table(let table):
                // Alignment, then each row's cells: the words of every cell count.
                full.append(Marker.table)
                for alignment in table.alignments { full.append(vocabulary.id(of: alignment.rawValue)) }
                for row in [table.header] + table.rows { addRow(row, scanner: &scanner, vocabulary: &vocabulary) }
                full.append(Marker.end)
            }
        }
    }

    /// A heading's `{#id}`, which the page uses as its anchor: changing it alone is a
    /// formatting change.
    mutating func addHeadingID(_ id: String, vocabulary: inout Vocabulary) {
        full.append(Marker.headingID)
        full.append(vocabulary.id(of: id))
    }

    /// Adds inline content (a section's heading), without a block around it.
    mutating func add(inlines: [MarkdownInline], vocabulary: inout Vocabulary) {
        var scanner = Tokenizer.Scanner()
        scanner.tokens = tokens
        scanner.breakBlock()
        addInlines(inlines, scanner: &scanner, vocabulary: &vocabulary)
        tokens = scanner.tokens
    }

    /// A table row: each cell's words, a cell apart.
    private mutating func addRow(_ cells: [[MarkdownInline]], scanner: inout Tokenizer.Scanner, vocabulary: inout Vocabulary) {
        full.append(Marker.row)
        for cell in cells {
            full.append(Marker.cell)
            scanner.breakBlock()
            addInlines(cell, scanner: &scanner, vocabulary: &vocabulary)
        }
    }

    private mutating func addInlines(_ inlines: [MarkdownInline], scanner: inout Tokenizer.Scanner, vocabulary: inout Vocabulary) {
        let before = scanner.tokens.count
        scanner.scan(inlines, vocabulary: &vocabulary)
        for token in scanner.tokens[before...] {
            full.append(token.text)
            full.append(token.style &* 2 &+ (token.gap == .hardBreak ? 1 : 0))
        }
    }

    /// Code block tokens are formatted as code, for word counts and text output alike.
    private func markCode(from start: Int, scanner: inout Tokenizer.Scanner, vocabulary: inout Vocabulary) {
        let code = vocabulary.id(of: InlineStyle(code: true))
        for index in start..<scanner.tokens.count {
            scanner.tokens[index].style = code
            scanner.tokens[index].gapStyle = code
        }
    }

    /// The form of a table row (or of one cell, as a row of one), as it is inside its table's.
    static func of(row cells: [[MarkdownInline]], vocabulary: inout Vocabulary) -> CanonicalForm {
        var form = CanonicalForm()
        var scanner = Tokenizer.Scanner()
        form.addRow(cells, scanner: &scanner, vocabulary: &vocabulary)
        form.tokens = scanner.tokens
        return form
    }

    static func of(_ blocks: [MarkdownBlock], vocabulary: inout Vocabulary) -> CanonicalForm {
        var form = CanonicalForm()
        form.add(blocks, vocabulary: &vocabulary)
        return form
    }
}
