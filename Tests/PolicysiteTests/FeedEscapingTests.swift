import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolicyModel
@testable import PolicyRender
import Testing

/// Summaries come from YAML and may hold anything: versions.json and the feed stay parseable.
@Suite struct FeedEscapingTests {
    static let hostile = "a \"quote\" \\ <b>&amp;</b> ' \u{1}\u{8}\u{1F} \u{2028} tab\there 中文 عربي"

    func version() -> FeedVersion {
        FeedVersion(effective: CalendarDate(iso: "2025-01-01")!, inForceUntil: nil, status: .current,
                    url: "https://example.com/en/p/2025-01-01/?a=1&b=2", changesURL: nil,
                    summary: Self.hostile, summaryLanguage: LanguageTag("ar")!, material: true, sha256: nil, title: Self.hostile)
    }

    @Test func versionsJSONRoundTripsAnySummary() throws {
        let json = VersionsJSON.render(policy: PolicySlug("p")!, language: LanguageTag("en")!, versions: [version()])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let versions = try #require(object["versions"] as? [[String: Any]])
        #expect(versions.first?["summary"] as? String == Self.hostile)
    }

    @Test func feedDropsCharactersXMLForbidsAndEscapesTheRest() {
        let xml = AtomFeed.render(title: Self.hostile, author: "<me>", language: LanguageTag("en")!, homeURL: "https://example.com/en/p/",
                                  feedURL: "https://example.com/en/p/feed.xml", versions: [version()], materialLabel: "Material")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "\(xml)")
        #expect(xml.contains("<summary type=\"text\" xml:lang=\"ar\">"))
        #expect(!xml.contains("\u{1}"))
    }
}
