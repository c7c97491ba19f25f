/// "Did you mean …?" for a misspelled name: the closest known name by edit distance, when it is
/// close enough to be a likely typo. It lives with the diagnostics because every stage that
/// names something (templates, language files, the command line) ends a message with it.
public enum NameSuggestion {
    /// The end of a message: "did you mean 'text'? The names here are: …" when a candidate is
    /// close, else "the names here are: …".
    /// - Parameters:
    ///   - list: the sentence listing the candidates, starting in lower case.
    ///   - written: how a suggestion is written (`t.` + key, for instance).
    public static func advice(for name: String, among candidates: [String], list: String, written: (String) -> String = { $0 }) -> String {
        guard let suggestion = closest(to: name, among: candidates) else { return list }
        return "did you mean '\(written(suggestion))'? " + list.prefix(1).uppercased() + list.dropFirst()
    }

    /// A candidate that differs from the name only by case, whatever the name's length (`EN`
    /// for `en`, `zh-hans` for `zh-Hans`: a distance of several edits, but surely meant);
    /// else the candidate within a third of the name's length in edits (at least one). The
    /// nearest wins and, among equals, the first in alphabetical order, so messages are
    /// deterministic.
    public static func closest(to name: String, among candidates: [String]) -> String? {
        // Names are short; a long one (hostile input) is no typo of any of them.
        guard name.count <= 64 else { return nil }
        let folded = name.lowercased()
        if let sameLetters = candidates.filter({ $0 != name && $0.lowercased() == folded }).min() {
            return sameLetters
        }
        let limit = max(1, name.count / 3)
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(Array(name.unicodeScalars), Array(candidate.unicodeScalars))
            guard distance <= limit else { continue }
            if best == nil || (distance, candidate) < (best!.distance, best!.name) {
                best = (distance, candidate)
            }
        }
        return best?.name
    }

    /// Levenshtein distance with adjacent transpositions counting as one edit ("txet" → "text").
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousRow: [Int] = []
        var row = Array(0...b.count)
        for i in 1...a.count {
            var next = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                next[j] = min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    next[j] = min(next[j], previousRow[j - 2] + 1)
                }
            }
            previousRow = row
            row = next
        }
        return row[b.count]
    }
}
