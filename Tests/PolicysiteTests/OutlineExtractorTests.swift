import PolicyCore
import PolicyMarkdown
import PolicyModel
import PolicySource
import Testing

@Suite struct OutlineExtractorTests {
    func outline(_ markdown: String) -> OutlineExtractor.Result {
        OutlineExtractor.extract(MarkdownParser.parse(markdown)) { SourceLocation(file: "t.md", line: $0.line, column: $0.column) }
    }

    @Test func headingIDsAreTakenAndStripped() {
        let result = outline("## Information we collect {#collection}\n\nText\n\n## Contact {#contact}\n")
        #expect(result.headings.map(\.id?.rawValue) == ["collection", "contact"])
        #expect(result.headings.map(\.anchor) == ["collection", "contact"])
        #expect(result.headings.map(\.plainText) == ["Information we collect", "Contact"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func headingsWithoutIDGetSlugAnchors() {
        let result = outline("## How we use data\n\n## Données & cookies!\n\n## 联系我们\n")
        #expect(result.headings.map(\.id) == [nil, nil, nil])
        #expect(result.headings.map(\.anchor) == ["how-we-use-data", "données-cookies", "联系我们"])
    }

    @Test func repeatedSlugsAreMadeUnique() {
        let result = outline("## Limits\n\n### Limits\n\n## limits {#limits-1}\n\n## Limits\n")
        // The explicit id is reserved first; the slugs step around it.
        #expect(result.headings.map(\.anchor) == ["limits", "limits-2", "limits-1", "limits-3"])
    }

    @Test func nestingKeepsLevels() {
        let result = outline("## A {#a}\n\n### A1 {#a1}\n\n#### A1x\n\n## B {#b}\n")
        #expect(result.headings.map(\.level) == [2, 3, 4, 2])
        #expect(result.headings.map(\.anchor) == ["a", "a1", "a1x", "b"])
    }

    @Test func headingsInsideListsAndQuotesAreNotSections() {
        let result = outline("## A {#a}\n\n> ## Quoted {#q}\n\n- ## Listed\n")
        #expect(result.headings.map(\.anchor) == ["a"])
    }

    @Test func inlineCodeAndEmphasisSurviveIDStripping() {
        let result = outline("## Use of the `API` and *limits* {#api}\n")
        let heading = result.headings[0]
        #expect(heading.id?.rawValue == "api")
        #expect(heading.content == [.text("Use of the "), .code("API"), .text(" and "), .emphasis([.text("limits")])])
        #expect(heading.plainText == "Use of the API and limits")
    }

    @Test func idAfterEmphasisLeavesNoTrailingSpace() {
        let heading = outline("## Read *this* {#this}\n").headings[0]
        #expect(heading.content == [.text("Read "), .emphasis([.text("this")])])
    }

    @Test func duplicateIDsAreReported() {
        let result = outline("## A {#same}\n\n## B {#same}\n")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics[0].code == .duplicateID)
        #expect(result.diagnostics[0].location.line == 3)
    }

    @Test func invalidIDsAreReported() {
        let result = outline("## A {#not/valid}\n")
        #expect(result.diagnostics.map(\.code) == [.invalidID])
        #expect(result.headings[0].id == nil)
    }

    @Test func bracesThatAreNotIDsStay() {
        let heading = outline("## Set {a, b}\n").headings[0]
        #expect(heading.plainText == "Set {a, b}")
        #expect(heading.id == nil)
    }
}
