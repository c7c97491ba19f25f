/// "Did you mean …?" for a misspelled name: the closest known name, when it is close enough to be
/// a likely typo. The one algorithm for every name a user writes: section ids and anchors,
/// policy slugs, languages, template names and partials, UI-string keys, YAML keys and CLI
/// subcommands. It lives with the diagnostics because every stage that names something ends a
/// message with it.
///
/// The algorithm, and why:
/// - Distance is Damerau–Levenshtein (optimal string alignment): insertions, deletions,
///   substitutions and adjacent transpositions each cost one edit. Swapped neighbours are the
///   most common typing slip (`biuld`, `rigths`), and plain Levenshtein counts them as two.
/// - The threshold scales with the name: at most a third of its length in edits (at least one,
///   at most `maximumEdits`). A fixed bound of two takes any two short names for typos of
///   each other (`fr` for `en`, `de` for `es`), yet misses three slips in a long anchor.
/// - A candidate that differs only by case wins whatever the distance (`EN` → `en`).
/// - No hint on a tie: two equally near names are a guess, and no hint beats a wrong one.
/// - Only cells within the threshold of the diagonal are computed, so a long hostile name costs
///   O(length × threshold), never O(length²).
public enum NameSuggestion {
    /// The most edits a suggestion may be away, whatever the name's length.
    public static let maximumEdits = 8
    /// Names longer than this get no suggestion: no known name is that long, so it is no typo.
    public static let maximumLength = 256

    /// The end of a message: "did you mean 'text'? The names here are: …" when a candidate is
    /// close, else "the names here are: …".
    /// - Parameters:
    ///   - list: the sentence listing the candidates, starting in lower case.
    ///   - written: how a suggestion is written (`t.` + key, for instance).
    public static func advice(for name: String, among candidates: [String], list: String, written: (String) -> String = { $0 }) -> String {
        guard let suggestion = closest(to: name, among: candidates) else { return list }
        return "did you mean '\(written(suggestion))'? " + list.prefix(1).uppercased() + list.dropFirst()
    }

    /// How many edits away a suggestion for `name` may be: a third of its length, at least one.
    public static func threshold(for name: String) -> Int {
        min(maximumEdits, max(1, name.unicodeScalars.count / 3))
    }

    /// The one candidate that is the name in other letter case, else the one nearest candidate
    /// within `threshold(for:)`; nil when none is close or the nearest are tied.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        guard name.unicodeScalars.count <= maximumLength else { return nil }
        let others = Set(candidates).subtracting([name]).sorted()
        let folded = name.lowercased()
        let sameLetters = others.filter { $0.lowercased() == folded }
        if !sameLetters.isEmpty { return sameLetters.count == 1 ? sameLetters[0] : nil }
        let limit = threshold(for: name)
        var best: (distance: Int, name: String)?
        var tied = false
        for candidate in others {
            guard let distance = distance(name, candidate, bound: limit) else { continue }
            if let current = best, distance == current.distance {
                tied = true
            } else if best == nil || distance < best!.distance {
                best = (distance, candidate)
                tied = false
            }
        }
        return tied ? nil : best?.name
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance between `a` and `b`, by
    /// Unicode scalar, if it is at most `bound`; else nil.
    public static func distance(_ a: String, _ b: String, bound: Int) -> Int? {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard bound >= 0, abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let infinity = bound + 1
        // Rows i-2, i-1 and i of the table, where cell j is the distance between a[..<i] and
        // b[..<j]. Only cells with |i - j| <= bound are computed; those just outside the band
        // are kept at `infinity`, and nothing reads further out.
        var beforePrevious = [Int](repeating: infinity, count: b.count + 1)
        var previous = (0...b.count).map { $0 <= bound ? $0 : infinity }
        var current = [Int](repeating: infinity, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - bound), high = min(b.count, i + bound)
            current[low - 1] = low == 1 && i <= bound ? i : infinity
            for j in low...high {
                var cell = min(previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1), previous[j] + 1, current[j - 1] + 1)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    cell = min(cell, beforePrevious[j - 2] + 1)
                }
                current[j] = min(cell, infinity)
            }
            if high < b.count { current[high + 1] = infinity }
            // Once a whole row is over the bound, no later cell comes back within it: every path
            // continues from this row, or jumps it by a transposition, which costs one more than
            // a cell of the row before, itself at least the bound.
            if current[(low - 1)...high].allSatisfy({ $0 > bound }) { return nil }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }
}
