import PolicyMarkdown

/// Tables compared as a reader compares them: the header with the header, then the body rows
/// aligned as list items are (kept whole by canonical form, or paired by words in common), and
/// in a paired row each cell with the cell of its column, word by word. A retention period
/// going from 60 to 30 days is one changed cell, not a deleted table and an inserted one.
extension BlockAligner {
    /// Nil when the columns differ or the budget ran out: the caller shows the tables replaced.
    mutating func alignTable(_ old: MarkdownTable, _ new: MarkdownTable) -> DiffBlock? {
        guard old.header.count == new.header.count, let header = compareRow(old.header, new.header) else { return nil }
        func whole(_ change: DiffListItem.Change) -> ([[MarkdownInline]]) -> DiffTableRow {
            { cells in DiffTableRow(change: change, cells: cells.map(DiffTableCell.unchanged)) }
        }
        let rules = UnitRules<[[MarkdownInline]], DiffTableRow>(
            key: { aligner, row in
                let form = CanonicalForm.of(row: row, vocabulary: &aligner.vocabulary)
                return aligner.vocabulary.id(ofForm: form.full)
            },
            words: { aligner, row in CanonicalForm.of(row: row, vocabulary: &aligner.vocabulary).words },
            compare: { aligner, a, b in aligner.compareRow(a, b) },
            unchanged: whole(.unchanged),
            deleted: whole(.deleted),
            inserted: whole(.inserted)
        )
        guard let rows = alignUnits(old.rows, new.rows, rules) else { return nil }
        // The tables paired because they share at least half their words, so even with every
        // body row replaced, one table with its rows marked reads better than two.
        return .changedTable(old: old, new: new, rows: [header] + rows)
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
