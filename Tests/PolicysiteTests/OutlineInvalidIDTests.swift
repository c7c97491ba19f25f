import PolicyCore
import PolicyMarkdown
import PolicyModel
import PolicySource
import Testing

/// Any trailing `{#...}` is the author's attempt at an id: a bad one is reported and still
/// removed from the heading, so it never shows in the page.
@Suite struct OutlineInvalidIDTests {
    func outline(_ markdown: String) -> OutlineExtractor.Result {
        OutlineExtractor.extract(MarkdownParser.parse(markdown)) { SourceLocation(file: "t.md", line: $0.line, column: $0.column) }
    }

    @Test(arguments: [
        ("## Your rights {#Your Rights}", "'{#Your Rights}' is not a valid section id; use ASCII letters, digits, '-' and '_', e.g. {#your-rights}"),
        ("## Your rights {#a b}", "'{#a b}' is not a valid section id; use ASCII letters, digits, '-' and '_', e.g. {#a-b}"),
        ("## Your rights {#}", "'{#}' is an empty section id; write an id of ASCII letters, digits, '-' and '_' such as {#contact}, or remove the braces"),
        ("## Your rights {#联系}", "'{#联系}' is not a valid section id; write an id of ASCII letters, digits, '-' and '_' such as {#contact}, or remove the braces"),
    ])
    func malformedIDsAreReportedAndStripped(markdown: String, message: String) {
        let result = outline(markdown + "\n\nText.\n")
        #expect(result.diagnostics.map(\.code) == [.invalidID])
        #expect(result.diagnostics.first?.message == message)
        #expect(result.diagnostics.first?.location.line == 1)
        #expect(result.headings[0].plainText == "Your rights")
        #expect(result.headings[0].id == nil)
        #expect(result.headings[0].anchor == "your-rights")
    }

    @Test func bracesWithoutHashStayText() {
        let result = outline("## Sets {a b}\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.headings[0].plainText == "Sets {a b}")
    }
}
