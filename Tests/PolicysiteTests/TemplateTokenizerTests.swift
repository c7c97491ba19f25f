@testable import PolicyRender
import Testing

@Suite struct TemplateTokenizerTests {
    @Test func readsEveryKindOfTag() {
        let source = "a {{x}} {{{y}}} {{&z}}\n{{#s}}{{^i}}{{/i}}{{/s}}{{> p}}{{! a\ncomment }}{{<l}}{{$b}}{{/b}}{{/l}}{{%CONTENT_TYPE: TEXT}}"
        let result = TemplateTokenizer.tokenize(source)
        #expect(result.problem == nil)
        #expect(result.tags.map(\.kind) == [
            .variable, .unescaped, .unescaped, .section, .inverted, .close, .close, .partial, .comment, .parent, .block, .close, .close, .pragma,
        ])
        #expect(result.tags.map(\.name) == ["x", "y", "z", "s", "i", "i", "s", "p", "", "l", "b", "b", "l", "CONTENT_TYPE: TEXT"])
        // Opening tags know their closing tag.
        #expect(result.tags[3].close == 6)
        #expect(result.tags[4].close == 5)
        #expect(result.tags[9].close == 12)
        #expect(result.tags[10].close == 11)
        #expect(result.tags[0].close == nil)
    }

    @Test func positionsPointAtTheNameInUTF8Bytes() {
        // "é" is two bytes: the name starts at byte column 7.
        let tags = TemplateTokenizer.tokenize("é {{ name }}\n{{#\n  items }}{{/items}}").tags
        #expect((tags[0].line, tags[0].column) == (1, 7))
        // A name on the line after its `{{#` is placed where it is.
        #expect((tags[1].line, tags[1].column) == (3, 3))
        #expect((tags[2].line, tags[2].column) == (3, 14))
    }

    @Test func deepNestingIsRefusedWithoutRecursion() {
        let limit = TemplateTokenizer.maximumDepth
        let fine = String(repeating: "{{#a}}", count: limit) + String(repeating: "{{/a}}", count: limit)
        #expect(TemplateTokenizer.tokenize(fine).problem == nil)
        let hostile = String(repeating: "{{#a}}", count: 200_000)
        let problem = TemplateTokenizer.tokenize(hostile).problem
        #expect(problem?.message.contains("nest more than \(limit) deep") == true)
        #expect(problem?.column == limit * 6 + 4)
    }

    @Test func malformedTagsAreReportedWhereTheyAre() {
        func problem(_ source: String) -> String? {
            TemplateTokenizer.tokenize(source).problem.map { "\($0.line):\($0.column): \($0.message)" }
        }
        #expect(problem("ok\n  {{name") == "2:3: this tag is not closed; end it with }}")
        #expect(problem("{{{name}}") == "1:1: this tag is not closed; end it with }}}")
        #expect(problem("{{#a}}{{/b}}") == "1:10: '{{/b}}' does not close 'a', opened at line 1; close that first")
        #expect(problem("{{/a}}") == "1:4: '{{/a}}' closes nothing; remove it or open 'a' before it")
        #expect(problem("x\n{{#a}}") == "2:4: 'a' is opened here but never closed; add {{/a}}")
        #expect(problem("{{=<% %>=}}")?.hasPrefix("1:1: set-delimiter tags are not supported") == true)
    }
}
