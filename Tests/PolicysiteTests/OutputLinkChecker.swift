import Foundation

/// Checks every internal link of a built site, as htmltest and lychee do for Hugo sites: each
/// link reaches a file of the site, and each `#fragment` an element id of the page it reaches.
///
/// - HTML pages (`*.html`): `href` of `a`, `area` and `link` (stylesheets, feeds, canonical and
///   hreflang alternates), `src` of `img`, `script`, `iframe`, `source`, and `data-print-url`
///   (the full URL printed after a link) on any element. Ids are every `id` attribute.
/// - `sitemap.xml` (`<loc>`, `xhtml:link href`), Atom feeds (`link href`, `<id>`) and
///   `versions.json` (`url`, `changesURL`): absolute URLs, all of which must be internal.
///
/// A URL is internal when it is relative (resolved against the page's own path), starts with
/// `/` (then it must start with the path of `baseURL`, as the 404 page's links do), or is
/// absolute under `baseURL`; an absolute URL elsewhere (`https://` another host, `mailto:`) is
/// external and only counted. A path ending in `/` means its `index.html`. Paths and fragments
/// are percent-decoded; attribute values are entity-decoded.
struct OutputLinkChecker {
    /// One link that goes nowhere.
    struct BrokenLink: CustomStringConvertible, Hashable {
        var page: String
        var element: String
        var url: String
        var reason: String
        var description: String { "\(page): <\(element)> \(url): \(reason)" }
    }

    struct Report: CustomStringConvertible {
        /// HTML pages walked.
        var pages = 0
        /// Other files whose URLs were checked (sitemap, feeds, versions.json).
        var indexes = 0
        /// Internal links checked (each occurrence counted).
        var internalLinks = 0
        /// Of those, links with a fragment checked against the target's ids.
        var fragments = 0
        /// External links seen and skipped.
        var externalLinks = 0
        var broken: [BrokenLink] = []
        var description: String {
            "\(pages) pages, \(indexes) sitemap/feed/json files, \(internalLinks) internal links (\(fragments) with a fragment), \(externalLinks) external skipped, \(broken.count) broken"
                + broken.map { "\n  " + $0.description }.joined()
        }
    }

    /// The built site: relative path → bytes.
    let files: [String: Data]
    /// `https://policies.example.com/` (a trailing slash is added when missing).
    let baseURL: String
    /// The path of `baseURL` (`/`, or `/policies/` for a site under a sub-path).
    private let basePath: String
    /// The ids of each HTML page, parsed once.
    private var idCache: [String: Set<String>] = [:]

    init(files: [String: Data], baseURL: String) {
        self.files = files
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        if let schemeEnd = self.baseURL.range(of: "://"),
           let slash = self.baseURL[schemeEnd.upperBound...].firstIndex(of: "/") {
            basePath = String(self.baseURL[slash...])
        } else {
            basePath = "/"
        }
    }

    /// Builds the site in `output` (already written) into a checker.
    init(output: URL, baseURL: String) throws {
        self.init(files: try TestSupport.files(under: output), baseURL: baseURL)
    }

    /// Walks every page and index file.
    mutating func check() -> Report {
        var report = Report()
        for path in files.keys.sorted() {
            guard let data = files[path] else { continue }
            let text = String(decoding: data, as: UTF8.self)
            var links: [(element: String, url: String)] = []
            if path.hasSuffix(".html") {
                report.pages += 1
                let parsed = HTMLScanner.scan(text)
                idCache[path] = parsed.ids
                links = parsed.links
                for id in parsed.duplicateIDs {
                    report.broken.append(BrokenLink(page: path, element: "id", url: "#" + id, reason: "id used twice on the page: a link to it is ambiguous"))
                }
            } else if path.hasSuffix(".xml") {
                report.indexes += 1
                links = HTMLScanner.scanXML(text)
            } else if path.hasSuffix(".json") {
                report.indexes += 1
                links = Self.jsonURLs(data)
            } else {
                continue
            }
            let mustBeInternal = !path.hasSuffix(".html")
            for link in links {
                switch resolve(link.url, from: path) {
                case .external:
                    if mustBeInternal {
                        report.broken.append(BrokenLink(page: path, element: link.element, url: link.url, reason: "not under baseURL \(baseURL)"))
                    } else {
                        report.externalLinks += 1
                    }
                case .broken(let reason):
                    report.internalLinks += 1
                    report.broken.append(BrokenLink(page: path, element: link.element, url: link.url, reason: reason))
                case .page(let target, let fragment):
                    report.internalLinks += 1
                    if let reason = problem(target: target, fragment: fragment) {
                        report.broken.append(BrokenLink(page: path, element: link.element, url: link.url, reason: reason))
                    }
                    if let fragment, !fragment.isEmpty { report.fragments += 1 }
                }
            }
        }
        return report
    }

    enum Resolution: Equatable {
        case external
        case broken(String)
        /// A file of the site (relative path) and the decoded fragment, if any.
        case page(String, String?)
    }

    /// Where `url`, found in the file at `page`, leads.
    func resolve(_ url: String, from page: String) -> Resolution {
        var rest = url
        var fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = Self.percentDecoded(String(rest[rest.index(after: hash)...]))
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }

        var sitePath: String
        if rest.hasPrefix("//") {
            let scheme = baseURL.prefix { $0 != ":" }
            rest = scheme + ":" + rest
        }
        if Self.hasScheme(rest) {
            if rest.hasPrefix(baseURL) {
                sitePath = String(rest.dropFirst(baseURL.count))
            } else if rest + "/" == baseURL {
                sitePath = ""
            } else {
                return .external
            }
        } else if rest.hasPrefix("/") {
            guard rest.hasPrefix(basePath) || rest + "/" == basePath else {
                return .broken("a path from the host's root outside baseURL's path \(basePath)")
            }
            sitePath = String(rest.dropFirst(min(basePath.count, rest.count)))
        } else if rest.isEmpty {
            // `#x` or `""`: this very page.
            return .page(page, fragment)
        } else {
            let folder = page.split(separator: "/").dropLast().joined(separator: "/")
            sitePath = folder.isEmpty ? rest : folder + "/" + rest
        }

        // Normalise `.` and `..`, then percent-decode each component.
        var components: [String] = []
        let parts = sitePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for (index, part) in parts.enumerated() {
            switch part {
            case ".": continue
            case "..":
                guard !components.isEmpty else { return .broken("climbs above the site's root") }
                components.removeLast()
            case "" where index != parts.count - 1:
                return .broken("an empty path segment (//)")
            case "": continue
            default: components.append(Self.percentDecoded(part))
            }
        }
        let isFolder = sitePath.isEmpty || sitePath.hasSuffix("/") || parts.last == "." || parts.last == ".."
        var target = components.joined(separator: "/")
        if isFolder { target += target.isEmpty ? "index.html" : "/index.html" }
        return .page(target, fragment)
    }

    /// Why a link to `target` with `fragment` goes nowhere, or nil when it arrives.
    mutating func problem(target: String, fragment: String?) -> String? {
        guard files[target] != nil else {
            if files[target + "/index.html"] != nil { return "a folder without its trailing slash (only a redirect reaches \(target)/)" }
            return "no file \(target) in the site"
        }
        guard let fragment, !fragment.isEmpty else { return nil }
        guard target.hasSuffix(".html") else { return "a fragment into \(target), which is not an HTML page" }
        if idCache[target] == nil {
            idCache[target] = HTMLScanner.scan(String(decoding: files[target]!, as: UTF8.self)).ids
        }
        return idCache[target]!.contains(fragment) ? nil : "no element with id \"\(fragment)\" in \(target)"
    }

    static func hasScheme(_ url: String) -> Bool {
        guard let colon = url.firstIndex(of: ":"), let first = url.first, first.isASCII, first.isLetter else { return false }
        return url[..<colon].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    }

    /// `%E8%81%94` → `联`; text that does not decode to UTF-8 is kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        return text.removingPercentEncoding ?? text
    }

    /// `url` and `changesURL` of every version in a `versions.json`.
    static func jsonURLs(_ data: Data) -> [(element: String, url: String)] {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let versions = object["versions"] as? [[String: Any]] else {
            return [("json", "(versions.json does not parse)")]
        }
        return versions.flatMap { version in
            ["url", "changesURL"].compactMap { key in (version[key] as? String).map { ("json \(key)", $0) } }
        }
    }
}

/// A tokenizer for the HTML and XML the site writes: tags and their attributes (double-,
/// single- or unquoted, entity-decoded), comments, doctype and raw-text elements skipped.
enum HTMLScanner {
    struct Tag {
        var name: String
        var attributes: [(name: String, value: String)]
        /// Where the tag's `>` ends, in the scalars of the text.
        var end: Int
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    struct Page {
        var ids: Set<String> = []
        var duplicateIDs: [String] = []
        var links: [(element: String, url: String)] = []
    }

    /// Which attribute of which element holds a URL.
    static let urlAttributes: [String: [String]] = [
        "a": ["href"], "area": ["href"], "link": ["href"],
        "img": ["src"], "script": ["src"], "iframe": ["src"], "source": ["src"],
        "audio": ["src"], "video": ["src", "poster"], "form": ["action"],
    ]

    static func scan(_ html: String) -> Page {
        var page = Page()
        forEachTag(in: html) { tag in
            for attribute in tag.attributes {
                if attribute.name == "id" {
                    if !page.ids.insert(attribute.value).inserted { page.duplicateIDs.append(attribute.value) }
                } else if attribute.name == "data-print-url" {
                    page.links.append(("\(tag.name) data-print-url", attribute.value))
                } else if urlAttributes[tag.name]?.contains(attribute.name) == true {
                    page.links.append(("\(tag.name) \(attribute.name)", attribute.value))
                }
            }
        }
        return page
    }

    /// The URLs of a sitemap or an Atom feed: `href` attributes, and the text of `<loc>` and `<id>`.
    static func scanXML(_ xml: String) -> [(element: String, url: String)] {
        var links: [(element: String, url: String)] = []
        let scalars = Array(xml.unicodeScalars)
        forEachTag(in: xml) { tag in
            if let href = tag.value("href") { links.append(("\(tag.name) href", href)) }
            if tag.name == "loc" || tag.name == "id" {
                var end = tag.end
                while end < scalars.count, scalars[end] != "<" { end += 1 }
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars[tag.end..<end])
                links.append((tag.name, decodeEntities(String(text).trimmingCharacters(in: .whitespacesAndNewlines))))
            }
        }
        return links
    }

    /// Calls `body` with every start tag of `text`, in order.
    static func forEachTag(in text: String, _ body: (Tag) -> Void) {
        let s = Array(text.unicodeScalars)
        var i = 0
        func starts(_ prefix: String, at index: Int) -> Bool {
            var j = index
            for scalar in prefix.unicodeScalars {
                guard j < s.count, s[j].properties.lowercaseMapping == String(scalar) || s[j] == scalar else { return false }
                j += 1
            }
            return true
        }
        func skip(past terminator: String, from index: Int) -> Int {
            var j = index
            while j < s.count, !starts(terminator, at: j) { j += 1 }
            return min(s.count, j + terminator.unicodeScalars.count)
        }
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        func isNameEnd(_ c: Unicode.Scalar) -> Bool { isSpace(c) || c == ">" || c == "/" || c == "=" }

        while i < s.count {
            guard s[i] == "<" else { i += 1; continue }
            if starts("<!--", at: i) { i = skip(past: "-->", from: i + 4); continue }
            if starts("<![CDATA[", at: i) { i = skip(past: "]]>", from: i + 9); continue }
            if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" || s[i + 1] == "/" { i = skip(past: ">", from: i + 1); continue }
            guard i + 1 < s.count, s[i + 1].properties.isAlphabetic else { i += 1; continue }
            // Tag name.
            var j = i + 1
            var name = ""
            while j < s.count, !isNameEnd(s[j]) { name.unicodeScalars.append(s[j]); j += 1 }
            name = name.lowercased()
            // Attributes.
            var attributes: [(name: String, value: String)] = []
            while j < s.count {
                while j < s.count, isSpace(s[j]) || s[j] == "/" { j += 1 }
                guard j < s.count, s[j] != ">" else { break }
                var attribute = ""
                while j < s.count, !isNameEnd(s[j]) { attribute.unicodeScalars.append(s[j]); j += 1 }
                while j < s.count, isSpace(s[j]) { j += 1 }
                var value = ""
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, isSpace(s[j]) { j += 1 }
                    if j < s.count, s[j] == "\"" || s[j] == "'" {
                        let quote = s[j]
                        j += 1
                        while j < s.count, s[j] != quote { value.unicodeScalars.append(s[j]); j += 1 }
                        j += 1
                    } else {
                        while j < s.count, !isSpace(s[j]), s[j] != ">" { value.unicodeScalars.append(s[j]); j += 1 }
                    }
                }
                if attribute.isEmpty { j += 1; continue }
                attributes.append((attribute.lowercased(), decodeEntities(value)))
            }
            j = min(s.count, j + 1)
            body(Tag(name: name, attributes: attributes, end: j))
            // Raw text elements: their content is not markup.
            if name == "script" || name == "style" {
                i = skip(past: "</\(name)", from: j)
            } else {
                i = j
            }
        }
    }

    static let namedEntities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]

    /// `&amp;`, `&#39;`, `&#x27;` and the like, decoded.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";") {
                let entity = String(after[..<semicolon])
                var decoded: String?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    decoded = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else if entity.hasPrefix("#") {
                    decoded = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init).map { String(Character($0)) }
                } else {
                    decoded = namedEntities[entity]
                }
                if let decoded {
                    result += decoded
                    rest = after[after.index(after: semicolon)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}
