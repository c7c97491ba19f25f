import PolicyMarkdown

/// Aligns the blocks of two versions of a section so that structure survives the diff: blocks
/// are matched by canonical form first (Myers over one number per block), so a deleted list
/// item is a deleted list item; then, in each stretch of replaced blocks, blocks of the same
/// kind with enough in common (`BlockPairing`) are compared inside: a paragraph word by word,
/// a list item by item, a quote block by block. A pair that turns out too different is shown
/// as deleted and inserted.
///
/// Pairs are compared inside up to `maxDepth` containers deep and shown replaced below that:
/// the recursion is bounded by that constant, never by the input's nesting. Once the budget is
/// spent, every remaining stretch is shown replaced without further work.
struct BlockAligner {
    var vocabulary: Vocabulary
    var budget: DiffBudget

    static let maxDepth = 4

    /// One side of an alignment: blocks with their canonical forms' keys and, when the caller
    /// has them, their tokens.
    struct Side {
        var blocks: [MarkdownBlock]
        var keys: [Int32]
        var tokens: [[Token]]?

        init(_ blocks: [MarkdownBlock], keys: [Int32], tokens: [[Token]]? = nil) {
            self.blocks = blocks
            self.keys = keys
            self.tokens = tokens
        }
    }

    mutating func align(_ old: [MarkdownBlock], _ new: [MarkdownBlock], depth: Int) -> [DiffBlock] {
        align(Side(old, keys: old.map { key(of: [$0]) }), Side(new, keys: new.map { key(of: [$0]) }), depth: depth)
    }

    mutating func align(_ old: Side, _ new: Side, depth: Int = 0) -> [DiffBlock] {
        guard let script = SequenceDiff.diff(old.keys, new.keys, budget: &budget) else {
            return old.blocks.map(DiffBlock.deleted) + new.blocks.map(DiffBlock.inserted)
        }
        var result: [DiffBlock] = []
        var i = 0
        var j = 0
        var stretchOld = 0..<0
        var stretchNew = 0..<0
        for operation in script {
            switch operation {
            case .equal:
                result += pairUp(old, stretchOld, new, stretchNew, depth: depth)
                result.append(.unchanged(new.blocks[j]))
                i += 1
                j += 1
                stretchOld = i..<i
                stretchNew = j..<j
            case .delete:
                i += 1
                stretchOld = stretchOld.lowerBound..<i
            case .insert:
                j += 1
                stretchNew = stretchNew.lowerBound..<j
            }
        }
        result += pairUp(old, stretchOld, new, stretchNew, depth: depth)
        return result
    }

    /// A stretch of blocks deleted and inserted between two kept ones: pairs are compared
    /// inside; the other blocks are deleted or inserted, deletions first.
    private mutating func pairUp(_ old: Side, _ oldRange: Range<Int>, _ new: Side, _ newRange: Range<Int>, depth: Int) -> [DiffBlock] {
        let replaced = old.blocks[oldRange].map(DiffBlock.deleted) + new.blocks[newRange].map(DiffBlock.inserted)
        guard !oldRange.isEmpty, !newRange.isEmpty, budget.remaining > 0 else { return replaced }
        let canPair = { (i: Int, j: Int) in Self.canPair(old.blocks[oldRange.lowerBound + i], new.blocks[newRange.lowerBound + j]) }
        var oldTokens: [[Token]?] = oldRange.map { old.tokens?[$0] }
        var newTokens: [[Token]?] = newRange.map { new.tokens?[$0] }
        let pairs: [(old: Int, new: Int)]
        if BlockPairing.fitsTable(oldCount: oldRange.count, newCount: newRange.count) {
            for index in oldTokens.indices where oldTokens[index] == nil { oldTokens[index] = tokens(of: [old.blocks[oldRange.lowerBound + index]]) }
            for index in newTokens.indices where newTokens[index] == nil { newTokens[index] = tokens(of: [new.blocks[newRange.lowerBound + index]]) }
            pairs = BlockPairing.pairs(old: oldTokens.map { $0!.map(\.text) }, new: newTokens.map { $0!.map(\.text) }, canPair: canPair)
        } else {
            pairs = BlockPairing.inOrder(oldRange.count, newRange.count, canPair: canPair)
        }

        var result: [DiffBlock] = []
        var i = 0
        var j = 0
        for pair in pairs {
            let oldBlock = old.blocks[oldRange.lowerBound + pair.old]
            let newBlock = new.blocks[newRange.lowerBound + pair.new]
            result += old.blocks[(oldRange.lowerBound + i)..<(oldRange.lowerBound + pair.old)].map(DiffBlock.deleted)
            result += new.blocks[(newRange.lowerBound + j)..<(newRange.lowerBound + pair.new)].map(DiffBlock.inserted)
            let paired = budget.remaining > 0 ? compare(oldBlock, newBlock, oldTokens[pair.old], newTokens[pair.new], depth: depth) : nil
            result += paired.map { [$0] } ?? [.deleted(oldBlock), .inserted(newBlock)]
            i = pair.old + 1
            j = pair.new + 1
        }
        result += old.blocks[(oldRange.lowerBound + i)..<oldRange.upperBound].map(DiffBlock.deleted)
        result += new.blocks[(newRange.lowerBound + j)..<newRange.upperBound].map(DiffBlock.inserted)
        return result
    }

    static func canPair(_ old: MarkdownBlock, _ new: MarkdownBlock) -> Bool {
        switch (old.kind, new.kind) {
        case (.paragraph, .paragraph), (.list, .list), (.blockQuote, .blockQuote): return true
        case (.heading(let a, _), .heading(let b, _)): return a == b
        // Cells are compared column by column, so only tables of as many columns pair.
        case (.table(let a), .table(let b)): return a.header.count == b.header.count
        default: return false
        }
    }

    /// The two blocks compared inside, or nil when they have too little in common (or the
    /// budget ran out, or they are nested too deep) and are better shown replaced.
    private mutating func compare(_ old: MarkdownBlock, _ new: MarkdownBlock, _ oldTokens: [Token]?, _ newTokens: [Token]?, depth: Int) -> DiffBlock? {
        switch (old.kind, new.kind) {
        case (.paragraph(let a), .paragraph(let b)), (.heading(_, let a), .heading(_, let b)):
            let oldTokens = oldTokens ?? Tokenizer.tokens(of: a, vocabulary: &vocabulary)
            let newTokens = newTokens ?? Tokenizer.tokens(of: b, vocabulary: &vocabulary)
            guard let diff = WordDiff.compare(oldTokens, newTokens, vocabulary: vocabulary, budget: &budget), diff.isSimilar else { return nil }
            return .changed(old: old, new: new, runs: diff.runs)
        case (.blockQuote(let a), .blockQuote(let b)):
            guard depth < Self.maxDepth else { return nil }
            let children = align(a, b, depth: depth + 1)
            return Self.keepsSomething(children) ? .changedQuote(children: children) : nil
        case (.list(let a), .list(let b)):
            guard depth < Self.maxDepth else { return nil }
            let items = alignItems(a.items, b.items, depth: depth + 1)
            return items.contains(where: { $0.change == .unchanged || $0.change == .changed }) ? .changedList(old: a, new: b, items: items) : nil
        case (.table(let a), .table(let b)):
            return alignTable(a, b)
        default:
            return nil
        }
    }

    /// List items, aligned as blocks are: kept whole, or paired and aligned inside.
    private mutating func alignItems(_ old: [[MarkdownBlock]], _ new: [[MarkdownBlock]], depth: Int) -> [DiffListItem] {
        func deleted(_ item: [MarkdownBlock]) -> DiffListItem { DiffListItem(change: .deleted, blocks: item.map(DiffBlock.deleted)) }
        func inserted(_ item: [MarkdownBlock]) -> DiffListItem { DiffListItem(change: .inserted, blocks: item.map(DiffBlock.inserted)) }
        let rules = UnitRules<[MarkdownBlock], DiffListItem>(
            key: { aligner, item in aligner.key(of: item) },
            words: { aligner, item in aligner.tokens(of: item).map(\.text) },
            compare: { aligner, a, b in
                let children = aligner.align(a, b, depth: depth)
                return Self.keepsSomething(children) ? DiffListItem(change: .changed, blocks: children) : nil
            },
            unchanged: { DiffListItem(change: .unchanged, blocks: $0.map(DiffBlock.unchanged)) },
            deleted: deleted,
            inserted: inserted
        )
        return alignUnits(old, new, rules) ?? old.map(deleted) + new.map(inserted)
    }

    /// Whether an aligned container kept any of its old content (so it reads as changed, not
    /// as replaced).
    private static func keepsSomething(_ blocks: [DiffBlock]) -> Bool {
        blocks.contains { block in
            switch block {
            case .inserted, .deleted: false
            case .unchanged, .changed, .changedList, .changedQuote, .changedTable: true
            }
        }
    }

    mutating func tokens(of blocks: [MarkdownBlock]) -> [Token] {
        CanonicalForm.of(blocks, vocabulary: &vocabulary).tokens
    }

    mutating func key(of blocks: [MarkdownBlock]) -> Int32 {
        vocabulary.id(ofForm: CanonicalForm.of(blocks, vocabulary: &vocabulary).full)
    }
}
