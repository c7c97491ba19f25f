import Foundation
import PolicyCorpus
@testable import PolicyMarkdown
import Testing

/// GitHub-flavoured pipe tables, recognised on top of cmark, against cmark-gfm's table
/// extension (Debian's `cmark-gfm`, the oracle, as the cmark library is for the rest): the same
/// rows, header and body cells, alignment and cell content, on the GFM spec's table examples and
/// on generated tables.
@Suite struct PipeTableTests {
    /// A table's structure as both renderers show it: per row, per cell, (is header, alignment,
    /// inner HTML). Normalises the documented differences: our `scope`/`class` vs cmark-gfm's
    /// `align` attribute, the scrolling region around ours, `<br>` vs `<br />`.
    struct Shape: Equatable, CustomStringConvertible {
        var rows: [[String]]
        var outside: String
        var description: String { "rows: \(rows)\noutside: \(outside)" }
    }

    static func shape(_ html: String) -> Shape {
        var html = html
        html = html.replacingOccurrences(of: #"<div class="table-scroll" role="region" tabindex="0" aria-label="[^"]*">\n"#, with: "", options: .regularExpression)
        html = html.replacingOccurrences(of: "</table>\n</div>", with: "</table>")
        html = html.replacingOccurrences(of: " scope=\"col\"", with: "")
        html = html.replacingOccurrences(of: #" class="align-(left|center|right)""#, with: " align=\"$1\"", options: .regularExpression)
        html = html.replacingOccurrences(of: "<br />", with: "<br>")
        var rows: [[String]] = []
        var outside = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<table>") {
            outside += rest[..<open.lowerBound]
            guard let close = rest.range(of: "</table>", range: open.upperBound..<rest.endIndex) else { break }
            let table = String(rest[open.upperBound..<close.lowerBound])
            for row in table.components(separatedBy: "<tr>").dropFirst() {
                var cells: [String] = []
                let pattern = try! NSRegularExpression(pattern: #"<(th|td)( align="[a-z]+")?>([\s\S]*?)</\1>"#)
                for match in pattern.matches(in: row, range: NSRange(row.startIndex..., in: row)) {
                    let part = { (index: Int) in Range(match.range(at: index), in: row).map { String(row[$0]) } ?? "" }
                    cells.append("\(part(1))\(part(2)): \(part(3))")
                }
                rows.append(cells)
            }
            outside += "<table/>"
            rest = rest[close.upperBound...]
        }
        outside += rest
        return Shape(rows: rows, outside: outside)
    }

    static func ours(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown).blocks)
    }

    static func cmarkGFM(_ markdown: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/cmark-gfm")
        process.arguments = ["-e", "table"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // cmark-gfm writes void elements XHTML-style and raw HTML as a comment, as cmark does.
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<hr />", with: "<hr>")
    }

    static var haveOracle: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/cmark-gfm") }

    /// The GFM spec's table examples (198–205), and ours for what the spec describes in words.
    static let specExamples = [
        "| foo | bar |\n| --- | --- |\n| baz | bim |\n",
        "| abc | defghi |\n:-: | -----------:\nbar | baz\n",
        "| f\\|oo  |\n| ------ |\n| b `\\|` az |\n| b **\\|** im |\n",
        "| abc | def |\n| --- | --- |\n| bar | baz |\n> bar\n",
        "| abc | def |\n| --- | --- |\n| bar | baz |\nbar\n\nbar\n",
        "| abc | def |\n| --- |\n| bar |\n",
        "| abc | def |\n| --- | --- |\n| bar |\n| bar | baz | boo |\n",
        "| abc | def |\n| --- | --- |\n",
        "Intro text\n| a | b |\n| - | - |\n| 1 | 2 |\n",
        "- item\n\n  | a | b |\n  | - | - |\n  | 1 | 2 |\n",
        "> | a | b |\n> | - | - |\n> | 1 | 2 |\n",
        "| a | b |\n| :-: | --: |\n| *em* and [link](https://example.com) | `code` |\n",
    ]

    @Test(arguments: specExamples)
    func specExamplesMatchCmarkGFM(_ markdown: String) throws {
        try #require(Self.haveOracle, "install Debian's cmark-gfm (apt-get install cmark-gfm): it is the oracle for tables")
        #expect(Self.shape(Self.ours(markdown)) == Self.shape(try Self.cmarkGFM(markdown)))
    }

    @Test func generatedTablesMatchCmarkGFM() throws {
        try #require(Self.haveOracle, "install Debian's cmark-gfm (apt-get install cmark-gfm): it is the oracle for tables")
        var random = SplitMix64(seed: 0x7AB1E5)
        func pick<T>(_ options: [T]) -> T { options[Int(random.next() % UInt64(options.count))] }
        let words = ["cookie", "30 days", "*session*", "**consent**", "`fh_id`", "[choices](#choices)", "a \\| b", "`x \\| y`", "Ünïcödé", "数据", "  spaced  ", "", "12 months", "see <https://example.com>"]
        var mismatches = 0
        var tables = 0
        for _ in 0..<240 {
            let columns = 1 + Int(random.next() % 4)
            let outer = pick([true, false])
            func row(_ cells: [String]) -> String {
                let joined = cells.joined(separator: " | ")
                return outer ? "| \(joined) |" : (cells.count == 1 ? "| \(joined)" : joined)
            }
            var lines: [String] = []
            if pick([true, false, false]) { lines.append("Some text before it.") }
            lines.append(row((0..<columns).map { _ in pick(words.filter { !$0.isEmpty }) }))
            lines.append(row((0..<columns).map { _ in pick([":--", "---", ":-:", "--:", "-"]) }))
            for _ in 0..<Int(random.next() % 5) {
                let count = max(1, columns + pick([0, 0, 0, -1, 1]))
                lines.append(row((0..<count).map { _ in pick(words) }))
            }
            let markdown = lines.joined(separator: "\n") + "\n"
            let ours = Self.shape(Self.ours(markdown))
            let theirs = Self.shape(try Self.cmarkGFM(markdown))
            if !theirs.rows.isEmpty { tables += 1 }
            if ours != theirs {
                mismatches += 1
                if mismatches <= 3 { Issue.record("\(markdown)\nours: \(ours)\ncmark-gfm: \(theirs)") }
            }
        }
        #expect(mismatches == 0)
        #expect(tables >= 200, "only \(tables) of the generated documents were tables")
    }

    @Test func aRowWhoseCellCountDiffersFromTheDelimiterIsANearMiss() {
        let document = MarkdownParser.parse("Intro\n\n| a | b | c |\n| --- | --- |\n| 1 | 2 | 3 |\n")
        #expect(document.tableNearMisses == [TableNearMiss(position: MarkdownPosition(line: 3, column: 1), headerCells: 3, delimiterCells: 2)])
        #expect(document.blocks.allSatisfy { if case .paragraph = $0.kind { true } else { false } })
    }

    @Test func cellLinksKeepTheirPositionInTheFile() {
        let document = MarkdownParser.parse("# T\n\n| a | b |\n| - | - |\n| x | see [y](#z) |\n")
        #expect(document.links.map(\.position) == [MarkdownPosition(line: 5, column: 11)])
    }

    @Test func cellsThatLookLikeBlocksStayText() {
        let html = Self.ours("| a | b |\n| - | - |\n| # not a heading | 1. not a list |\n")
        #expect(html.contains("<td># not a heading</td>"))
        #expect(html.contains("<td>1. not a list</td>"))
    }

    @Test func lineBreakTagIsTheOneRawHTMLKept() {
        #expect(Self.ours("a<br>b<br/>c<br />d <br class=x> e <b>f</b>\n") == "<p>a<br>\nb<br>\nc<br>\nd <!-- raw HTML omitted --> e <!-- raw HTML omitted -->f<!-- raw HTML omitted --></p>\n")
    }
}
