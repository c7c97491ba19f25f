import Foundation
import PolicyMarkdown
import PolicyModel
import PolicyRender
import Testing

@Suite struct MarkdownRenderingTests {
    func html(_ markdown: String) -> String {
        HTMLRenderer().render(MarkdownParser.parse(markdown).blocks)
    }

    @Test func rawHTMLIsOmitted() {
        let output = html("<script>alert(1)</script>\n\nText with <b>bold</b>.\n")
        #expect(!output.contains("<script"))
        #expect(!output.contains("<b>"))
        #expect(output.contains("<!-- raw HTML omitted -->"))
    }

    @Test func unsafeLinksAreEmptied() {
        let output = html("[a](javascript:alert(1)) [b](VBScript:x) [c](data:text/html,x) [d](data:image/png;base64,AA==) [e](https://example.com/?a=1&b=2)")
        #expect(output.contains("<a href=\"\">a</a>"))
        #expect(output.contains("<a href=\"\">b</a>"))
        #expect(output.contains("<a href=\"\">c</a>"))
        #expect(output.contains("href=\"data:image/png;base64,AA==\""))
        #expect(output.contains("href=\"https://example.com/?a=1&amp;b=2\""))
    }

    @Test func textIsEscaped() {
        #expect(html("5 < 6 & \"quotes\"\n") == "<p>5 &lt; 6 &amp; &quot;quotes&quot;</p>\n")
    }

    @Test func matchesCmarkForCommonBlocks() {
        let markdown = "Intro *em* **strong** `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n> quoted\n\n```swift\nlet x = 1 < 2\n```\n\n---\n\nLine  \nbreak\n"
        #expect(html(markdown) == CmarkReferenceRenderer.render(markdown).replacingOccurrences(of: "<hr />", with: "<hr>").replacingOccurrences(of: "<br />", with: "<br>"))
    }

    @Test func looseListsKeepParagraphs() {
        let markdown = "- one\n\n- two\n"
        #expect(html(markdown) == CmarkReferenceRenderer.render(markdown))
    }

    @Test func headingsGetTheirIDs() {
        let document = MarkdownParser.parse("## Contact\n")
        let renderer = HTMLRenderer(headingID: { _ in "contact" })
        #expect(renderer.render(document.blocks) == "<h2 id=\"contact\">Contact</h2>\n")
    }

    @Test func effectiveDatesAreFormattedPerLanguage() {
        let languages = ["en", "zh-Hans", "ar"].compactMap(LanguageTag.init)
        let formatting = DateFormatting(languages: languages)
        let date = CalendarDate(iso: "2023-05-31")!
        #expect(formatting.format(date, for: languages[0]) == "May 31, 2023")
        #expect(formatting.format(date, for: languages[1]) == "2023年5月31日")
        #expect(formatting.format(date, for: languages[2]).contains("مايو"))
    }
}
