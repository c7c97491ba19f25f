/// The markup around a pipe table's cells, in one place for the policy pages (`HTMLRenderer`)
/// and the change pages (`ChangeHTML`), so a table looks and reads the same on both: `thead`
/// and `tbody` as cmark-gfm writes them, header cells `scope="col"`, alignment as a class (the
/// `align` attribute is obsolete in HTML), inside a labelled, focusable region that scrolls
/// sideways on a narrow screen instead of the page.
public enum TableMarkup {
    /// A row's mark on a change page: its `class`, or none.
    public enum RowMark: Sendable, Equatable {
        case none, inserted, deleted, changed

        var className: StaticString? {
            switch self {
            case .none: nil
            case .inserted: "diff-inserted"
            case .deleted: "diff-deleted"
            case .changed: "diff-changed"
            }
        }
    }

    /// The header cells' text: the core of a table region's accessible name.
    public static func label(_ header: [[MarkdownInline]]) -> String {
        let label = header.map(\.plainText).filter { !$0.isEmpty }.joined(separator: ", ")
        return label.isEmpty ? "Table" : label
    }

    /// A table whose cells the caller writes as HTML: `cell(row, column)` with `row` nil for
    /// the header and 0... for the body rows.
    public static func html(label: String, alignments: [MarkdownTable.Alignment], columns: Int, bodyRows: Int,
                            rowMark: (Int?) -> RowMark = { _ in .none }, cell: (Int?, Int) -> String) -> String {
        var html = HTMLBuffer()
        write(label: label, alignments: alignments, columns: columns, bodyRows: bodyRows, rowMark: rowMark, into: &html) { row, column, html in
            html.append(raw: cell(row, column))
        }
        return html.string
    }

    static func write(label: String, alignments: [MarkdownTable.Alignment], columns: Int, bodyRows: Int,
                      rowMark: (Int?) -> RowMark, into html: inout HTMLBuffer, cell: (Int?, Int, inout HTMLBuffer) -> Void) {
        html.append("<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"")
        html.appendEscaped(label)
        html.append("\">\n<table>\n<thead>\n")
        func row(_ row: Int?) {
            if let className = rowMark(row).className {
                html.append("<tr class=\"")
                html.append(className)
                html.append("\">\n")
            } else {
                html.append("<tr>\n")
            }
            for column in 0..<columns {
                html.append(row == nil ? "<th scope=\"col\"" : "<td")
                switch column < alignments.count ? alignments[column] : .none {
                case .none: break
                case .left: html.append(" class=\"align-left\"")
                case .center: html.append(" class=\"align-center\"")
                case .right: html.append(" class=\"align-right\"")
                }
                html.append(">")
                cell(row, column, &html)
                html.append(row == nil ? "</th>\n" : "</td>\n")
            }
            html.append("</tr>\n")
        }
        row(nil)
        html.append("</thead>\n")
        if bodyRows > 0 {
            html.append("<tbody>\n")
            for index in 0..<bodyRows { row(index) }
            html.append("</tbody>\n")
        }
        html.append("</table>\n</div>\n")
    }
}

/// Names the table regions of one page, each uniquely (a page's landmarks must differ in name:
/// two cookie tables with the same header are otherwise two "Cookie, Purpose, Expires"
/// regions): the heading the table sits under, then its header cells, then a number when the
/// name still repeats. One labeller follows one page's blocks in reading order.
public final class TableLabeller {
    /// The text of the last heading read; a renderer sets it as it writes headings.
    public var context: String?
    /// Added in parentheses, e.g. "deleted" for a table a change page shows removed.
    public var suffix: String?
    private var used: [String: Int] = [:]

    public init(context: String? = nil) {
        self.context = context
    }

    public func label(_ header: [[MarkdownInline]]) -> String {
        var label = TableMarkup.label(header)
        if let context, !context.isEmpty { label = context + ": " + label }
        if let suffix, !suffix.isEmpty { label += " (" + suffix + ")" }
        let count = used[label, default: 0] + 1
        used[label] = count
        return count == 1 ? label : "\(label) (\(count))"
    }
}
