import Foundation
import Testing

/// Headings and links as real policies write them: `#` headings in the body, skipped levels,
/// empty headings, links without text, `<br>` in table cells.
@Suite struct RealHeadingsTests {
    static let body = """
        ---
        title: Privacy
        ---

        # Privacy Policy

        ### Who we are {#contact}

        Write to [](https://example.com/contact) or [us](https://example.com/).

        ###

        ##### What we collect {#collection}

        | Data | Legal basis |
        | --- | --- |
        | Name (mandatory)<br>Email address | Contractual necessity<br/>Your consent |

        # Another top heading

        Text.

        """

    @Test func oneH1NoSkippedLevelsNoEmptyLinksAndWarningsAtTheirPlace() throws {
        let directory = try TestSupport.temporaryDirectory()
        let version = directory.appendingPathComponent("Content/privacy/2024-01-01")
        try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
        try Data("title: T\nbaseURL: https://example.com/\nlanguages: [en]\nrequired: [contact]\n".utf8)
            .write(to: directory.appendingPathComponent("Content/site.yml"))
        try Data(Self.body.utf8).write(to: version.appendingPathComponent("en.md"))

        let check = try TestSupport.run(["check", "--as-of", "2024-06-01"], in: directory)
        #expect(check.stderr.contains("Content/privacy/2024-01-01/en.md:9:10: warning: link to 'https://example.com/contact' has no text"), "\(check.stderr)")
        #expect(check.stderr.contains("Content/privacy/2024-01-01/en.md:11:1: warning: heading has no text"), "\(check.stderr)")
        #expect(!check.stderr.contains("raw-html"), "\(check.stderr)")

        let build = try TestSupport.run(["build", "--as-of", "2024-06-01"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        let page = try String(contentsOf: directory.appendingPathComponent("Output/en/privacy/index.html"), encoding: .utf8)
        #expect(page.components(separatedBy: "<h1").count == 2, "the page title is the only h1")
        // `#` → h2, `###` under it → h3 (not skipped), `#####` → h4, the next `#` → h2. The text
        // follows the title and the contents (whose "Contents" heading is an h2 too).
        let text = page[(page.range(of: "<div class=\"policy\"")?.lowerBound ?? page.startIndex)...]
        let levels = text.matches(of: /<h([1-6])[ >]/).map { Int($0.output.1)! }
        #expect(Array(levels.prefix(5)) == [2, 3, 3, 4, 2], "\(levels)")
        // The empty heading is not a nameless link in the table of contents.
        #expect(!page.contains("\"></a>"), "no link without a name")
        #expect(page.contains(">https://example.com/contact</a>"))
        #expect(page.contains("Name (mandatory)<br>\nEmail address"))
        #expect(page.contains("Contractual necessity<br>\nYour consent"))
    }
}
