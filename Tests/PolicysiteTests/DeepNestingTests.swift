import Foundation
import PolicyCore
import PolicyMarkdown
import PolicyModel
@testable import PolicySource
import PolicyPipeline
import Testing

/// Pathological Markdown (tens of thousands of nested quotes and lists, a million `[`, long
/// runs of delimiters) once overflowed the stack. It must now parse, render and build without
/// crashing, in time comparable to cmark's, with nesting capped and reported, and no text lost.
// Serialized so that the printed timings are not shared with other cases running at once.
@Suite(.serialized) struct DeepNestingTests {
    /// One pathological input: its Markdown body, a word that must survive rendering, and
    /// whether its nesting goes past the parser's limits.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var markdown: String
        var marker: String
        var tooDeep: Bool
        var testDescription: String { name }
    }

    /// Generators of pathological files, each in one line or a simple loop.
    enum Generate {
        static func nestedQuotes(_ depth: Int) -> String {
            String(repeating: "> ", count: depth) + "innermost\n"
        }

        /// `- - - … x`: one list item per level, all on one line.
        static func nestedItems(_ depth: Int, marker: String) -> String {
            String(repeating: marker + " ", count: depth) + "innermost\n"
        }

        /// One item per line, each indented under the previous: text in every item.
        static func indentedList(_ depth: Int) -> String {
            (0..<depth).map { String(repeating: "  ", count: $0) + "- item\($0)\n" }.joined()
        }

        static func quotesAndLists(_ depth: Int) -> String {
            String(repeating: "> - ", count: depth) + "innermost\n"
        }

        /// `*a **b *c … z c* b** a*`: emphasis and strong alternating, closed in reverse.
        static func nestedEmphasis(_ depth: Int) -> String {
            let markers = (0..<depth).map { $0.isMultiple(of: 2) ? "*" : "**" }
            let open = (0..<depth).map { "\(markers[$0])w\($0) " }.joined()
            let close = (0..<depth).reversed().map { " w\($0)\(markers[$0])" }.joined()
            return open + "innermost" + close + "\n"
        }

        /// `***a ***b … b*** a***`: emphasis and strong at every level, two levels each.
        static func nestedTripleStars(_ depth: Int) -> String {
            (0..<depth).map { "***w\($0) " }.joined() + "innermost" + (0..<depth).reversed().map { " w\($0)***" }.joined() + "\n"
        }

        /// `*a **b *c …` with no closers: cmark's delimiter stack, no emphasis made.
        static func unclosedEmphasis(_ count: Int) -> String {
            (0..<count).map { $0.isMultiple(of: 2) ? "*a " : "**b " }.joined() + "innermost\n"
        }

        static func nestedImages(_ depth: Int) -> String {
            String(repeating: "![", count: depth) + "innermost" + String(repeating: "](u)", count: depth) + "\n"
        }

        /// `a`…`a``b```…: runs of backticks of every length, none of which close another.
        static func backtickRuns(_ longest: Int) -> String {
            (1...longest).map { "a" + String(repeating: "`", count: $0) }.joined() + " innermost\n"
        }
    }

    static let cases: [Case] = [
        Case(name: "50,000 nested >", markdown: Generate.nestedQuotes(50_000), marker: "innermost", tooDeep: true),
        Case(name: "20,000 nested - items", markdown: Generate.nestedItems(20_000, marker: "-"), marker: "innermost", tooDeep: true),
        Case(name: "20,000 nested 1. items", markdown: Generate.nestedItems(20_000, marker: "1."), marker: "innermost", tooDeep: true),
        Case(name: "1,000 indented list levels", markdown: Generate.indentedList(1_000), marker: "item999", tooDeep: true),
        Case(name: "10,000 levels of > -", markdown: Generate.quotesAndLists(10_000), marker: "innermost", tooDeep: true),
        Case(name: "a million [", markdown: String(repeating: "[", count: 1_000_000) + "innermost\n", marker: "innermost", tooDeep: false),
        Case(name: "a million <", markdown: String(repeating: "<", count: 1_000_000) + "innermost\n", marker: "innermost", tooDeep: false),
        Case(name: "* x 100,000 around text", markdown: String(repeating: "*", count: 100_000) + "innermost" + String(repeating: "*", count: 100_000) + "\n", marker: "innermost", tooDeep: true),
        Case(name: "_ x 100,000 around text", markdown: String(repeating: "_", count: 100_000) + "innermost" + String(repeating: "_", count: 100_000) + "\n", marker: "innermost", tooDeep: true),
        Case(name: "***a x 30,000 … a*** x 30,000", markdown: String(repeating: "***a", count: 30_000) + " innermost " + String(repeating: "a***", count: 30_000) + "\n", marker: "innermost", tooDeep: false),
        Case(name: "15,000 nested ***a … a***", markdown: Generate.nestedTripleStars(15_000), marker: "innermost", tooDeep: true),
        Case(name: "20,000 nested *a **b", markdown: Generate.nestedEmphasis(20_000), marker: "innermost", tooDeep: true),
        Case(name: "100,000 unclosed *a **b", markdown: Generate.unclosedEmphasis(100_000), marker: "innermost", tooDeep: false),
        Case(name: "an image under 40 emphases", markdown: String(repeating: "*a ", count: 40) + "![innermost](i.png)" + String(repeating: " a*", count: 40) + "\n", marker: "innermost", tooDeep: true),
        Case(name: "10,000 nested images", markdown: Generate.nestedImages(10_000), marker: "innermost", tooDeep: true),
        Case(name: "backtick runs up to 1,400", markdown: Generate.backtickRuns(1_400), marker: "innermost", tooDeep: false),
        Case(name: "a million backticks", markdown: String(repeating: "`", count: 1_000_000) + "innermost\n", marker: "innermost", tooDeep: false),
    ]

    @Test(arguments: cases)
    func pathologicalInputIsCappedAndKeepsItsText(_ input: Case) throws {
        let markdown = "# Deep\n\n" + input.markdown
        let clock = ContinuousClock()
        var parsed: (document: PolicyDocument?, diagnostics: [Diagnostic], html: String) = (nil, [], "")
        let ours = clock.measure {
            var diagnostics: [Diagnostic] = []
            let document = Self.parseDocument(markdown, diagnostics: &diagnostics)
            let html = document.map { HTMLRenderer().render($0.body.blocks) } ?? ""
            parsed = (document, diagnostics, html)
        }
        let cmarkHTML = CmarkReferenceRenderer.render(markdown)
        let cmark = clock.measure { _ = CmarkReferenceRenderer.render(markdown) }
        print("DeepNesting \(input.name): \(markdown.utf8.count) bytes, parse+render \(ours), cmark only \(cmark)")

        let document = try #require(parsed.document)
        let depth = Self.depth(of: document.body.blocks)
        #expect(depth.blocks <= MarkdownParser.maxBlockDepth)
        #expect(depth.inlines <= MarkdownParser.maxInlineDepth)
        let warnings = parsed.diagnostics.filter { $0.code == .nestingTooDeep }
        #expect(warnings.count == (input.tooDeep ? 1 : 0), "\(warnings)")
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics)")
        #expect(document.headings.map(\.anchor) == ["deep"])

        // No text is lost: the innermost word is there, and so is every other visible character.
        // (Booleans first, so a failure does not print megabytes of HTML.)
        let hasMarker = parsed.html.contains(input.marker)
        let sameText = Self.visibleText(parsed.html) == Self.visibleText(cmarkHTML)
        #expect(hasMarker, "'\(input.marker)' is missing from the HTML")
        #expect(sameText, "the visible text differs from cmark's")
        #expect(ours < .seconds(10), "parse+render took \(ours)")
    }

    @Test func normalDocumentIsNotFlattened() {
        var diagnostics: [Diagnostic] = []
        let markdown = "# Terms\n\n> Quoted *text* with a [link](https://example.com).\n\n- one\n  - two\n    > three\n"
        let document = Self.parseDocument(markdown, diagnostics: &diagnostics)
        #expect(document?.body.flattened == nil)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
    }

    @Test func nestingUpToTheLimitIsKeptExactly() {
        // 32 quotes; 16 lists of one item each (32 levels); 32 alternating emphases; 16 `***`.
        let cases = [Generate.nestedQuotes(32), Generate.nestedItems(16, marker: "-"), Generate.nestedEmphasis(32), Generate.nestedTripleStars(16)]
        for markdown in cases {
            let document = MarkdownParser.parse(markdown)
            #expect(document.flattened == nil)
            let depth = Self.depth(of: document.blocks)
            #expect(max(depth.blocks, depth.inlines) == 32)
            // Our tight list items differ from cmark's in line breaks only (see HTMLRenderer).
            let ours = HTMLRenderer().render(document.blocks).filter { $0 != "\n" }
            #expect(ours == CmarkReferenceRenderer.render(markdown).filter { $0 != "\n" })
        }
    }

    @Test func oneLevelTooDeepIsFlattenedAndReportedWhereItStarts() throws {
        // The 33rd `>` is at column 65.
        let quotes = MarkdownParser.parse("Intro\n\n" + Generate.nestedQuotes(33))
        #expect(quotes.flattened == FlattenedNesting(first: MarkdownPosition(line: 3, column: 65), count: 1))
        #expect(Self.depth(of: quotes.blocks).blocks == 32)
        // A 17th list has no room for its item too: both are flattened.
        let lists = MarkdownParser.parse(Generate.nestedItems(17, marker: "-"))
        #expect(lists.flattened?.count == 2)
        #expect(HTMLRenderer().render(lists.blocks).contains("innermost"))
        // The 33rd opener, `*w32`, starts the first flattened emphasis.
        let markdown = Generate.nestedEmphasis(33)
        let emphasis = MarkdownParser.parse(markdown)
        let opener = try #require(markdown.range(of: "*w32 "))
        let column = markdown.utf8.distance(from: markdown.startIndex, to: opener.lowerBound) + 1
        #expect(emphasis.flattened == FlattenedNesting(first: MarkdownPosition(line: 1, column: column), count: 1))
        #expect(Self.depth(of: emphasis.blocks).inlines == 32)
    }

    @Test func warningPointsAtTheFileLineAndColumn() throws {
        var diagnostics: [Diagnostic] = []
        _ = Self.parseDocument("---\ntitle: Deep\n---\n\n" + Generate.nestedQuotes(40), diagnostics: &diagnostics)
        let warning = try #require(diagnostics.first { $0.code == .nestingTooDeep })
        #expect(warning.location == PolicyCore.SourceLocation(file: "Content/terms/2024-01-01/en.md", line: 5, column: 65))
        #expect(warning.message.contains("deeper than 32 levels") && warning.message.contains("and in 7 more places"))
    }

    /// A whole site with one pathological version file builds (with a warning), never crashes.
    @Test func siteWithADeepFileBuilds() throws {
        let workspace = try TestSupport.temporaryDirectory()
        let content = workspace.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("sites/basic/Content"), to: content)
        let deep = "---\n---\n\n# Deep\n\n" + Generate.nestedQuotes(50_000) + "\n" + Generate.indentedList(300) + String(repeating: "[", count: 100_000) + "\n"
        try Data(deep.utf8).write(to: content.appendingPathComponent("terms/2024-01-01/en.md"))
        let output = workspace.appendingPathComponent("Output")

        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: content.path,
            templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
            outputDirectory: output.path,
            asOf: CalendarDate(iso: "2025-06-01")!
        ))
        #expect(report.exitStatus == .success, "\(report.diagnostics)")
        // The fixture's own warnings (its raw HTML, its missing translations) come too; the deep
        // file adds exactly one.
        let nesting = report.diagnostics.filter { $0.code == .nestingTooDeep }
        #expect(nesting.count == 1)
        #expect(nesting.first?.location.line == 6)
        let page = try String(contentsOf: output.appendingPathComponent("en/terms/2024-01-01/index.html"), encoding: .utf8)
        let keptText = page.contains("innermost") && page.contains("item299")
        #expect(keptText)
    }

    /// Equal headings once made anchors by probing `-1`, `-2`, … from the start each time.
    @Test func manyEqualHeadingsGetAnchorsInLinearTime() {
        let count = 30_000
        let markdown = "## Limits {#limits-2}\n\n" + String(repeating: "## Limits\n\n", count: count)
        let clock = ContinuousClock()
        var anchors: [String] = []
        let elapsed = clock.measure {
            anchors = OutlineExtractor.extract(MarkdownParser.parse(markdown)) { PolicyCore.SourceLocation(file: "t.md", line: $0.line, column: $0.column) }.headings.map(\.anchor)
        }
        print("DeepNesting \(count) equal headings: \(elapsed)")
        #expect(anchors.prefix(5) == ["limits-2", "limits", "limits-1", "limits-3", "limits-4"])
        #expect(Set(anchors).count == count + 1)
        #expect(elapsed < .seconds(10))
    }

    /// Looking for `{#id}` walked a heading backward, which is quadratic over flag emoji.
    @Test func headingOfFlagsEndingInABraceIsLinear() {
        let flags = String(repeating: "🇺🇸", count: 100_000)
        let clock = ContinuousClock()
        var headings: [Heading] = []
        let elapsed = clock.measure {
            headings = OutlineExtractor.extract(MarkdownParser.parse("## {" + flags + "}\n")) { PolicyCore.SourceLocation(file: "t.md", line: $0.line, column: $0.column) }.headings
        }
        print("DeepNesting heading of 100,000 flags: \(elapsed)")
        #expect(headings.count == 1 && headings.first?.id == nil)
        #expect(headings.first?.plainText == "{" + flags + "}")
        #expect(elapsed < .seconds(10))
    }

    /// The splitter now works on bytes; it must cut where the line-based original did.
    @Test func frontMatterSplitAgreesWithSplittingLines() throws {
        func reference(_ text: String) -> SplitSource? {
            let normalized = FrontMatterSplitter.normalize(text)
            func isDelimiter(_ line: Substring) -> Bool {
                var line = line
                while line.last == " " || line.last == "\t" { line.removeLast() }
                return line == "---"
            }
            var lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
            guard let first = lines.first, isDelimiter(first) else { return SplitSource(frontMatter: nil, body: normalized, bodyStartLine: 1) }
            lines.removeFirst()
            guard let closing = lines.firstIndex(where: isDelimiter) else { return nil }
            return SplitSource(frontMatter: lines[..<closing].joined(separator: "\n"), body: lines[(closing + 1)...].joined(separator: "\n"), bodyStartLine: closing + 3)
        }
        let inputs = [
            "---", "---\n", "---\n---", "---\n---\n", "--- \t\n a: 1\n\n---\t\nbody\n\n", "\u{FEFF}---\r\na: é\r---\r\n\r\nx\r",
            "---\u{301}\n---\nx", "---\n--- \u{301}\n---\nx\n", "----\n---\n", "x\n---\n---\n", "", "\n---\n---\n", "---\na\n---\n\u{301}body\n",
            "---\n" + String(repeating: "k: v\r\n", count: 10_000) + "---\n" + String(repeating: "🇺🇸", count: 1_000) + "\n",
        ]
        for input in inputs {
            let actual = try? FrontMatterSplitter.split(input)
            #expect(actual == reference(input), "\(input.debugDescription.prefix(80))")
        }
        // And a few megabytes of CRLF text stay fast.
        let big = "---\r\ntitle: T\r\n---\r\n" + String(repeating: "line of text\r\n", count: 200_000)
        let clock = ContinuousClock()
        var split: SplitSource?
        let elapsed = clock.measure { split = try? FrontMatterSplitter.split(big) }
        #expect(split?.bodyStartLine == 4 && split?.body.utf8.count == 13 * 200_000)
        #expect(elapsed < .seconds(10))
    }

    // MARK: - Helpers

    /// Parses `markdown` as `Content/terms/2024-01-01/en.md` through the real `parseDocument`.
    static func parseDocument(_ markdown: String, diagnostics: inout [Diagnostic]) -> PolicyDocument? {
        let content = DirectorySnapshot(root: "Content", files: [])
        let file = SnapshotFile(path: "terms/2024-01-01/en.md", text: markdown)
        return SiteParser.parseDocument(file, language: LanguageTag("en")!, in: content, diagnostics: &diagnostics)
    }

    /// The deepest nesting of block containers (quotes, lists, items) and of inline containers
    /// (emphasis, strong, links, images), measured with a work list so a deep tree cannot
    /// overflow the stack here.
    static func depth(of blocks: [MarkdownBlock]) -> (blocks: Int, inlines: Int) {
        enum Node {
            case block(MarkdownBlock, depth: Int)
            case inline(MarkdownInline, depth: Int)
        }
        var pending = blocks.map { Node.block($0, depth: 0) }
        var deepest = (blocks: 0, inlines: 0)
        while let node = pending.popLast() {
            switch node {
            case .block(let block, let depth):
                deepest.blocks = max(deepest.blocks, depth)
                switch block.kind {
                case .paragraph(let inlines), .heading(_, let inlines):
                    pending += inlines.map { .inline($0, depth: 0) }
                case .blockQuote(let children):
                    deepest.blocks = max(deepest.blocks, depth + 1)
                    pending += children.map { .block($0, depth: depth + 1) }
                case .list(let list):
                    // The list is one level, each item another.
                    deepest.blocks = max(deepest.blocks, depth + (list.items.isEmpty ? 1 : 2))
                    pending += list.items.joined().map { .block($0, depth: depth + 2) }
                case .table(let table):
                    pending += table.cells.joined().map { .inline($0, depth: 0) }
                case .codeBlock, .htmlBlock, .thematicBreak:
                    break
                }
            case .inline(let inline, let depth):
                deepest.inlines = max(deepest.inlines, depth)
                switch inline {
                case .emphasis(let children), .strong(let children):
                    pending += children.map { .inline($0, depth: depth + 1) }
                    deepest.inlines = max(deepest.inlines, depth + 1)
                case .link(let link), .image(let link):
                    pending += link.content.map { .inline($0, depth: depth + 1) }
                    deepest.inlines = max(deepest.inlines, depth + 1)
                case .text, .code, .html, .softBreak, .lineBreak:
                    break
                }
            }
        }
        return deepest
    }

    /// The characters a reader sees, outside tags and without white space, so that our HTML
    /// and cmark's compare equal when the same text is kept, whatever structure surrounds it.
    /// Alt text counts: an image flattened inside a link or emphasis shows its alt as text.
    static func visibleText(_ html: String) -> [UInt8] {
        let withAlt = html.replacingOccurrences(of: "<img [^>]*alt=\"([^\"]*)\"[^>]*>", with: "$1", options: .regularExpression)
        var result: [UInt8] = []
        result.reserveCapacity(withAlt.utf8.count)
        var inTag = false
        for byte in withAlt.utf8 {
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">") where inTag: inTag = false
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"): break
            default: if !inTag { result.append(byte) }
            }
        }
        return result
    }
}
