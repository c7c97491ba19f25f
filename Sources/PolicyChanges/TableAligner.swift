import PolicyMarkdown

/// Tables compared as a reader compares them: the header with the header, then the body rows
/// aligned as list items are (kept whole by canonical form, or paired by words in common), and
/// in a paired row each cell with the cell of its column, word by word. A retention period
/// going from 60 to 30 days is one changed cell, not a deleted table and an inserted one.
extension BlockAligner {
    /// Nil when the columns differ or the budget ran out: the caller shows the tables replaced.
    mutating func alignTable(_ old: MarkdownTable, _ new: MarkdownTable) -> DiffBlock? {
        guard old.header.count == new.header.count, let header = compareRow(old.header, new.header) else { return nil }
        // Each row's canonical form once: its key and, in a stretch, its words.
        struct Row {
            var cells: [[MarkdownInline]]
            var form: CanonicalForm
        }
        func rows(_ table: MarkdownTable) -> [Row] {
            table.rows.map { Row(cells: $0, form: CanonicalForm.of(row: $0, vocabulary: &vocabulary)) }
        }
        func whole(_ change: DiffListItem.Change) -> (Row) -> DiffTableRow {
            { row in DiffTableRow(change: change, cells: row.cells.map(DiffTableCell.unchanged)) }
        }
        let rules = UnitRules<Row, DiffTableRow>(
            key: { aligner, row in aligner.vocabulary.id(ofForm: row.form.full) },
            words: { _, row in row.form.words },
            compare: { aligner, a, b in aligner.compareRow(a.cells, b.cells) },
            unchanged: whole(.unchanged),
            deleted: whole(.deleted),
            inserted: whole(.inserted)
        )
        guard let rows = alignUnits(rows(old), rows(new), rules) else { return nil }
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
