@testable import PolicySource
import Testing

/// Front matter that lacks its opening `---` is found; Markdown that only starts like it is not.
@Suite struct UnopenedFrontMatterTests {
    @Test func keysClosedByDashesAreFound() {
        let finding = UnopenedFrontMatter.find(in: "summary: We changed things.\ntitle: Privacy\n---\n\n## Scope\n")
        #expect(finding == UnopenedFrontMatter.Finding(line: 1, key: "summary", closingLine: 3))
    }

    @Test func foldedValuesAndBlankLinesMayComeBetween() {
        let text = "\ntitle: Privacy\nsummary: >\n  We now name\n  our providers.\n\nmaterial: true\n---  \nText\n"
        #expect(UnopenedFrontMatter.find(in: text) == UnopenedFrontMatter.Finding(line: 2, key: "title", closingLine: 8))
    }

    @Test func anUnknownKeyCountsWhenAKnownOneIsThere() {
        // A typo in the first key is still front matter when another key is a real one.
        #expect(UnopenedFrontMatter.find(in: "sumary: x\ndraft: true\n---\n")?.line == 1)
    }

    @Test func ordinaryMarkdownIsLeftAlone() {
        // A first paragraph that starts with a word and a colon, without a closing `---`.
        #expect(UnopenedFrontMatter.find(in: "Note: this applies to all services.\n\n## Scope\n\nText.\n\n---\n") == nil)
        // Known keys, but no closing line.
        #expect(UnopenedFrontMatter.find(in: "summary: we changed things\n\nMore text.\n") == nil)
        // A setext heading whose text is not a front-matter key.
        #expect(UnopenedFrontMatter.find(in: "Contact: us\n---\n") == nil)
        // Keys are case-sensitive in YAML: `Title` is no front-matter key.
        #expect(UnopenedFrontMatter.find(in: "Title: Privacy\n---\n") == nil)
        // A URL is no key, and prose between the keys and the dashes ends the search.
        #expect(UnopenedFrontMatter.find(in: "https://example.com\n---\n") == nil)
        #expect(UnopenedFrontMatter.find(in: "title: x\nSome prose here.\n---\n") == nil)
        // An indented first line is a code block, not YAML.
        #expect(UnopenedFrontMatter.find(in: "    title: x\n---\n") == nil)
        #expect(UnopenedFrontMatter.find(in: "") == nil)
        #expect(UnopenedFrontMatter.find(in: "---\n") == nil)
    }

    @Test func hostileInputIsCheap() {
        // A megabyte of one line, and many key lines without a closing `---`, end without a finding.
        #expect(UnopenedFrontMatter.find(in: String(repeating: "a", count: 1_000_000)) == nil)
        #expect(UnopenedFrontMatter.find(in: String(repeating: "title: x\n", count: 100_000)) == nil)
        #expect(UnopenedFrontMatter.find(in: String(repeating: ":", count: 100_000) + "\n---\n") == nil)
    }
}
