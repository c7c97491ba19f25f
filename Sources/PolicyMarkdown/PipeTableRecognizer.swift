/// Finds a GFM pipe table in the lines of what cmark parsed as a paragraph (CommonMark has no
/// tables, so a table arrives as one): a header row directly followed by a delimiter row with
/// as many cells, then every following line of the paragraph as a body row. Lines before the
/// header stay a paragraph, as in cmark-gfm, where a table may start under paragraph text.
enum PipeTableRecognizer {
    /// One line of the paragraph: its 1-based line in the file, its text without the
    /// containers' markers (`>`, list indentation) and the leading white space, and the
    /// 1-based byte column where that text starts in the file.
    struct Line {
        var number: Int
        var text: Substring
        var column: Int
    }

    struct Found {
        /// The lines before the header row (a paragraph), maybe none.
        var before: [Line]
        var alignments: [MarkdownTable.Alignment]
        var header: Line
        var rows: [Line]
        /// The lines after a row that is a lone `|`, which ends the table (as in cmark-gfm):
        /// a paragraph again.
        var after: [Line]
    }

    /// A row that looks like a table's header and delimiter but is not one, and why: for the
    /// `table-syntax` warning, since the author meant a table and readers get a paragraph.
    struct NearMiss: Equatable {
        var line: Int
        var column: Int
        var headerCells: Int
        var delimiterCells: Int
    }

    static func find(in lines: [Line]) -> (found: Found?, nearMisses: [NearMiss]) {
        var nearMisses: [NearMiss] = []
        guard lines.count >= 2 else { return (nil, []) }
        for index in 1..<lines.count {
            guard let alignments = PipeTableSyntax.alignments(lines[index].text) else { continue }
            let header = lines[index - 1]
            let headerCells = PipeTableSyntax.cells(header.text).count
            guard headerCells == alignments.count else {
                nearMisses.append(NearMiss(line: header.number, column: header.column, headerCells: headerCells, delimiterCells: alignments.count))
                continue
            }
            let body = lines[(index + 1)...]
            let end = body.firstIndex { $0.text.utf8.filter { $0 != 0x20 && $0 != 0x09 }.elementsEqual([UInt8(ascii: "|")]) } ?? body.endIndex
            return (Found(before: Array(lines[..<(index - 1)]), alignments: alignments, header: header, rows: Array(body[..<end]), after: Array(body[end...])), nearMisses)
        }
        return (nil, nearMisses)
    }
}
