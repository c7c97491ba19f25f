import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolicyCore
import PolicyMarkdown
import PolicyModel
import PolicyPipeline
import Testing

/// Issue 15, item 5: a whole site whose every content field carries hostile text, built for real,
/// and every output checked in its own format: HTML pages (no script, no attribute breakout),
/// feed.xml and sitemap.xml (well-formed XML whose text round-trips), versions.json (parses, the
/// summaries round-trip), and the diagnostics of a second, broken site in text, json and github.
@Suite struct HostileContentEscapingTests {
    /// Every payload, one string: markup, an attribute breakout, an entity, a CDATA end, a
    /// terminal escape and a GitHub annotation injection.
    static let payload = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> 'q' &amp; ]]> \u{1B}[2J a\r\n::error file=x::y"
    /// What HTML and XML text nodes may show of it: line breaks in a title become spaces or stay,
    /// terminal and other control characters are dropped; the markup must show as text.
    static let visibleMarkup = ["&lt;script&gt;alert(1)&lt;/script&gt;", "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", "&amp;amp;"]

    /// A YAML double-quoted scalar holding `text` exactly (control characters as \u escapes).
    static func yaml(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += String(format: "\\u%04X", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func write(_ files: [String: [UInt8]], under root: URL) throws {
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
    }

    /// A site that builds (warnings only): hostile text wherever the contract lets content be
    /// free text.
    static func buildableSite() -> [String: [UInt8]] {
        let p = payload
        let heading = "<script>alert(1)</script> \"><img src=x onerror=alert(1)> &amp; ]]> \u{1B}[2J 'x'"
        func version(summary: String?, extra: String) -> [UInt8] {
            var text = "---\ntitle: \(yaml(p))\n"
            if let summary { text += "summary: \(yaml(summary))\n" }
            text += "material: true\n---\n\n"
            text += "Intro with NUL \u{0}, an escape \u{1B}[2J, \(p.replacingOccurrences(of: "\r\n", with: " "))\n\n"
            text += "## \(heading) {#scope}\n\nScope text \(heading).\n\n"
            text += "## \(heading)\n\nA heading without an id: its anchor is a slug of hostile text. [Back](#scope)\n\n"
            text += "## Links {#links}\n\n"
            text += "[js](javascript:alert(1)) [breakout](https://example.com/\"><script>alert(1)</script>) "
            text += "[quote](<https://example.com/'onmouseover='alert(1)>) [entity](https://example.com/?a=1&amp;b=]]>) "
            text += "[other](policy:other#contact) [<script>alert(1)</script>](policy:other) [here](#links)\n\n"
            text += "`<script>alert(1)</script>` and <script>alert(1)</script> inline.\n\n"
            text += extra
            text += "## Contact {#contact}\n\nWrite to \"><img src=x onerror=alert(1)>.\n"
            return Array(text.utf8)
        }
        let siteYML = """
        title: { en: \(yaml(p)), ar: \(yaml(p)) }
        baseURL: https://example.com/a"><script>alert(1)</script>&amp;]]>'/
        languages: [en, ar]
        governingLanguage: en
        required: [scope, contact]

        """
        let strings = """
        languageName: \(yaml(p))
        effective: \(yaml("{date} " + p))
        allVersions: \(yaml(p))
        whatChanged: \(yaml(p))
        archivedNotice: \(yaml(p + " {from} {until}"))
        versionsTitle: \(yaml("{policy} " + p))
        changesTitle: \(yaml("{policy} {date} " + p))
        policiesTitle: \(yaml(p))
        materialChange: \(yaml(p))
        skipToContent: \(yaml(p))
        notFoundTitle: \(yaml(p))
        governingNotice: \(yaml(p + " {language}"))
        sectionChanged: \(yaml(p))

        """
        return [
            "Content/site.yml": Array(siteYML.utf8),
            "Content/privacy/policy.yml": Array("title: { en: \(yaml(p)), ar: \(yaml(p)) }\n".utf8),
            "Content/privacy/2024-01-01/en.md": version(summary: nil, extra: ""),
            "Content/privacy/2025-01-01/en.md": version(summary: p, extra: "## Added \(heading) {#added}\n\nNew \(heading) text.\n\n"),
            "Content/privacy/2025-01-01/ar.md": version(summary: p + " عربي", extra: "## Added \(heading) {#added}\n\nجديد.\n\n"),
            "Content/other/2024-01-01/en.md": Array("---\ntitle: \(yaml(p))\n---\n\n## Scope {#scope}\n\nText.\n\n## Contact \(heading) {#contact}\n\nText.\n".utf8),
            "Templates/strings/en.yml": Array(strings.utf8),
        ]
    }

    /// The tags of an HTML page as (name, attribute names), read as a browser would: `>` inside
    /// a quoted attribute value does not end the tag.
    static func tags(_ html: String) -> [(name: String, attributes: [String])] {
        var result: [(String, [String])] = []
        let scalars = Array(html.unicodeScalars)
        var i = 0
        func isLetter(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        while i < scalars.count {
            guard scalars[i] == "<", i + 1 < scalars.count, isLetter(scalars[i + 1]) || scalars[i + 1] == "/" else { i += 1; continue }
            var j = i + 1
            if scalars[j] == "/" { j += 1 }
            var name = ""
            while j < scalars.count, isLetter(scalars[j]) || ("0"..."9").contains(scalars[j]) || scalars[j] == "-" { name.unicodeScalars.append(scalars[j]); j += 1 }
            var attributes: [String] = []
            // Attributes until `>`, skipping quoted values.
            while j < scalars.count, scalars[j] != ">" {
                let s = scalars[j]
                if s == "\"" || s == "'" {
                    j += 1
                    while j < scalars.count, scalars[j] != s { j += 1 }
                    j += 1
                } else if isLetter(s) {
                    var attribute = ""
                    while j < scalars.count, !" \t\n\r=>/\"'".unicodeScalars.contains(scalars[j]) { attribute.unicodeScalars.append(scalars[j]); j += 1 }
                    attributes.append(attribute.lowercased())
                } else {
                    j += 1
                }
            }
            result.append((name.lowercased(), attributes))
            i = j + 1
        }
        return result
    }

    @Test func everyOutputOfAHostileSiteStaysInItsFormat() throws {
        let root = try TestSupport.temporaryDirectory()
        try Self.write(Self.buildableSite(), under: root)
        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: root.appendingPathComponent("Content").path,
            templatesDirectory: root.appendingPathComponent("Templates").path,
            outputDirectory: root.appendingPathComponent("Output").path,
            asOf: CalendarDate(iso: "2025-06-01")!, homeDirectories: []
        ))
        #expect(report.exitStatus == .success, "\(report.diagnostics)")
        let files = try TestSupport.files(under: root.appendingPathComponent("Output"))
        #expect(files.count > 15)

        var sawMarkupAsText = Set<String>()
        for (path, data) in files.sorted(by: { $0.key < $1.key }) {
            let text = String(decoding: data, as: UTF8.self)
            if path.hasSuffix(".html") {
                for tag in Self.tags(text) {
                    #expect(!["script", "img", "iframe", "object", "embed", "svg"].contains(tag.name), "\(path): a <\(tag.name)> tag")
                    #expect(!tag.attributes.contains { $0.hasPrefix("on") }, "\(path): an event attribute in <\(tag.name) \(tag.attributes)>")
                }
                #expect(!text.lowercased().contains("href=\"javascript:"), "\(path)")
                // HTML forbids control characters (other than whitespace): none reaches a page.
                #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && !"\t\n\r\u{C}".unicodeScalars.contains($0)) || (0x7F..<0xA0).contains($0.value) }, "\(path): a control character in the page")
                for markup in Self.visibleMarkup where text.contains(markup) { sawMarkupAsText.insert(markup) }
            } else if path.hasSuffix(".xml") {
                let document = try XMLDocument(data: data)
                let root = try #require(document.rootElement(), "\(path)")
                if path.hasSuffix("feed.xml") {
                    let title = root.elements(forName: "title").first?.stringValue ?? ""
                    #expect(title.contains("<script>alert(1)</script>") && title.contains("&amp;") && title.contains("]]>"), "\(path): \(title.debugDescription)")
                }
                for element in root.elements(forName: "url") {
                    let loc = element.elements(forName: "loc").first?.stringValue ?? ""
                    #expect(loc.hasPrefix("https://example.com/a\"><script>alert(1)</script>&amp;]]>'/"), "\(path): \(loc)")
                }
            } else if path.hasSuffix(".json"), path.contains("/privacy/") {
                let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path)")
                let versions = try #require(object["versions"] as? [[String: Any]])
                let summaries = versions.compactMap { $0["summary"] as? String }
                let expected = path.hasPrefix("ar/") ? Self.payload + " عربي" : Self.payload
                #expect(summaries.contains(expected), "\(path): \(summaries.map(\.debugDescription))")
                for version in versions {
                    #expect((version["url"] as? String)?.hasPrefix("https://example.com/a\"><script>") == true, "\(path)")
                }
            }
        }
        #expect(sawMarkupAsText == Set(Self.visibleMarkup), "the hostile text should show, escaped, somewhere")
        let feed = String(decoding: files["en/privacy/feed.xml"] ?? Data(), as: UTF8.self)
        #expect(!feed.unicodeScalars.contains { $0.value < 0x20 && !"\n\t\r".unicodeScalars.contains($0) }, "XML 1.0 forbids C0 controls: \(feed.debugDescription)")
    }

    @Test func pagesLoseTheControlCharactersHTMLForbidsAndKeepEverythingElse() {
        #expect(HTMLEscaping.withoutControlCharacters("<p>a\u{1B}[2Jb\u{0}c\u{7F}d\u{85}e\u{9F}f</p>") == "<p>a[2Jbcdef</p>")
        let kept = "<pre>\ttab\r\nline\u{C}feed é ü \u{A0} \u{100} 中文 عربي 😀</pre>"
        #expect(HTMLEscaping.withoutControlCharacters(kept) == kept)
    }

    /// A site whose errors quote hostile text: unknown front-matter keys, invalid `{#ids}`,
    /// links to sections and policies that do not exist, folder and file names, invalid UTF-8.
    static func brokenSite() -> [String: [UInt8]] {
        let p = payload
        var files = buildableSite()
        files["Templates/strings/en.yml"] = nil
        let broken = """
        ---
        \(yaml(p)): 1
        title: \(yaml(p))
        ---

        ## Scope {#scope}

        ## Bad id {#\(p.replacingOccurrences(of: "\r\n", with: " "))}

        ## Contact {#contact}

        [a](#\(p.replacingOccurrences(of: "\r\n", with: "").replacingOccurrences(of: " ", with: ""))) [b](policy:\("\"><img/src=x/onerror=alert(1)>")#x) [c](policy:other#\("<script>alert(1)</script>"))

        """
        files["Content/privacy/2025-01-01/en.md"] = Array(broken.utf8)
        files["Content/\"><img src=x onerror=alert(1)>/2024-01-01/en.md"] = Array("## A {#a}\n".utf8)
        files["Content/privacy/a\r\n::error file=x::y/en.md"] = Array("## A {#a}\n".utf8)
        files["Content/privacy/2024-01-01/\u{1B}[2J<script>.md"] = Array("## A {#a}\n".utf8)
        files["Content/privacy/2024-01-01/ar.md"] = [0x23, 0x20, 0xFF, 0xFE, 0xC0, 0x0A, 0x00, 0x1B]
        return files
    }

    @Test(arguments: ["text", "json", "github"])
    func diagnosticsOfAHostileSiteStayInTheirFormat(format: String) throws {
        let root = try TestSupport.temporaryDirectory()
        try Self.write(Self.brokenSite(), under: root)
        let result = try TestSupport.run(["check", "--as-of", "2025-06-01", "--format", format], in: root)
        #expect(result.status == 1, "\(result.stderr)")
        let output = result.stdout + result.stderr
        #expect(output.contains("unknown"), "\(output)")
        switch format {
        case "text":
            let controls = output.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }
            #expect(controls.isEmpty, "\(output.debugDescription)")
        case "json":
            let decoded = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]], "\(result.stdout)")
            #expect(decoded.count >= 5)
            #expect(decoded.contains { ($0["message"] as? String)?.contains(Self.payload) == true }, "the JSON holds the key as written")
            #expect(!result.stdout.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        default:
            #expect(!output.utf8.contains(0x0D), "a raw CR in \(output.debugDescription)")
            let lines = output.split(separator: "\n")
            #expect(lines.count >= 5)
            for line in lines {
                #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), "a line that is not one annotation: \(line.debugDescription)")
                #expect(!line.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80..<0xA0).contains($0.value) }, "\(line.debugDescription)")
            }
        }
    }
}
