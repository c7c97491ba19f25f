import PolicyMarkdown
import PolicyModel

extension VersionDiff {
    /// Compares two versions of a policy in one language, section by section (see `VersionDiff`).
    ///
    /// Sections whose canonical forms are equal are not diffed further; the others get their
    /// blocks aligned and their changed paragraphs diffed word by word, within `budget`. The
    /// word counts come from a diff of the section's whole token sequence, so they do not
    /// depend on how the text is split into blocks; past the budget, from the block alignment.
    public static func compare(old: PolicyDocument, new: PolicyDocument, budget: DiffBudget = .standard) -> VersionDiff {
        var differ = SectionDiffer(aligner: BlockAligner(vocabulary: Vocabulary(), budget: budget))
        var oldSide = SplitDocument(old)
        var newSide = SplitDocument(new)
        return differ.compare(&oldSide, &newSide)
    }
}

/// A document split into its top-level sections, with the canonical form of each section that
/// a comparison needed, made once: a text compared with the version before it and then with
/// the one after (`ChangeSession`) is split and tokenized once. Forms hold ids of one
/// vocabulary, so a split document is used with one vocabulary only.
struct SplitDocument {
    let file: String
    let digest: SourceDigest?
    let sections: [DocumentSection]
    private var forms: [Int: SectionForm] = [:]

    init(_ document: PolicyDocument) {
        file = document.file
        digest = document.digest
        sections = DocumentSection.split(document)
    }

    /// Whether this is the split of `document` (same file, same bytes).
    func isSplit(of document: PolicyDocument) -> Bool {
        file == document.file && digest != nil && digest == document.digest
    }

    mutating func form(of index: Int, vocabulary: inout Vocabulary) -> SectionForm {
        if let form = forms[index] { return form }
        let form = SectionForm(sections[index], vocabulary: &vocabulary)
        forms[index] = form
        return form
    }
}

/// Matches sections by key, finds moves, orders the result and diffs each matched pair.
struct SectionDiffer {
    var aligner: BlockAligner

    mutating func compare(_ oldSide: inout SplitDocument, _ newSide: inout SplitDocument) -> VersionDiff {
        let old = oldSide.sections
        let new = newSide.sections
        var oldIndex: [String: Int] = [:]
        for (index, section) in old.enumerated() where oldIndex[section.key] == nil { oldIndex[section.key] = index }
        // The old section each new one matches, if any (each old section matched once).
        var matchedOld = Set<Int>()
        let counterpart: [Int?] = new.map { section in
            guard let index = oldIndex[section.key], matchedOld.insert(index).inserted else { return nil }
            return index
        }
        let stayed = Self.longestIncreasing(counterpart.compactMap { $0 })

        // Removed sections go after the nearest section before them in the old version that
        // kept its place; those before any such section go first.
        var removedAfter: [Int: [Int]] = [:]
        var removedFirst: [Int] = []
        var lastStayed: Int?
        for index in old.indices {
            if stayed.contains(index) {
                lastStayed = index
            } else if !matchedOld.contains(index) {
                if let lastStayed { removedAfter[lastStayed, default: []].append(index) } else { removedFirst.append(index) }
            }
        }

        var changes: [SectionChange] = removedFirst.map { removed($0, of: &oldSide) }
        for position in new.indices {
            if let index = counterpart[position] {
                changes.append(matched(index, of: &oldSide, position, of: &newSide, moved: !stayed.contains(index)))
                changes += (removedAfter[index] ?? []).map { removed($0, of: &oldSide) }
            } else {
                changes.append(added(position, of: &newSide))
            }
        }
        return VersionDiff(sections: changes)
    }

    private mutating func added(_ index: Int, of side: inout SplitDocument) -> SectionChange {
        let section = side.sections[index]
        let form = side.form(of: index, vocabulary: &aligner.vocabulary)
        return SectionChange(id: section.key, anchor: section.anchor, status: .added, oldHeading: nil, newHeading: section.heading?.content,
                             wordsInserted: form.wordCount, blocks: section.blocks.map(DiffBlock.inserted))
    }

    private mutating func removed(_ index: Int, of side: inout SplitDocument) -> SectionChange {
        let section = side.sections[index]
        let form = side.form(of: index, vocabulary: &aligner.vocabulary)
        return SectionChange(id: section.key, anchor: section.anchor, status: .removed, oldHeading: section.heading?.content, newHeading: nil,
                             wordsDeleted: form.wordCount, blocks: section.blocks.map(DiffBlock.deleted))
    }

    private mutating func matched(_ oldIndex: Int, of oldSide: inout SplitDocument, _ newIndex: Int, of newSide: inout SplitDocument, moved: Bool) -> SectionChange {
        let (old, new) = (oldSide.sections[oldIndex], newSide.sections[newIndex])
        if old.isWrittenTheSame(as: new) {
            // What the forms below would find, without tokenizing either side.
            return SectionChange(id: new.key, anchor: new.anchor, status: .unchanged, moved: moved,
                                 oldHeading: old.heading?.content, newHeading: new.heading?.content, blocks: new.blocks.map(DiffBlock.unchanged))
        }
        let oldForm = oldSide.form(of: oldIndex, vocabulary: &aligner.vocabulary)
        let newForm = newSide.form(of: newIndex, vocabulary: &aligner.vocabulary)
        var change = SectionChange(id: new.key, anchor: new.anchor, status: .unchanged, moved: moved,
                                   oldHeading: old.heading?.content, newHeading: new.heading?.content, blocks: [])
        guard !oldForm.looksSame(as: newForm) else {
            change.blocks = new.blocks.map(DiffBlock.unchanged)
            return change
        }
        change.status = .changed
        change.headingChanged = oldForm.heading.words != newForm.heading.words
        if oldForm.heading.full != newForm.heading.full {
            change.headingRuns = headingRuns(oldForm.heading.tokens, newForm.heading.tokens)
        }
        change.blocks = aligner.align(BlockAligner.Side(old.blocks, keys: oldForm.blockKeys, tokens: oldForm.blockTokens),
                                      BlockAligner.Side(new.blocks, keys: newForm.blockKeys, tokens: newForm.blockTokens))
        change.formattingOnly = oldForm.hasSameWords(as: newForm)
        if !change.formattingOnly {
            (change.wordsInserted, change.wordsDeleted) = wordCounts(oldForm, newForm, change)
        }
        return change
    }

    private mutating func headingRuns(_ old: [Token], _ new: [Token]) -> [InlineDiffRun] {
        if let diff = WordDiff.compare(old, new, vocabulary: aligner.vocabulary, budget: &aligner.budget) { return diff.runs }
        return WordDiff.runs(old, .delete, vocabulary: aligner.vocabulary) + WordDiff.runs(new, .insert, vocabulary: aligner.vocabulary)
    }

    /// Words inserted and deleted in the section's token sequence; past the budget, what the
    /// block alignment shows.
    private mutating func wordCounts(_ old: SectionForm, _ new: SectionForm, _ change: SectionChange) -> (inserted: Int, deleted: Int) {
        if let script = SequenceDiff.diff(old.tokens.map(\.text), new.tokens.map(\.text), budget: &aligner.budget) {
            var inserted = 0
            var deleted = 0
            var i = 0
            var j = 0
            for operation in script {
                switch operation {
                case .equal: i += 1; j += 1
                case .delete:
                    if old.tokens[i].isWord { deleted += 1 }
                    i += 1
                case .insert:
                    if new.tokens[j].isWord { inserted += 1 }
                    j += 1
                }
            }
            return (inserted, deleted)
        }
        // Whole blocks are counted from the forms already made: top-level diff blocks take the
        // old and new blocks in order, one or one of each.
        var counter = WordCounter()
        counter.count(change.headingRuns)
        var inserted = 0
        var deleted = 0
        var i = 0
        var j = 0
        for block in change.blocks {
            switch block {
            case .inserted:
                inserted += new.wordCount(ofBlock: j)
                j += 1
            case .deleted:
                deleted += old.wordCount(ofBlock: i)
                i += 1
            case .unchanged:
                i += 1
                j += 1
            case .changed, .changedList, .changedQuote, .changedTable:
                counter.count([block])
                i += 1
                j += 1
            }
        }
        return (counter.inserted + inserted, counter.deleted + deleted)
    }

    /// The positions (values) of a longest strictly increasing subsequence of `values`: the
    /// matched sections that kept their relative order; the others moved. O(n log n), and the
    /// same answer for the same input.
    static func longestIncreasing(_ values: [Int]) -> Set<Int> {
        var tails: [Int] = []        // index into values of the smallest tail of each length
        var previous = [Int](repeating: -1, count: values.count)
        for (index, value) in values.enumerated() {
            var low = 0
            var high = tails.count
            while low < high {
                let middle = (low + high) / 2
                if values[tails[middle]] < value { low = middle + 1 } else { high = middle }
            }
            if low > 0 { previous[index] = tails[low - 1] }
            if low == tails.count { tails.append(index) } else { tails[low] = index }
        }
        var result = Set<Int>()
        var index = tails.last ?? -1
        while index >= 0 {
            result.insert(values[index])
            index = previous[index]
        }
        return result
    }
}
