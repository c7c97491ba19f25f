import Foundation
import Testing

/// The version page's order is phone first: date line, notices and title, then the contents,
/// then the text, all inside `main`; a section's subsections open from a button named after it.
@Suite struct VersionPageLayoutTests {
    func site() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        let version = content.appendingPathComponent("privacy/2024-06-01")
        try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
        try Data("title: Example\nbaseURL: https://policies.example.com/\nlanguages: [en, ar]\ngoverningLanguage: en\nrequired: [contact]\n".utf8)
            .write(to: content.appendingPathComponent("site.yml"))
        // English only: the Arabic page shows the English text with a notice.
        try Data("---\ntitle: Privacy\n---\n\nText.\n\n## Data {#data}\n\nWe keep little.\n\n### Accounts {#accounts}\n\nAn email.\n\n## Contact {#contact}\n\nWrite to us.\n".utf8)
            .write(to: version.appendingPathComponent("en.md"))
        return directory
    }

    func page(_ path: String, in directory: URL) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    /// The offset of the first occurrence of `needle`, failing the test when absent.
    func position(of needle: String, in html: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        guard let range = html.range(of: needle) else {
            Issue.record("missing \(needle)", sourceLocation: sourceLocation)
            return -1
        }
        return html.distance(from: html.startIndex, to: range.lowerBound)
    }

    @Test func titleAndNoticesComeBeforeTheContentsWhichComeBeforeTheText() throws {
        let directory = try site()
        let build = try TestSupport.run(["build", "--as-of", "2025-01-01"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        for path in ["Output/en/privacy/index.html", "Output/ar/privacy/2024-06-01/index.html"] {
            let html = try page(path, in: directory)
            let order = ["<main id=\"ps-main\"", "class=\"version-line\"", "<h1>", "<nav class=\"toc\"", "<div class=\"policy\"", "</main>"]
                .map { position(of: $0, in: html) }
            #expect(order == order.sorted(), "\(path): \(order)")
            // The contents are one <details>, closed in the markup (the stylesheet shows it open
            // beside the text on wide screens), whose summary is the "Contents" heading.
            #expect(html.contains("<details class=\"toc-box\">\n<summary class=\"toc-summary\"><h2 id=\"ps-toc-title\">"), "\(path)")
        }
        let arabic = try page("Output/ar/privacy/2024-06-01/index.html", in: directory)
        #expect(position(of: "notice-fallback", in: arabic) < position(of: "<h1>", in: arabic))
    }

    @Test func subsectionsOpenFromAButtonNamedInThePagesLanguage() throws {
        let directory = try site()
        let build = try TestSupport.run(["build", "--as-of", "2025-01-01"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        let english = try page("Output/en/privacy/index.html", in: directory)
        #expect(english.contains("""
        <li><a href="#data">Data</a>
        <details class="toc-sub">
        <summary><span class="toc-sub-label" lang="en" dir="ltr">Subsections of Data</span></summary>
        <ol>
        <li><a href="#accounts">Accounts</a></li>
        </ol>
        </details>
        </li>
        """), "\(english)")
        // A section without subsections has no button.
        #expect(english.contains("<li><a href=\"#contact\">Contact</a></li>"))
        // The Arabic page shows the English text: the button's name is Arabic, the list English.
        let arabic = try page("Output/ar/privacy/index.html", in: directory)
        #expect(arabic.contains("<ol class=\"toc-list\" lang=\"en\" dir=\"ltr\">"))
        #expect(arabic.contains("<span class=\"toc-sub-label\" lang=\"ar\" dir=\"rtl\">الأقسام الفرعية في Data</span>"))
    }
}
