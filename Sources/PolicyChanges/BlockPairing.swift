/// Which blocks (or list items) of a replaced stretch to compare with which: the old and new
/// blocks between two kept ones. Pairs keep their order on both sides; a block pairs with one
/// that shares at least half of the shorter one's tokens (counted with repeats), and among
/// those the pairing with the most overlap wins, so editing one list item next to a deleted one
/// pairs the edited item with its new text, not with its neighbour.
///
/// The choice is a dynamic program over the stretch (old × new blocks, each pair scored by
/// token overlap). Past `maxWork` token comparisons it pairs blocks in order instead, so a
/// huge stretch costs no more than reading it.
enum BlockPairing {
    static let maxWork = 2_000_000
    /// The largest table (old × new blocks) the program fills.
    static let maxTable = 10_000

    /// Whether a stretch is small enough to be paired by overlap; if not, callers need not
    /// tokenize its blocks and call `inOrder`.
    static func fitsTable(oldCount: Int, newCount: Int) -> Bool {
        oldCount * newCount <= maxTable
    }

    /// Pairs of indices (old, new), increasing in both.
    static func pairs(old: [[Int32]], new: [[Int32]], canPair: (Int, Int) -> Bool) -> [(old: Int, new: Int)] {
        guard !old.isEmpty, !new.isEmpty else { return [] }
        let oldTotal = old.reduce(0) { $0 + $1.count }
        let newTotal = new.reduce(0) { $0 + $1.count }
        guard fitsTable(oldCount: old.count, newCount: new.count), oldTotal * new.count + newTotal * old.count <= maxWork else {
            return inOrder(old.count, new.count, canPair: canPair)
        }
        let oldCounts = old.map(counts)
        let newCounts = new.map(counts)
        func score(_ i: Int, _ j: Int) -> Double? {
            guard canPair(i, j) else { return nil }
            let shorter = min(old[i].count, new[j].count)
            guard shorter > 0 else { return nil }
            let (small, large) = oldCounts[i].count <= newCounts[j].count ? (oldCounts[i], newCounts[j]) : (newCounts[j], oldCounts[i])
            var common = 0
            for (token, count) in small { common += min(count, large[token] ?? 0) }
            let overlap = Double(common) / Double(shorter)
            // Half the tokens in common is the least; a tiny bonus so such a pair still counts.
            return overlap >= 0.5 ? overlap - 0.5 + 0.001 : nil
        }

        // best[i][j]: the most total score pairing old[i...] with new[j...].
        let columns = new.count + 1
        var best = [Double](repeating: 0, count: (old.count + 1) * columns)
        var choice = [UInt8](repeating: 0, count: (old.count + 1) * columns)  // 0 skip old, 1 skip new, 2 pair
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                var value = best[(i + 1) * columns + j]
                var chosen: UInt8 = 0
                if best[i * columns + j + 1] > value {
                    value = best[i * columns + j + 1]
                    chosen = 1
                }
                if let pairScore = score(i, j), pairScore + best[(i + 1) * columns + j + 1] >= value {
                    value = pairScore + best[(i + 1) * columns + j + 1]
                    chosen = 2
                }
                best[i * columns + j] = value
                choice[i * columns + j] = chosen
            }
        }
        var result: [(old: Int, new: Int)] = []
        var i = 0
        var j = 0
        while i < old.count, j < new.count {
            switch choice[i * columns + j] {
            case 2:
                result.append((i, j))
                i += 1
                j += 1
            case 1: j += 1
            default: i += 1
            }
        }
        return result
    }

    /// Blocks paired in order, each old one with the next new one it can pair with.
    static func inOrder(_ oldCount: Int, _ newCount: Int, canPair: (Int, Int) -> Bool) -> [(old: Int, new: Int)] {
        var result: [(old: Int, new: Int)] = []
        var i = 0
        var j = 0
        while i < oldCount, j < newCount {
            if canPair(i, j) {
                result.append((i, j))
                i += 1
                j += 1
            } else {
                i += 1
            }
        }
        return result
    }

    private static func counts(_ tokens: [Int32]) -> [Int32: Int] {
        var counts: [Int32: Int] = [:]
        for token in tokens { counts[token, default: 0] += 1 }
        return counts
    }
}
