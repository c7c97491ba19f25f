/// How list items and table rows are aligned, in one place: kept whole when their canonical
/// forms are equal (Myers over one number per unit), and in each stretch of replaced units,
/// paired by the words they share (`BlockPairing`) and compared inside; a pair that `compare`
/// turns down, and every unpaired unit, is shown deleted and inserted, deletions first.
extension BlockAligner {
    /// What to do with one kind of unit.
    struct UnitRules<Unit, Result> {
        /// The unit's canonical form as one number.
        var key: (inout BlockAligner, Unit) -> Int32
        /// Its token texts, asked only for units in a stretch small enough to pair by words.
        var words: (inout BlockAligner, Unit) -> [Int32]
        /// Two paired units compared inside; nil when they are better shown replaced.
        var compare: (inout BlockAligner, Unit, Unit) -> Result?
        var unchanged: (Unit) -> Result
        var deleted: (Unit) -> Result
        var inserted: (Unit) -> Result
    }

    /// Nil when the sequences are over the work budget.
    mutating func alignUnits<Unit, Result>(_ old: [Unit], _ new: [Unit], _ rules: UnitRules<Unit, Result>) -> [Result]? {
        var oldKeys: [Int32] = []
        for unit in old { oldKeys.append(rules.key(&self, unit)) }
        var newKeys: [Int32] = []
        for unit in new { newKeys.append(rules.key(&self, unit)) }
        guard let script = SequenceDiff.diff(oldKeys, newKeys, budget: &budget) else { return nil }
        var result: [Result] = []
        var stretchOld: [Unit] = []
        var stretchNew: [Unit] = []
        func pairUp(_ aligner: inout BlockAligner) {
            defer {
                stretchOld.removeAll()
                stretchNew.removeAll()
            }
            guard !stretchOld.isEmpty, !stretchNew.isEmpty, aligner.budget.remaining > 0 else {
                result += stretchOld.map(rules.deleted) + stretchNew.map(rules.inserted)
                return
            }
            let pairs: [(old: Int, new: Int)]
            if BlockPairing.fitsTable(oldCount: stretchOld.count, newCount: stretchNew.count) {
                var oldWords: [[Int32]] = []
                for unit in stretchOld { oldWords.append(rules.words(&aligner, unit)) }
                var newWords: [[Int32]] = []
                for unit in stretchNew { newWords.append(rules.words(&aligner, unit)) }
                pairs = BlockPairing.pairs(old: oldWords, new: newWords) { _, _ in true }
            } else {
                pairs = BlockPairing.inOrder(stretchOld.count, stretchNew.count) { _, _ in true }
            }
            var i = 0
            var j = 0
            for pair in pairs {
                result += stretchOld[i..<pair.old].map(rules.deleted) + stretchNew[j..<pair.new].map(rules.inserted)
                let (a, b) = (stretchOld[pair.old], stretchNew[pair.new])
                let compared = aligner.budget.remaining > 0 ? rules.compare(&aligner, a, b) : nil
                result += compared.map { [$0] } ?? [rules.deleted(a), rules.inserted(b)]
                i = pair.old + 1
                j = pair.new + 1
            }
            result += stretchOld[i...].map(rules.deleted) + stretchNew[j...].map(rules.inserted)
        }
        var i = 0
        var j = 0
        for operation in script {
            switch operation {
            case .equal:
                pairUp(&self)
                result.append(rules.unchanged(new[j]))
                i += 1
                j += 1
            case .delete:
                stretchOld.append(old[i])
                i += 1
            case .insert:
                stretchNew.append(new[j])
                j += 1
            }
        }
        pairUp(&self)
        return result
    }
}
