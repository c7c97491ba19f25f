/// Levenshtein distance with a small bound, for "did you mean" hints.
///
/// Only cells within `bound` of the diagonal are computed, so comparing two long hostile
/// strings costs O(length × bound), not O(length²).
enum EditDistance {
    /// The distance between `a` and `b` if it is at most `bound`, else nil.
    static func distance(_ a: String, _ b: String, bound: Int) -> Int? {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard abs(a.count - b.count) <= bound else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let infinity = bound + 1
        // Row i holds the distances between a[..<i] and b[..<j]; only cells with |i - j| <= bound
        // are computed, and the cells just outside the band are kept at `infinity`.
        var previous = (0...b.count).map { $0 <= bound ? $0 : infinity }
        var current = [Int](repeating: infinity, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - bound), high = min(b.count, i + bound)
            current[low - 1] = low == 1 && i <= bound ? i : infinity
            for j in low...high {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1, infinity)
            }
            if high < b.count { current[high + 1] = infinity }
            // Distances never shrink from one row to the next: once the band is over the bound, stop.
            if current[(low - 1)...high].allSatisfy({ $0 > bound }) { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= bound ? previous[b.count] : nil
    }

    /// The one candidate closest to `text` (distance 1 or 2); nil when none is that close or two
    /// are equally close: no hint is better than a wrong one.
    static func closest(to text: String, among candidates: [String], bound: Int = 2) -> String? {
        var best: (name: String, distance: Int)?
        var tied = false
        for candidate in candidates where candidate != text {
            guard let distance = distance(text, candidate, bound: bound) else { continue }
            if let current = best, distance == current.distance {
                if candidate != current.name { tied = true }
            } else if best == nil || distance < best!.distance {
                best = (candidate, distance)
                tied = false
            }
        }
        return tied ? nil : best?.name
    }
}
