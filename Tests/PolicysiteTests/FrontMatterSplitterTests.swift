import PolicySource
import Testing

@Suite struct FrontMatterSplitterTests {
    @Test func splitsFrontMatterFromBody() throws {
        let split = try FrontMatterSplitter.split("---\ntitle: Terms\n---\n\nBody text.\n")
        #expect(split.frontMatter == "title: Terms")
        #expect(split.body == "\nBody text.\n")
        #expect(split.bodyStartLine == 4)
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let split = try FrontMatterSplitter.split("# Title\n\nText\n")
        #expect(split.frontMatter == nil)
        #expect(split.body == "# Title\n\nText\n")
        #expect(split.bodyStartLine == 1)
    }

    @Test func emptyFrontMatterIsEmptyYAML() throws {
        let split = try FrontMatterSplitter.split("---\n---\nText\n")
        #expect(split.frontMatter == "")
        #expect(split.body == "Text\n")
        #expect(split.bodyStartLine == 3)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let split = try FrontMatterSplitter.split("\u{FEFF}---\ntitle: T\n---\nText\n")
        #expect(split.frontMatter == "title: T")
        #expect(split.body == "Text\n")
    }

    @Test func crlfLineEndsBecomeLF() throws {
        let split = try FrontMatterSplitter.split("---\r\ntitle: T\r\nsummary: S\r\n---\r\n\r\nText\r\nMore\r\n")
        #expect(split.frontMatter == "title: T\nsummary: S")
        #expect(split.body == "\nText\nMore\n")
        #expect(split.bodyStartLine == 5)
        #expect(!split.body.unicodeScalars.contains("\r"))
    }

    @Test func loneCarriageReturnsBecomeLF() {
        #expect(FrontMatterSplitter.normalize("a\rb\r\nc") == "a\nb\nc")
    }

    @Test func unclosedFrontMatterIsAnError() {
        #expect(throws: FrontMatterError.unclosed(line: 1)) {
            try FrontMatterSplitter.split("---\ntitle: T\n\nText\n")
        }
    }

    @Test func delimiterMayHaveTrailingSpaces() throws {
        let split = try FrontMatterSplitter.split("---  \ntitle: T\n--- \nText")
        #expect(split.frontMatter == "title: T")
        #expect(split.body == "Text")
    }

    @Test func dashesLaterInTheFileAreNotFrontMatter() throws {
        let split = try FrontMatterSplitter.split("Text\n\n---\n\nMore\n")
        #expect(split.frontMatter == nil)
    }
}
