/// How much diffing one comparison may do, counted in steps of Myers' algorithm (one per
/// diagonal visited and one per matching element followed). Realistic edits cost about the
/// length of the text plus the square of the number of edits; two unrelated texts would cost
/// the product of their lengths. When a diff would go past its share, it stops and its caller
/// shows the text as replaced (all deleted, all inserted), so no input takes long.
///
/// The count is deterministic (no clock), so the same inputs always give the same diff.
public struct DiffBudget: Sendable, Equatable {
    /// Steps left for the whole comparison of two versions.
    public var remaining: Int
    /// The most one sequence diff (one section, one list, one paragraph) may use.
    public var perDiff: Int

    public init(total: Int, perDiff: Int) {
        self.remaining = total
        self.perDiff = perDiff
    }

    /// Ample for policies (a 20,000-word section rewritten in a thousand places), and a
    /// fraction of a second in a release build at worst.
    public static let standard = DiffBudget(total: 12_000_000, perDiff: 3_000_000)
}

/// One step of an edit script: keep an element of both, drop one of the old sequence, or add
/// one of the new.
enum EditOperation: UInt8 {
    case equal, delete, insert
}

/// Myers' O(ND) diff ("An O(ND) Difference Algorithm and Its Variations", 1986), greedy and
/// forward, with the common prefix and suffix taken off first. It keeps each round's frontier
/// to trace the script back, which costs memory in proportion to the steps, so the budget
/// bounds that too. Iterative throughout.
enum SequenceDiff {
    /// The edit script turning `old` into `new`, or nil when it would cost more than the budget
    /// allows (the steps used are charged either way).
    static func diff(_ old: [Int32], _ new: [Int32], budget: inout DiffBudget) -> [EditOperation]? {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix, old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        let a = old[prefix..<(old.count - suffix)]
        let b = new[prefix..<(new.count - suffix)]

        var script = [EditOperation](repeating: .equal, count: prefix)
        if a.isEmpty {
            script += repeatElement(.insert, count: b.count)
        } else if b.isEmpty {
            script += repeatElement(.delete, count: a.count)
        } else {
            guard let middle = myers(Array(a), Array(b), budget: &budget) else { return nil }
            script += middle
        }
        script += repeatElement(.equal, count: suffix)
        return script
    }

    private static func myers(_ a: [Int32], _ b: [Int32], budget: inout DiffBudget) -> [EditOperation]? {
        let n = a.count
        let m = b.count
        let allowed = min(budget.remaining, budget.perDiff)
        var steps = 0
        defer { budget.remaining -= steps }
        // Rounds 0...d keep (d+1)(d+2)/2 frontier entries, all counted as steps, so d is bounded.
        var maxD = 0
        while maxD < n + m, (maxD + 1) * (maxD + 2) / 2 <= allowed { maxD += 1 }
        let offset = maxD + 1
        var frontier = [Int](repeating: 0, count: 2 * maxD + 3)
        // Round d's frontier, k = -d, -d+2, …, d, starts at `rounds[d]` in `trace`.
        var trace: [Int32] = []
        var rounds: [Int] = []
        var end: (d: Int, k: Int)?

        // The search runs over raw buffers: every index below stays in bounds by construction
        // (x < n, y < m; |k| <= d <= maxD), and the bounds checks were a good part of its time.
        var overBudget = false
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                frontier.withUnsafeMutableBufferPointer { frontier in
                    var d = 0
                    search: while d <= maxD {
                        rounds.append(trace.count)
                        var k = -d
                        while k <= d {
                            var x: Int
                            if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                                x = frontier[offset + k + 1]
                            } else {
                                x = frontier[offset + k - 1] + 1
                            }
                            var y = x - k
                            let start = x
                            while x < n, y < m, a[x] == b[y] {
                                x += 1
                                y += 1
                            }
                            steps += x - start
                            frontier[offset + k] = x
                            trace.append(Int32(x))
                            steps += 1
                            if x >= n, y >= m {
                                end = (d, k)
                                break search
                            }
                            // Checked per diagonal: one snake overshoots by at most the text's length.
                            if steps > allowed {
                                overBudget = true
                                break search
                            }
                            k += 2
                        }
                        d += 1
                    }
                }
            }
        }
        guard !overBudget, var (d, k) = end else { return nil }

        // Walk back from (n, m): each round adds one insertion or deletion before a run of equals.
        func reached(_ round: Int, _ k: Int) -> Int { Int(trace[rounds[round] + (k + round) / 2]) }
        var script: [EditOperation] = []
        script.reserveCapacity(n + m)
        var x = n
        var y = m
        while d > 0 {
            let down = k == -d || (k != d && reached(d - 1, k - 1) < reached(d - 1, k + 1))
            let previousK = down ? k + 1 : k - 1
            let previousX = reached(d - 1, previousK)
            let previousY = previousX - previousK
            let startX = down ? previousX : previousX + 1
            let startY = down ? previousY + 1 : previousY
            while x > startX, y > startY {
                script.append(.equal)
                x -= 1
                y -= 1
            }
            script.append(down ? .insert : .delete)
            x = previousX
            y = previousY
            d -= 1
            k = previousK
        }
        while x > 0, y > 0 {
            script.append(.equal)
            x -= 1
            y -= 1
        }
        script.reverse()
        return script
    }
}
