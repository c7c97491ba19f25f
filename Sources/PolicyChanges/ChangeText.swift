import PolicyCore
import PolicyMarkdown

/// A `VersionDiff` as text for a terminal: one line per section saying what happened to it,
/// then, for sections that changed, were added or were removed, their text with deletions in
/// `[-…-]` and insertions in `{+…+}` (as `git diff --word-diff` and `wdiff` mark them), in red
/// and green when `colour` is on. Unchanged blocks of a changed section are elided as `…`.
/// Formatting is not shown (only the words); each paragraph is one line.
///
/// Recursion follows the diff's containers, at most `BlockAligner.maxDepth` deep; whole blocks
/// are written out with an explicit stack.
public struct ChangeText {
    public var colour: Bool

    public init(colour: Bool = false) {
        self.colour = colour
    }

    public func render(_ diff: VersionDiff) -> String {
        var text = ""
        for section in diff.sections {
            text += headerLine(section) + "\n"
            var lines: [String] = []
            switch section.status {
            case .unchanged:
                continue
            case .added, .removed:
                for block in section.blocks { self.lines(block, first: "    ", rest: "    ", into: &lines) }
            case .changed:
                var elided = false
                for block in section.blocks {
                    if case .unchanged = block {
                        if !elided { lines.append("    …") }
                        elided = true
                    } else {
                        elided = false
                        self.lines(block, first: "    ", rest: "    ", into: &lines)
                    }
                }
            }
            for line in lines { text += line + "\n" }
        }
        return text
    }

    /// `~ changed, heading changed: use "How we use your information{+ and why+}" (3 words inserted, 0 deleted)`
    func headerLine(_ section: SectionChange) -> String {
        var words = [section.status.rawValue]
        if section.headingChanged { words.append("heading changed") }
        if section.moved { words.append("moved") }
        if section.formattingOnly { words.append("formatting only") }
        let marker = switch section.status {
        case .added: "+"
        case .removed: "-"
        case .changed: "~"
        case .unchanged: "="
        }
        var name: String
        if section.id.isEmpty {
            name = "the text before the first heading"
        } else {
            let heading: String
            if !section.headingRuns.isEmpty {
                heading = runs(section.headingRuns)
            } else {
                heading = mark((section.newHeading ?? section.oldHeading ?? []).plainText, .equal)
            }
            name = "\(mark(section.id, .equal)) \"\(heading)\""
        }
        switch section.status {
        case .added: name += " (\(count(section.wordsInserted)))"
        case .removed: name += " (\(count(section.wordsDeleted)))"
        case .changed where !section.formattingOnly:
            name += " (\(count(section.wordsInserted)) inserted, \(section.wordsDeleted) deleted)"
        default: break
        }
        let line = "\(marker) \(words.joined(separator: ", ")): \(name)"
        return colour ? "\u{1B}[1m" + line + "\u{1B}[0m" : line
    }

    private func count(_ words: Int) -> String { words == 1 ? "1 word" : "\(words) words" }

    // MARK: - Blocks

    private func lines(_ block: DiffBlock, first: String, rest: String, into lines: inout [String]) {
        switch block {
        case .unchanged(let block): plainLines(block, first: first, rest: rest, marking: .equal, into: &lines)
        case .inserted(let block): plainLines(block, first: first, rest: rest, marking: .insert, into: &lines)
        case .deleted(let block): plainLines(block, first: first, rest: rest, marking: .delete, into: &lines)
        case .changed(_, let new, let runs):
            var heading = ""
            if case .heading(let level, _) = new.kind { heading = String(repeating: "#", count: level) + " " }
            lines.append(first + heading + self.runs(runs))
        case .changedQuote(let children):
            for (index, child) in children.enumerated() {
                self.lines(child, first: (index == 0 ? first : rest) + "> ", rest: rest + "> ", into: &lines)
            }
        case .changedTable(_, _, let rows):
            tableLines(rows, first: first, rest: rest, into: &lines)
        case .changedList(let oldList, let list, let items):
            // Items are numbered as on their own side: deleted ones as in the old list.
            var oldNumber = 0
            var newNumber = 0
            for (index, item) in items.enumerated() {
                let marker = item.change == .deleted ? Self.marker(oldList.style, oldNumber) : Self.marker(list.style, newNumber)
                if item.change != .inserted { oldNumber += 1 }
                if item.change != .deleted { newNumber += 1 }
                let indent = String(repeating: " ", count: marker.count)
                for (position, block) in item.blocks.enumerated() {
                    self.lines(block, first: (index == 0 && position == 0 ? first : rest) + (position == 0 ? marker : indent), rest: rest + indent, into: &lines)
                }
            }
        }
    }

    /// A changed table: its header, then its changed, added and removed rows, one line each,
    /// with kept rows elided as `…`.
    private func tableLines(_ rows: [DiffTableRow], first: String, rest: String, into lines: inout [String]) {
        var elided = false
        for (index, row) in rows.enumerated() {
            if index > 0, row.change == .unchanged {
                if !elided { lines.append(rest + "| … |") }
                elided = true
                continue
            }
            elided = false
            let cells = row.cells.map { cell in
                switch cell {
                case .unchanged(let inlines): mark(inlines.plainText, .equal)
                case .changed(let runs): self.runs(runs)
                }
            }
            let text = "| " + cells.joined(separator: " | ") + " |"
            let prefix = index == 0 ? first : rest
            switch row.change {
            case .inserted: lines.append(prefix + mark(text, .insert))
            case .deleted: lines.append(prefix + mark(text, .delete))
            case .unchanged, .changed: lines.append(prefix + text)
            }
        }
    }

    private static func marker(_ style: MarkdownList.Style, _ index: Int) -> String {
        switch style {
        case .bullet: "- "
        case .ordered(let start): "\(start + index). "
        }
    }

    /// A block written out whole, each line's text marked as inserted or deleted.
    private func plainLines(_ block: MarkdownBlock, first: String, rest: String, marking: InlineDiffRun.Operation, into lines: inout [String]) {
        var work: [(block: MarkdownBlock, first: String, rest: String)] = [(block, first, rest)]
        while let (block, first, rest) = work.popLast() {
            switch block.kind {
            case .paragraph(let inlines):
                lines.append(first + mark(inlines.plainText, marking))
            case .heading(let level, let inlines):
                lines.append(first + mark(String(repeating: "#", count: level) + " " + inlines.plainText, marking))
            case .blockQuote(let children):
                for (index, child) in children.enumerated().reversed() {
                    work.append((child, (index == 0 ? first : rest) + "> ", rest + "> "))
                }
            case .list(let list):
                var pending: [(MarkdownBlock, String, String)] = []
                for (index, item) in list.items.enumerated() {
                    let marker = Self.marker(list.style, index)
                    let indent = String(repeating: " ", count: marker.count)
                    for (position, child) in item.enumerated() {
                        pending.append((child, (index == 0 && position == 0 ? first : rest) + (position == 0 ? marker : indent), rest + indent))
                    }
                }
                work.append(contentsOf: pending.reversed())
            case .codeBlock(_, let code):
                var codeLines = code.split(separator: "\n", omittingEmptySubsequences: false)
                if codeLines.last == "" { codeLines.removeLast() }
                for (index, line) in codeLines.enumerated() {
                    lines.append((index == 0 ? first : rest) + "    " + mark(String(line), marking))
                }
            case .htmlBlock:
                break
            case .thematicBreak:
                lines.append(first + mark("---", marking))
            case .table(let table):
                for (index, row) in ([table.header] + table.rows).enumerated() {
                    let text = "| " + row.map { $0.plainText }.joined(separator: " | ") + " |"
                    lines.append((index == 0 ? first : rest) + mark(text, marking))
                }
            }
        }
    }

    // MARK: - Inline text

    /// Every piece of the policy's text passes here: its control characters are spelled out
    /// (`\u{1B}`), so a text cannot move the cursor or recolour the terminal; the colours are ours.
    private func mark(_ text: String, _ operation: InlineDiffRun.Operation) -> String {
        let text = OutputEscaping.visible(text, keepingTabs: true)
        switch operation {
        case .equal: return text
        case .insert: return colour ? "\u{1B}[32m{+\(text)+}\u{1B}[0m" : "{+\(text)+}"
        case .delete: return colour ? "\u{1B}[31m[-\(text)-]\u{1B}[0m" : "[-\(text)-]"
        }
    }

    /// Runs with their formatting dropped: neighbours with the same operation join.
    func runs(_ runs: [InlineDiffRun]) -> String {
        var text = ""
        var pending = ""
        var operation = InlineDiffRun.Operation.equal
        for run in runs {
            if run.operation != operation {
                text += mark(pending, operation)
                pending = ""
                operation = run.operation
            }
            pending += run.text
        }
        return text + mark(pending, operation)
    }
}
