import Foundation
import PolicyCore
@testable import PolicyServe
import Testing

/// The preview server's pure parts: paths, content types, the injected script, the overlay,
/// the editor files the watcher ignores, the Host rule and the default connection limit.
@Suite struct ServeRoutingTests {
    let files: Set<String> = ["index.html", "en/index.html", "en/privacy/index.html", "assets/style.css", "en/privacy/versions.json"]
    func route(_ path: String) -> SiteRoute { SiteRoute.resolve(path, hasFile: files.contains) }

    @Test func pathsMapToSiteFiles() {
        #expect(route("/") == .file("index.html"))
        #expect(route("/en/privacy/") == .file("en/privacy/index.html"))
        #expect(route("/en/privacy/index.html") == .file("en/privacy/index.html"))
        #expect(route("/assets/style.css") == .file("assets/style.css"))
        #expect(route("/en/privacy") == .redirect(location: "/en/privacy/"))
        #expect(route("/en//privacy/") == .file("en/privacy/index.html"))
        #expect(route("/%65n/privacy/") == .file("en/privacy/index.html"))
        #expect(route("/en/nothing") == .notFound)
        #expect(route("/__policysite/events") == .events)
    }

    @Test func traversalAndHostilePathsAreRefused() {
        for path in ["/../Content/site.yml", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/", "/en/..%2f..%2fContent/site.yml", "/en/%2e/privacy/", "/en/./privacy/"] {
            guard case .badRequest = route(path) else { Issue.record("\(path) was not refused: \(route(path))"); continue }
        }
        for path in ["/en\\..\\..\\Content", "/en%5c..%5cContent", "/en/privacy/%00", "/en%00/index.html", "/%0d%0aSet-Cookie:x", "/%zz", "/%", "/%c0%ae%c0%ae/", "relative"] {
            guard case .badRequest = route(path) else { Issue.record("\(path) was not refused: \(route(path))"); continue }
        }
        guard case .badRequest = route("/" + String(repeating: "a/", count: 1100)) else { Issue.record("an overlong path was not refused"); return }
        guard case .badRequest = route("/" + String(repeating: "a/", count: 40)) else { Issue.record("a deep path was not refused"); return }
        // Hidden files are never served, even if the site had one.
        #expect(SiteRoute.resolve("/.policysite", hasFile: { _ in true }) == .notFound)
    }

    @Test func redirectsNeverLeaveTheHost() {
        // `//evil.example/en` names no folder of the site; a folder's redirect is rebuilt from
        // its segments, so it always starts with a single slash.
        let everything = SiteRoute.resolve("//evil.example/en", hasFile: { $0 == "evil.example/en/index.html" })
        #expect(everything == .redirect(location: "/evil.example/en/"))
        #expect(SiteRoute.resolve("/a%20b", hasFile: { $0 == "a b/index.html" }) == .redirect(location: "/a%20b/"))
    }

    @Test func textTypesSayUTF8() {
        #expect(MediaTypes.contentType(forPath: "en/index.html") == "text/html; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "assets/style.css") == "text/css; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "en/privacy/versions.json") == "application/json; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "en/privacy/feed.xml") == "application/xml; charset=utf-8")
        #expect(MediaTypes.contentType(forPath: "assets/logo.PNG") == "image/png")
        #expect(MediaTypes.contentType(forPath: "assets/.hidden") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheLastClosingBody() {
        let page = Array("<html><body><p>&lt;/body&gt;</p></BODY></html>".utf8)
        let injected = String(decoding: PageInjection.inject(into: page, sitePath: "en/index.html", instance: "i", generation: 3, overlayHTML: "<div>overlay</div>"), as: UTF8.self)
        #expect(injected.hasPrefix("<html><body><p>&lt;/body&gt;</p><div>overlay</div><script>"))
        #expect(injected.hasSuffix("</script>\n</BODY></html>"))
        #expect(injected.contains("new EventSource(\"/__policysite/events\")"))
        #expect(injected.contains("const page = \"en/index.html\""))
        // No value can close the script element.
        #expect(PageInjection.scriptLiteral("</script><b>") == "\"\\u003c/script>\\u003cb>\"")
        // A page without </body> still gets it, at the end.
        #expect(String(decoding: PageInjection.inject(into: Array("<p>x".utf8), sitePath: "", instance: "i", generation: 0, overlayHTML: nil), as: UTF8.self).hasPrefix("<p>x<script>"))
    }

    @Test func theOverlayEscapesWhatItShows() {
        let hostile = Diagnostic.error(.frontMatter, "unknown key '<img src=x onerror=alert(1)>'", at: SourceLocation(file: "Content/<b>/en.md", line: 2, column: 3))
        let html = ErrorOverlay.html([OverlayEntry(diagnostic: hostile, sourceLine: "a: <script>alert(1)</script>")])
        #expect(!html.contains("<img"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("Content/&lt;b&gt;/en.md:2:3"))
        #expect(html.contains("unknown key &#39;&lt;img src=x onerror=alert(1)&gt;&#39;"))
        #expect(html.contains("    2 | a: &lt;script&gt;alert(1)&lt;/script&gt;\n      |   <span class=\"ps-caret\">^</span>"))
        #expect(html.contains("1 error."))
        let warning = Diagnostic.warning(.frontMatter, "w", at: SourceLocation(file: "a.md"))
        let mixed = ErrorOverlay.html([OverlayEntry(diagnostic: warning), OverlayEntry(diagnostic: hostile)])
        #expect(mixed.contains("1 error and 1 warning."))
        // Errors come first.
        #expect(mixed.range(of: "ps-error")!.lowerBound < mixed.range(of: "ps-warning\"")!.lowerBound)
    }

    @Test func aLongLineIsCutAroundTheColumn() {
        let line = String(repeating: "a", count: 170) + "[x](#rigths)" + String(repeating: "b", count: 200)
        let excerpt = ErrorOverlay.sourceExcerpt(line, line: 11, column: 171)
        let lines = excerpt.components(separatedBy: "\n")
        #expect(lines[0].hasPrefix("   11 | …" + String(repeating: "a", count: 40) + "[x](#rigths)"))
        #expect(lines[0].hasSuffix("…"))
        // The caret sits under the "[", which is 41 characters into the cut line.
        #expect(lines[1] == "      | " + String(repeating: " ", count: 41) + "<span class=\"ps-caret\">^</span>")
    }

    @Test func theCaretCountsCharactersNotBytes() {
        // Column 7 is the byte after "标题" (6 bytes): the caret goes under the third character,
        // after two wide characters, four columns, as the terminal places it.
        #expect(ErrorOverlay.sourceExcerpt("标题: x", line: 1, column: 7).hasSuffix("  | " + "    " + "<span class=\"ps-caret\">^</span>"))
    }

    @Test func editorFilesAreIgnored() {
        let root = "Content"
        #expect(ChangeFilter.isRelevant("Content/privacy/2027-01-15/en.md", under: root))
        #expect(ChangeFilter.isRelevant("Content/site.yml", under: root))
        for path in ["Content/privacy/2027-01-15/.en.md.swp", "Content/privacy/2027-01-15/.en.md.swx", "Content/privacy/2027-01-15/4913",
                     "Content/privacy/2027-01-15/en.md~", "Content/privacy/#en.md#", "Content/.git/index", "Content/.DS_Store"] {
            #expect(!ChangeFilter.isRelevant(path, under: root), "\(path)")
        }
    }

    @Test func changesDuringARebuildCoalesceIntoTheNext() async {
        let queue = ChangeQueue(quietPeriod: .milliseconds(10))
        let batches = LockedLines()
        let consumer = Task {
            await queue.run { batch in
                batches.append(batch.joined(separator: ","))
                if batch == ["a"] {
                    // While this "rebuild" runs, three more saves arrive.
                    queue.add(["b"]); queue.add(["c", "b"]); queue.add(["d"])
                    try? await Task.sleep(for: .milliseconds(50))
                }
            }
        }
        queue.add(["a"])
        let deadline = ContinuousClock.now + .seconds(5)
        while batches.all.count < 2, ContinuousClock.now < deadline { try? await Task.sleep(for: .milliseconds(5)) }
        queue.finish()
        await consumer.value
        #expect(batches.all == ["a", "b,c,d"])
    }

    // MARK: The Host rule (DNS rebinding)

    func verdict(_ listen: String, _ hosts: [String], http11: Bool = true, port: Int = 8000, target: String = "/") -> HostRule.Verdict {
        HostRule(listenHost: listen, machineName: "devbox").verdict(hostValues: hosts, isHTTP11: http11, localPort: port, target: target)
    }

    @Test func onLoopbackOnlyLoopbackNamesWithTheRightPortAreServed() {
        for host in ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LocalHost:8000", "[0:0:0:0:0:0:0:1]:8000"] {
            #expect(verdict("127.0.0.1", [host]) == .accepted, "\(host)")
        }
        // A rebinding page's own name, another port (no port is port 80), other addresses, and a
        // trailing dot (a name that DNS, not /etc/hosts, may answer) are not this server.
        for host in ["evil.example:8000", "evil.example", "127.0.0.1", "127.0.0.1:8001", "localhost.:8000", "127.0.0.2:8000",
                     "[::2]:8000", "192.168.1.10:8000", "devbox:8000"] {
            #expect(verdict("127.0.0.1", [host]) == .misdirected, "\(host)")
        }
        #expect(verdict("127.0.0.1", ["127.0.0.1:8000"], target: "http://evil.example/en/") == .misdirected)
        #expect(verdict("127.0.0.1", ["127.0.0.1:8000"], target: "http://localhost:8000/en/") == .accepted)
    }

    @Test func aMissingRepeatedOrMalformedHostIsABadRequest() {
        for hosts in [[], ["127.0.0.1:8000", "127.0.0.1:8000"], ["127.0.0.1:8000", "evil.example"], [""], ["::1:8000"], ["[::1"],
                      ["127.0.0.1:99999"], ["127.0.0.1:80a"], ["127.0.0.1:8000/x"], ["a b:8000"], ["[::1]x"]] {
            guard case .badRequest = verdict("127.0.0.1", hosts) else { Issue.record("\(hosts): \(verdict("127.0.0.1", hosts))"); continue }
        }
        // HTTP/1.0 predates Host: none is fine, two are not.
        #expect(verdict("127.0.0.1", [], http11: false) == .accepted)
        #expect(verdict("127.0.0.1", ["evil.example"], http11: false) == .misdirected)
        guard case .badRequest = verdict("127.0.0.1", ["a", "b"], http11: false) else { Issue.record("two Host on HTTP/1.0"); return }
    }

    @Test func onAllInterfacesIPLiteralsLocalhostAndTheMachineNameAreServedOnAnyPort() {
        for listen in ["0.0.0.0", "::", "[::]"] {
            for host in ["192.168.1.10:8000", "192.168.1.10:9000", "[fe80::1]:8000", "localhost:1234", "devbox:8000", "DEVBOX", "127.0.0.1"] {
                #expect(verdict(listen, [host]) == .accepted, "\(listen) \(host)")
            }
            for host in ["evil.example:8000", "other-box:8000", "192.168.1.10.evil.example:8000"] {
                #expect(verdict(listen, [host]) == .misdirected, "\(listen) \(host)")
            }
        }
    }

    @Test func aNamedHostIsServedUnderThatNameAndLoopback() {
        #expect(verdict("preview.test", ["PREVIEW.test:8000"]) == .accepted)
        #expect(verdict("preview.test", ["localhost:8000"]) == .accepted)
        #expect(verdict("preview.test", ["preview.test:8001"]) == .misdirected)
        #expect(verdict("::1", ["[::1]:8000"]) == .accepted)
        #expect(verdict("192.168.1.10", ["192.168.1.10:8000"]) == .accepted)
        #expect(verdict("192.168.1.10", ["192.168.1.11:8000"]) == .misdirected)
    }

    @Test func theConnectionLimitFollowsTheDescriptorLimit() {
        #expect(ServeLimits.defaultMaxConnections(descriptorLimit: nil) == 512)
        #expect(ServeLimits.defaultMaxConnections(descriptorLimit: 1024) == 512)
        #expect(ServeLimits.defaultMaxConnections(descriptorLimit: 256) == 192)
        #expect(ServeLimits.defaultMaxConnections(descriptorLimit: 10) == 1)
    }
}
