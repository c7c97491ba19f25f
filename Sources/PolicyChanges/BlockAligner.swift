import PolicyMarkdown

/// Aligns the blocks of two versions of a section so that structure survives the diff: blocks
/// are matched by canonical form first (Myers over one number per block), so a deleted list
/// item is a deleted list item; then, where blocks were replaced, blocks of the same kind are
/// paired in order and compared inside (a paragraph word by word, a list item by item, a quote
/// block by block). A pair with too little in common is shown as deleted and inserted.
///
/// Pairs are compared inside up to `maxDepth` containers deep and shown replaced below that:
/// the recursion is bounded by that constant, never by the input's nesting.
struct BlockAligner {
    var vocabulary: Vocabulary
    var budget: DiffBudget

    static let maxDepth = 4

    /// - Parameter keys: the blocks' canonical forms, when the caller has them.
    mutating func align(_ old: [MarkdownBlock], _ new: [MarkdownBlock], oldKeys: [Int32]? = nil, newKeys: [Int32]? = nil, depth: Int = 0) -> [DiffBlock] {
        let oldKeys = oldKeys ?? old.map { key(of: [$0]) }
        let newKeys = newKeys ?? new.map { key(of: [$0]) }
        guard let script = SequenceDiff.diff(oldKeys, newKeys, budget: &budget) else {
            return old.map(DiffBlock.deleted) + new.map(DiffBlock.inserted)
        }
        var result: [DiffBlock] = []
        var i = 0
        var j = 0
        var replacedOld: [MarkdownBlock] = []
        var replacedNew: [MarkdownBlock] = []
        for operation in script {
            switch operation {
            case .equal:
                result += pairUp(replacedOld, replacedNew, depth: depth)
                replacedOld.removeAll()
                replacedNew.removeAll()
                result.append(.unchanged(new[j]))
                i += 1
                j += 1
            case .delete:
                replacedOld.append(old[i])
                i += 1
            case .insert:
                replacedNew.append(new[j])
                j += 1
            }
        }
        result += pairUp(replacedOld, replacedNew, depth: depth)
        return result
    }

    /// A stretch of blocks deleted and inserted between two kept ones: pairs blocks of the same
    /// kind in order; unpaired ones are deleted or inserted, deletions first.
    private mutating func pairUp(_ old: [MarkdownBlock], _ new: [MarkdownBlock], depth: Int) -> [DiffBlock] {
        var result: [DiffBlock] = []
        var deleted: [DiffBlock] = []
        var inserted: [DiffBlock] = []
        var i = 0
        var j = 0
        while i < old.count, j < new.count {
            if Self.canPair(old[i], new[j]), let paired = compare(old[i], new[j], depth: depth) {
                result += deleted + inserted
                deleted.removeAll()
                inserted.removeAll()
                result.append(paired)
                i += 1
                j += 1
            } else if Self.canPair(old[i], new[j]) {
                deleted.append(.deleted(old[i]))
                inserted.append(.inserted(new[j]))
                i += 1
                j += 1
            } else {
                deleted.append(.deleted(old[i]))
                i += 1
            }
        }
        deleted += old[i...].map(DiffBlock.deleted)
        inserted += new[j...].map(DiffBlock.inserted)
        return result + deleted + inserted
    }

    static func canPair(_ old: MarkdownBlock, _ new: MarkdownBlock) -> Bool {
        switch (old.kind, new.kind) {
        case (.paragraph, .paragraph), (.list, .list), (.blockQuote, .blockQuote): return true
        case (.heading(let a, _), .heading(let b, _)): return a == b
        default: return false
        }
    }

    /// The two blocks compared inside, or nil when they have too little in common (or the
    /// budget ran out, or they are nested too deep) and are better shown replaced.
    private mutating func compare(_ old: MarkdownBlock, _ new: MarkdownBlock, depth: Int) -> DiffBlock? {
        switch (old.kind, new.kind) {
        case (.paragraph(let a), .paragraph(let b)), (.heading(_, let a), .heading(_, let b)):
            let oldTokens = Tokenizer.tokens(of: a, vocabulary: &vocabulary)
            let newTokens = Tokenizer.tokens(of: b, vocabulary: &vocabulary)
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
        default:
            return nil
        }
    }

    /// List items, aligned as blocks are: kept whole, or paired in order and aligned inside.
    private mutating func alignItems(_ old: [[MarkdownBlock]], _ new: [[MarkdownBlock]], depth: Int) -> [DiffListItem] {
        let oldKeys = old.map { key(of: $0) }
        let newKeys = new.map { key(of: $0) }
        guard let script = SequenceDiff.diff(oldKeys, newKeys, budget: &budget) else {
            return old.map { DiffListItem(change: .deleted, blocks: $0.map(DiffBlock.deleted)) }
                + new.map { DiffListItem(change: .inserted, blocks: $0.map(DiffBlock.inserted)) }
        }
        var result: [DiffListItem] = []
        var replacedOld: [[MarkdownBlock]] = []
        var replacedNew: [[MarkdownBlock]] = []
        func pairUp(_ aligner: inout BlockAligner) {
            var deleted: [DiffListItem] = []
            var inserted: [DiffListItem] = []
            for index in 0..<max(replacedOld.count, replacedNew.count) {
                let oldItem = index < replacedOld.count ? replacedOld[index] : nil
                let newItem = index < replacedNew.count ? replacedNew[index] : nil
                if let oldItem, let newItem {
                    let children = aligner.align(oldItem, newItem, depth: depth)
                    if Self.keepsSomething(children) {
                        result += deleted + inserted
                        deleted.removeAll()
                        inserted.removeAll()
                        result.append(DiffListItem(change: .changed, blocks: children))
                        continue
                    }
                }
                if let oldItem { deleted.append(DiffListItem(change: .deleted, blocks: oldItem.map(DiffBlock.deleted))) }
                if let newItem { inserted.append(DiffListItem(change: .inserted, blocks: newItem.map(DiffBlock.inserted))) }
            }
            result += deleted + inserted
            replacedOld.removeAll()
            replacedNew.removeAll()
        }
        var i = 0
        var j = 0
        for operation in script {
            switch operation {
            case .equal:
                pairUp(&self)
                result.append(DiffListItem(change: .unchanged, blocks: new[j].map(DiffBlock.unchanged)))
                i += 1
                j += 1
            case .delete:
                replacedOld.append(old[i])
                i += 1
            case .insert:
                replacedNew.append(new[j])
                j += 1
            }
        }
        pairUp(&self)
        return result
    }

    /// Whether an aligned container kept any of its old content (so it reads as changed, not
    /// as replaced).
    private static func keepsSomething(_ blocks: [DiffBlock]) -> Bool {
        blocks.contains { block in
            switch block {
            case .inserted, .deleted: false
            case .unchanged, .changed, .changedList, .changedQuote: true
            }
        }
    }

    private mutating func key(of blocks: [MarkdownBlock]) -> Int32 {
        vocabulary.id(ofForm: CanonicalForm.of(blocks, vocabulary: &vocabulary).full)
    }
}
