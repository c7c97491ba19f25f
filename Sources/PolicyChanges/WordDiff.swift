/// The word diff of two inline texts (two paragraphs, two headings): which tokens were kept,
/// deleted or inserted, as runs that keep each token's formatting.
struct WordDiff {
    var runs: [InlineDiffRun]
    /// Tokens kept with the same text (formatting aside), and the tokens of each side.
    var kept: Int
    var oldCount: Int
    var newCount: Int

    /// Worth showing as one text with changes marked, rather than as one text deleted and
    /// another inserted: at least half of the shorter text's tokens are kept.
    var isSimilar: Bool { kept > 0 && kept * 2 >= min(oldCount, newCount) }

    /// Nil when the diff is over the budget.
    static func compare(_ old: [Token], _ new: [Token], vocabulary: Vocabulary, budget: inout DiffBudget) -> WordDiff? {
        guard let script = SequenceDiff.diff(old.map(\.text), new.map(\.text), budget: &budget) else { return nil }
        var builder = RunBuilder(vocabulary: vocabulary)
        var kept = 0
        var i = 0
        var j = 0
        // A change group: tokens deleted, inserted or restyled since the last kept token. Its
        // deletions are shown before its insertions, so a replaced phrase reads as a whole.
        var deleted: [Token] = []
        var inserted: [Token] = []
        func flush() {
            // A space before both the deleted and the inserted words was kept: "for [-60-]{+30+}".
            if let first = inserted.first, first.gap != .none, let other = deleted.first, other.gap != .none {
                builder.appendGap(first, .equal)
                inserted[0].gap = .none
                deleted[0].gap = .none
            }
            for token in deleted { builder.append(token, .delete) }
            for token in inserted { builder.append(token, .insert) }
            deleted.removeAll(keepingCapacity: true)
            inserted.removeAll(keepingCapacity: true)
        }
        for operation in script {
            switch operation {
            case .equal:
                kept += 1
                if old[i].style == new[j].style {
                    flush()
                    var token = new[j]
                    // A space on either side stays: "b a" → "a" shows "[-b-] a", not "[-b-]a".
                    if token.gap == .none, old[i].gap != .none {
                        token.gap = old[i].gap
                        token.gapStyle = old[i].gapStyle
                    }
                    builder.append(token, .equal)
                } else {
                    // Same word, other formatting: shown as replaced, not counted as a word change.
                    deleted.append(old[i])
                    inserted.append(new[j])
                }
                i += 1
                j += 1
            case .delete:
                deleted.append(old[i])
                i += 1
            case .insert:
                inserted.append(new[j])
                j += 1
            }
        }
        flush()
        return WordDiff(runs: builder.runs, kept: kept, oldCount: old.count, newCount: new.count)
    }

    /// Runs of one side only: a heading that was added or removed, shown as a whole.
    static func runs(_ tokens: [Token], _ operation: InlineDiffRun.Operation, vocabulary: Vocabulary) -> [InlineDiffRun] {
        var builder = RunBuilder(vocabulary: vocabulary)
        for token in tokens { builder.append(token, operation) }
        return builder.runs
    }
}

/// Joins tokens into runs: a token extends the last run when its operation and formatting are
/// the same; the space before it goes in the formatting it had in the source.
struct RunBuilder {
    let vocabulary: Vocabulary
    var runs: [InlineDiffRun] = []

    mutating func append(_ token: Token, _ operation: InlineDiffRun.Operation) {
        appendGap(token, operation)
        let text = vocabulary.string(token.text)
        if token.kind == .image {
            add(String(text.unicodeScalars.dropFirst()), operation, style: vocabulary.style(token.style), image: true)
        } else {
            add(text, operation, style: vocabulary.style(token.style), image: false)
        }
    }

    /// The space before a token, if any (none at the start of the text).
    mutating func appendGap(_ token: Token, _ operation: InlineDiffRun.Operation) {
        if token.gap != .none, !runs.isEmpty {
            add(" ", operation, style: vocabulary.style(token.gapStyle), image: false)
        }
    }

    private mutating func add(_ text: String, _ operation: InlineDiffRun.Operation, style: InlineStyle, image: Bool) {
        if !image, let last = runs.last, last.operation == operation, last.style == style, last.style.image == nil {
            runs[runs.count - 1].text += text
        } else {
            runs.append(InlineDiffRun(operation, text, style: style))
        }
    }
}
