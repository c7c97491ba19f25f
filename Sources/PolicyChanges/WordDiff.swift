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
/// the same; the space before it goes in the formatting it had in the source. The last run's
/// text is gathered as UTF-8 bytes straight from the vocabulary and becomes a `String` once,
/// when the run is complete.
struct RunBuilder {
    let vocabulary: Vocabulary
    private var complete: [InlineDiffRun] = []
    /// The run being extended (its `text` not yet filled in) and its text so far.
    private var last: InlineDiffRun?
    private var lastText: [UInt8] = []

    init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }

    var runs: [InlineDiffRun] {
        guard var last else { return complete }
        last.text = String(decoding: lastText, as: UTF8.self)
        return complete + [last]
    }

    mutating func append(_ token: Token, _ operation: InlineDiffRun.Operation) {
        appendGap(token, operation)
        if token.kind == .image {
            let text = vocabulary.string(token.text)
            startRun(operation, style: vocabulary.style(token.style), text: Array(String(text.unicodeScalars.dropFirst()).utf8))
        } else {
            let style = vocabulary.style(token.style)
            if extendsLast(operation, style) {
                vocabulary.appendUTF8(of: token.text, to: &lastText)
            } else {
                var text: [UInt8] = []
                vocabulary.appendUTF8(of: token.text, to: &text)
                startRun(operation, style: style, text: text)
            }
        }
    }

    /// The space before a token, if any (none at the start of the text).
    mutating func appendGap(_ token: Token, _ operation: InlineDiffRun.Operation) {
        guard token.gap != .none, last != nil || !complete.isEmpty else { return }
        let style = vocabulary.style(token.gapStyle)
        if extendsLast(operation, style) {
            lastText.append(UInt8(ascii: " "))
        } else {
            startRun(operation, style: style, text: [UInt8(ascii: " ")])
        }
    }

    private func extendsLast(_ operation: InlineDiffRun.Operation, _ style: InlineStyle) -> Bool {
        guard let last else { return false }
        return last.operation == operation && last.style == style && last.style.image == nil
    }

    private mutating func startRun(_ operation: InlineDiffRun.Operation, style: InlineStyle, text: [UInt8]) {
        if var finished = last {
            finished.text = String(decoding: lastText, as: UTF8.self)
            complete.append(finished)
        }
        last = InlineDiffRun(operation, "", style: style)
        lastText = text
    }
}
