import PolicyMarkdown

/// Counts the words a diff shows inserted and deleted: whole blocks and items, and the runs
/// of changed paragraphs. Used when a section's token sequence was too costly to diff as one.
/// Walks the diff with an explicit stack.
struct WordCounter {
    /// Its own vocabulary: counting needs only token kinds.
    private var vocabulary = Vocabulary()
    private(set) var inserted = 0
    private(set) var deleted = 0

    mutating func count(_ runs: [InlineDiffRun]) {
        for run in runs where run.operation != .equal {
            let words = run.style.image != nil ? 1 : Tokenizer.tokens(of: [.text(run.text)], vocabulary: &vocabulary).reduce(0) { $0 + ($1.isWord ? 1 : 0) }
            if run.operation == .insert { inserted += words } else { deleted += words }
        }
    }

    private mutating func count(_ row: DiffTableRow) {
        var whole: [[MarkdownInline]] = []
        for cell in row.cells {
            switch cell {
            case .unchanged(let inlines): whole.append(inlines)
            case .changed(let runs): count(runs)
            }
        }
        let words = CanonicalForm.of(row: whole, vocabulary: &vocabulary).wordCount
        switch row.change {
        case .inserted: inserted += words
        case .deleted: deleted += words
        case .unchanged, .changed: break
        }
    }

    mutating func count(_ blocks: [DiffBlock]) {
        var pending = blocks
        while let block = pending.popLast() {
            switch block {
            case .unchanged:
                break
            case .inserted(let block):
                inserted += CanonicalForm.of([block], vocabulary: &vocabulary).wordCount
            case .deleted(let block):
                deleted += CanonicalForm.of([block], vocabulary: &vocabulary).wordCount
            case .changed(_, _, let runs):
                count(runs)
            case .changedList(_, _, let items):
                for item in items { pending.append(contentsOf: item.blocks) }
            case .changedQuote(let children):
                pending.append(contentsOf: children)
            case .changedTable(_, _, let rows):
                for row in rows { count(row) }
            }
        }
    }
}
