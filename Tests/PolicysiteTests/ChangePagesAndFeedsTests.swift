import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolicyModel
import PolicyPipeline
import Testing

/// The basic fixture site built once: change pages for every later version in every language,
/// versions.json read back with JSONSerialization, and the Atom feed parsed with XMLParser.
@Suite struct ChangePagesAndFeedsTests {
    static let languages = ["en", "ar"]

    func builtSite() throws -> [String: Data] {
        let site = TestSupport.fixtures.appendingPathComponent("sites/basic")
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("Output")
        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: site.appendingPathComponent("Content").path,
            templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
            outputDirectory: output.path,
            asOf: CalendarDate(iso: "2025-06-01")!
        ))
        #expect(report.exitStatus == .success)
        return try TestSupport.files(under: output)
    }

    func text(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    @Test func everyLaterVersionHasAChangePageWithInsertionsAndDeletions() throws {
        let files = try builtSite()
        for language in Self.languages {
            // terms: 2024-01-01 (first), 2025-01-01, 2030-01-01; privacy has one version.
            #expect(files["\(language)/terms/changes/2024-01-01/index.html"] == nil)
            #expect(files["\(language)/privacy/changes/2024-06-01/index.html"] == nil)
            for date in ["2025-01-01", "2030-01-01"] {
                let page = text(files, "\(language)/terms/changes/\(date)/index.html")
                #expect(page.contains("<del"), "\(language) \(date)")
                #expect(page.contains("<html lang=\"\(language)\""))
                #expect(page.contains("hreflang=\"en\" href=\"https://policies.example.com/en/terms/changes/\(date)/\""))
                let versionPage = text(files, "\(language)/terms/\(date)/index.html")
                #expect(versionPage.contains("href=\"../../../\(language)/terms/changes/\(date)/\""))
                #expect(text(files, "\(language)/terms/versions/index.html").contains("../../../\(language)/terms/changes/\(date)/"))
            }
            #expect(text(files, "\(language)/terms/changes/2025-01-01/index.html").contains("<ins"))
            // The current page announces the upcoming version and links what will change.
            #expect(text(files, "\(language)/terms/index.html").contains("href=\"../../\(language)/terms/changes/2030-01-01/\""))
            #expect(text(files, "sitemap.xml").contains("<loc>https://policies.example.com/\(language)/terms/changes/2030-01-01/</loc>"))
        }
        // Arabic has no 2025 text: the page says it compares the English texts.
        #expect(text(files, "ar/terms/changes/2025-01-01/index.html").contains("notice-fallback"))
        #expect(!text(files, "en/terms/changes/2025-01-01/index.html").contains("notice-fallback"))
    }

    @Test func versionsJSONListsEveryVersionNewestFirst() throws {
        let files = try builtSite()
        let object = try #require(try JSONSerialization.jsonObject(with: files["en/terms/versions.json"] ?? Data()) as? [String: Any])
        #expect(object["policy"] as? String == "terms")
        #expect(object["lang"] as? String == "en")
        let versions = try #require(object["versions"] as? [[String: Any]])
        #expect(versions.map { $0["effective"] as? String } == ["2030-01-01", "2025-01-01", "2024-01-01"])
        #expect(versions.map { $0["status"] as? String } == ["upcoming", "current", "archived"])
        // The last day in force, inclusive: the day before 2025-01-01 took effect.
        #expect(versions[2]["inForceUntil"] as? String == "2024-12-31")
        #expect(versions[0]["inForceUntil"] is NSNull)
        #expect(versions[2]["changesURL"] is NSNull)
        #expect(versions[1]["changesURL"] as? String == "https://policies.example.com/en/terms/changes/2025-01-01/")
        #expect(versions[1]["url"] as? String == "https://policies.example.com/en/terms/2025-01-01/")
        #expect(versions[1]["summary"] as? String == "We added a section on *fair use* & limits.")
        #expect(versions[1]["material"] as? Bool == true)
        #expect(versions[2]["summary"] is NSNull)
        for version in versions {
            let digest = try #require(version["sha256"] as? String)
            #expect(digest.count == 64 && digest.allSatisfy(\.isHexDigit))
        }
    }

    @Test func feedIsWellFormedAtomWithTheRequiredElements() throws {
        let files = try builtSite()
        for language in Self.languages {
            let data = try #require(files["\(language)/terms/feed.xml"])
            let reader = AtomReader()
            let parser = XMLParser(data: data)
            parser.shouldProcessNamespaces = true
            parser.delegate = reader
            #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
            #expect(reader.feedChildren.contains("id") && reader.feedChildren.contains("title") && reader.feedChildren.contains("updated"))
            #expect(reader.feedChildren.contains("author"))
            #expect(reader.entries.count == 3)
            for entry in reader.entries {
                #expect(entry.contains("id") && entry.contains("title") && entry.contains("updated") && entry.contains("link"))
            }
            #expect(reader.categories == ["material"])
            #expect(reader.namespace == "http://www.w3.org/2005/Atom")
            #expect(text(files, "\(language)/terms/index.html").contains("type=\"application/atom+xml\""))
        }
    }
}

/// Records which elements appear directly under `feed` and under each `entry`.
private final class AtomReader: NSObject, XMLParserDelegate {
    var feedChildren: Set<String> = []
    var entries: [Set<String>] = []
    var categories: [String] = []
    var namespace: String?
    private var stack: [String] = []

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if stack.isEmpty { namespace = namespaceURI }
        if stack == ["feed"] {
            feedChildren.insert(name)
            if name == "entry" { entries.append([]) }
        } else if stack == ["feed", "entry"] {
            entries[entries.count - 1].insert(name)
            if name == "category", let term = attributes["term"] { categories.append(term) }
        }
        stack.append(name)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}
