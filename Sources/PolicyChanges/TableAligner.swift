import PolicyMarkdown

/// Tables compared as a reader compares them: the header with the header, then the body rows
/// aligned as list items are (kept whole by canonical form, or paired by words in common), and
/// in a paired row each cell with the cell of its column, word by word. A retention period
/// going from 60 to 30 days is one changed cell, not a deleted table and an inserted one.
extension BlockAligner {
    /// Nil when the columns differ or the budget ran out: the caller shows the tables replaced.
    mutating func alignTable(_ old: MarkdownTable, _ new: MarkdownTable) -> DiffBlock? {
        guard old.header.count == new.header.count, let header = compareRow(old.header, new.header) else { return nil }
        let oldForms = old.rows.map { CanonicalForm.of(row: $0, vocabulary: &vocabulary) }
        let newForms = new.rows.map { CanonicalForm.of(row: $0, vocabulary: &vocabulary) }
        guard let script = SequenceDiff.diff(oldForms.map { vocabulary.id(ofForm: $0.full) }, newForms.map { vocabulary.id(ofForm: $0.full) }, budget: &budget) else {
            return nil
        }
        func whole(_ cells: [[MarkdownInline]], _ change: DiffListItem.Change) -> DiffTableRow {
            DiffTableRow(change: change, cells: cells.map(DiffTableCell.unchanged))
        }
        var rows = [header]
        var stretchOld: [Int] = []
        var stretchNew: [Int] = []
        func pairUp(_ aligner: inout BlockAligner) {
            defer {
                stretchOld.removeAll()
                stretchNew.removeAll()
            }
            guard !stretchOld.isEmpty, !stretchNew.isEmpty, aligner.budget.remaining > 0 else {
                rows += stretchOld.map { whole(old.rows[$0], .deleted) } + stretchNew.map { whole(new.rows[$0], .inserted) }
                return
            }
            let pairs = BlockPairing.fitsTable(oldCount: stretchOld.count, newCount: stretchNew.count)
                ? BlockPairing.pairs(old: stretchOld.map { oldForms[$0].words }, new: stretchNew.map { newForms[$0].words }) { _, _ in true }
                : BlockPairing.inOrder(stretchOld.count, stretchNew.count) { _, _ in true }
            var i = 0
            var j = 0
            for pair in pairs {
                rows += stretchOld[i..<pair.old].map { whole(old.rows[$0], .deleted) }
                rows += stretchNew[j..<pair.new].map { whole(new.rows[$0], .inserted) }
                let oldRow = old.rows[stretchOld[pair.old]]
                let newRow = new.rows[stretchNew[pair.new]]
                rows += aligner.compareRow(oldRow, newRow).map { [$0] } ?? [whole(oldRow, .deleted), whole(newRow, .inserted)]
                i = pair.old + 1
                j = pair.new + 1
            }
            rows += stretchOld[i...].map { whole(old.rows[$0], .deleted) } + stretchNew[j...].map { whole(new.rows[$0], .inserted) }
        }
        var i = 0
        var j = 0
        for operation in script {
            switch operation {
            case .equal:
                pairUp(&self)
                rows.append(whole(new.rows[j], .unchanged))
                i += 1
                j += 1
            case .delete:
                stretchOld.append(i)
                i += 1
            case .insert:
                stretchNew.append(j)
                j += 1
            }
        }
        pairUp(&self)
        // The tables paired because they share at least half their words, so even with every
        // body row replaced, one table with its rows marked reads better than two.
        return .changedTable(old: old, new: new, rows: rows)
    }

    /// Two rows of as many cells, cell by cell; nil past the budget.
    private mutating func compareRow(_ old: [[MarkdownInline]], _ new: [[MarkdownInline]]) -> DiffTableRow? {
        var cells: [DiffTableCell] = []
        var changed = false
        for (column, newCell) in new.enumerated() {
            let oldForm = CanonicalForm.of(row: [column < old.count ? old[column] : []], vocabulary: &vocabulary)
            let newForm = CanonicalForm.of(row: [newCell], vocabulary: &vocabulary)
            if oldForm.full == newForm.full {
                cells.append(.unchanged(newCell))
                continue
            }
            guard let diff = WordDiff.compare(oldForm.tokens, newForm.tokens, vocabulary: vocabulary, budget: &budget) else { return nil }
            cells.append(.changed(diff.runs))
            changed = true
        }
        return DiffTableRow(change: changed ? .changed : .unchanged, cells: cells)
    }
}
