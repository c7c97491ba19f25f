/// The line syntax of GitHub-flavoured pipe tables (GFM spec, "Tables (extension)"): how a row
/// splits into cells, and what a delimiter row is. Pure byte scans, linear in the line.
enum PipeTableSyntax {
    /// A cell's text, with `\\|` unescaped and the outer white space trimmed, and the byte
    /// offset in the line where its text starts.
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    /// The cells of a row: split on pipes not escaped by a backslash (inside code spans too, as
    /// GFM says), the optional leading and trailing pipe dropped.
    static func cells(_ line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var start = 0
        var end = bytes.count
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        if start < end, bytes[start] == pipe { start += 1 }
        if end > start, bytes[end - 1] == pipe, !isEscaped(bytes, end - 1) { end -= 1 }
        var cells: [Cell] = []
        var current: [UInt8] = []
        var cellStart = start
        var index = start
        func finish() {
            var from = 0
            var to = current.count
            while from < to, isBlank(current[from]) { from += 1 }
            while to > from, isBlank(current[to - 1]) { to -= 1 }
            cells.append(Cell(text: String(decoding: current[from..<to], as: UTF8.self), offset: cellStart + from))
            current.removeAll(keepingCapacity: true)
        }
        while index < end {
            let byte = bytes[index]
            if byte == backslash, index + 1 < end, bytes[index + 1] == pipe {
                current.append(pipe)
                index += 2
                continue
            }
            if byte == pipe {
                finish()
                index += 1
                cellStart = index
                continue
            }
            current.append(byte)
            index += 1
        }
        finish()
        return cells
    }

    /// The columns' alignment if `line` is a delimiter row (`| :-- | :-: | --: |`), else nil.
    /// A delimiter row has a pipe unless it is a single column with both outer pipes missing,
    /// which a paragraph line cannot be (a line of dashes under text is a setext heading).
    static func alignments(_ line: Substring) -> [MarkdownTable.Alignment]? {
        guard line.utf8.contains(pipe) else { return nil }
        var alignments: [MarkdownTable.Alignment] = []
        for cell in cells(line) {
            var bytes = Substring(cell.text).utf8[...]
            let left = bytes.first == colon
            if left { bytes = bytes.dropFirst() }
            let right = bytes.last == colon
            if right { bytes = bytes.dropLast() }
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 == dash }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments.isEmpty ? nil : alignments
    }

    private static let pipe = UInt8(ascii: "|")
    private static let backslash = UInt8(ascii: "\\")
    private static let colon = UInt8(ascii: ":")
    private static let dash = UInt8(ascii: "-")

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Whether the byte at `index` is preceded by an odd number of backslashes.
    private static func isEscaped(_ bytes: [UInt8], _ index: Int) -> Bool {
        var count = 0
        var at = index - 1
        while at >= 0, bytes[at] == backslash {
            count += 1
            at -= 1
        }
        return count % 2 == 1
    }
}

extension MarkdownInline {
    /// The same inline with link and image positions moved from a text parsed on its own to
    /// where that text is in the file: line `k` of the text starts at `origins[k - 1]`.
    /// `shift` bytes were added in front of the text before parsing (an escaping backslash).
    /// Recursion is bounded by the parser's inline depth cap.
    func moved(to origins: [MarkdownPosition], shift: Int) -> MarkdownInline {
        func move(_ position: MarkdownPosition) -> MarkdownPosition {
            guard position.line >= 1, position.line <= origins.count else { return origins.first ?? position }
            let origin = origins[position.line - 1]
            let extra = position.line == 1 ? shift : 0
            return MarkdownPosition(line: origin.line, column: origin.column + max(position.column - 1 - extra, 0))
        }
        switch self {
        case .text, .softBreak, .lineBreak, .code, .html: return self
        case .emphasis(let children): return .emphasis(children.map { $0.moved(to: origins, shift: shift) })
        case .strong(let children): return .strong(children.map { $0.moved(to: origins, shift: shift) })
        case .link(var link):
            link.position = move(link.position)
            link.content = link.content.map { $0.moved(to: origins, shift: shift) }
            return .link(link)
        case .image(var link):
            link.position = move(link.position)
            link.content = link.content.map { $0.moved(to: origins, shift: shift) }
            return .image(link)
        }
    }
}
