import Foundation
import PolicyModel
import PolicyPipeline
@testable import PolicyServe
import Testing

/// `serve` end to end with the server on a free port inside the suite: what is served, what is
/// refused, edits, the overlay, the event stream and shutdown. One server at a time (they are
/// quick; in parallel they would only compete for the two cores).
@Suite(.serialized) struct ServeServerTests {
    /// Upcoming on 2026-11-21, so not locked: the file an author is editing.
    static let draftFile = "privacy/2027-01-15/en.md"
    static let draftPage = "en/privacy/2027-01-15/index.html"

    @Test func pagesAreServedFromMemoryWithTheirTypes() async throws {
        try await ServedSample.with { site in

            let home = try await site.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-store")
            #expect(home.text.contains("new EventSource(\"/__policysite/events\")"))

            let page = try await site.get("/zh-Hans/privacy/")
            #expect(page.status == 200)
            #expect(page.text.contains("<html lang=\"zh-Hans\""))
            // The script goes in just before </body>, once.
            #expect(page.text.components(separatedBy: "</script>\n</body>").count == 2)

            let css = try await site.get("/assets/style.css")
            #expect(css.headers["content-type"] == "text/css; charset=utf-8")
            #expect(!css.text.contains("EventSource"))
            #expect(try await site.get("/en/privacy/versions.json").headers["content-type"] == "application/json; charset=utf-8")
            #expect(try await site.get("/en/privacy/feed.xml").headers["content-type"] == "application/xml; charset=utf-8")

            let folder = try await site.get("/en/privacy?x=1")
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/en/privacy/?x=1")

            let missing = try await site.get("/en/no-such-policy/<b>")
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text.contains("Page not found"))
            #expect(missing.text.contains("/en/no-such-policy/&lt;b&gt;"))
            #expect(missing.text.contains("/assets/style.css"))

            let head = try await site.get("/en/privacy/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && Int(head.headers["content-length"] ?? "") ?? 0 > 1000)
            #expect(try await site.get("/", method: "POST").status == 405)
            // Served from memory: no Output/ appears.
            #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent("Output").path))
        }
    }

    @Test func traversalAttemptsNeverReachOutsideTheSite() async throws {
        try await ServedSample.with { site in
            let attempts = [
                "/../Content/site.yml", "/%2e%2e/Content/site.yml", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/en/..%2f..%2fContent/site.yml",
                "/en/%2e%2e%2f%2e%2e%2fContent/site.yml", "/en\\..\\..\\Content\\site.yml", "/en%5c..%5cContent%5csite.yml",
                "/en/privacy/index.html%00.css", "/%00", "/" + String(repeating: "x", count: 3000), "/.policysite",
                "/Content/site.yml", "/Templates/strings/en.yml",
            ]
            for attempt in attempts {
                let reply = try await site.get(attempt)
                #expect([400, 404].contains(reply.status), "\(attempt): \(reply.status)")
                #expect(!reply.text.contains("baseURL:") && !reply.text.contains("root:x:0:0"), "\(attempt) leaked a file")
            }
        }
    }

    @Test func aHostThatIsNotTheServerIsRefusedOnPagesAndTheEventStream() async throws {
        try await ServedSample.with { site in
            let port = site.port
            for path in ["/en/privacy/", "/__policysite/events"] {
                let cases: [(hosts: [String], status: Int)] = [
                    (["evil.example:\(port)"], 421), (["127.0.0.1:\(port + 1)"], 421), ([], 400),
                    (["127.0.0.1:\(port)", "evil.example"], 400),
                ]
                for (hosts, status) in cases {
                    let reply = try await site.exchange("GET \(path) HTTP/1.1\r\n" + hosts.map { "Host: \($0)\r\n" }.joined() + "\r\n")
                    #expect(reply.status == status, "\(path) \(hosts): \(reply.status)")
                    // Refused, then closed: nothing of the site, and no event stream.
                    #expect(reply.closed && !reply.text.contains("<html") && !reply.text.contains("event: hello"), "\(path) \(hosts)")
                }
            }
            for host in ["localhost:\(port)", "[::1]:\(port)"] {
                let reply = try await site.exchange("GET /en/privacy/ HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                #expect(reply.status == 200, "\(host): \(reply.status)")
            }
        }
    }

    @Test func anHTTP10RequestIsClosedAfterItsResponseUnlessItAsksForKeepAlive() async throws {
        try await ServedSample.with { site in
            let port = site.port
            for request in ["GET /en/privacy/ HTTP/1.0\r\n\r\n", "GET /en/privacy/ HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n",
                            "GET /en/privacy/ HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: Close\r\n\r\n"] {
                let reply = try await site.exchange(request)
                #expect(reply.status == 200 && reply.text.contains("</html>"))
                // Read to the end: the server closes at once (the read would otherwise wait 10 s).
                #expect(reply.closed && reply.elapsed < .seconds(5), "\(request.debugDescription): \(reply.elapsed)")
            }
            // With keep-alive, a second request on the same connection is answered.
            let twice = "GET /en/ HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\nConnection: keep-alive\r\n\r\n"
            let reply = try await site.exchange(twice + "GET /en/ HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
            #expect(reply.status == 200 && reply.closed)
            #expect(reply.text.components(separatedBy: "HTTP/1.1 200 OK").count == 2, "the second response follows the first")
        }
    }

    @Test func anEditIsServedAndAnnouncedOnTheEventStream() async throws {
        try await ServedSample.with { site in
            let port = site.port
            let events = try await offThePool { try EventStreamClient(port: port) }
            let hello = try await offThePool { events.next() }
            #expect(hello?.event == "hello")

            try site.write(Self.draftFile, try site.text(Self.draftFile) + "\nWe answer letters within 9 days.\n")
            let reload = try await offThePool { events.next() }
            #expect(reload?.event == "reload")
            #expect(reload?.data.contains("\"all\":false") == true)
            #expect(reload?.data.contains("\"\(Self.draftPage)\"") == true)
            // The event comes after the store has the new page: it is served at once.
            let page = try await site.get("/en/privacy/2027-01-15/")
            #expect(page.text.contains("We answer letters within 9 days."))
            // Other languages have their own text: untouched.
            #expect(reload?.data.contains("zh-Hans/privacy/2027-01-15/index.html") == false)
            #expect(site.statusLines.all.contains { $0.contains("2027-01-15/en.md changed:") && $0.contains("re-rendered in") })

            // Editor leftovers never trigger a rebuild.
            try site.write("privacy/2027-01-15/.en.md.swp", "swap")
            try site.write("privacy/2027-01-15/en.md~", "backup")
            let nothing = try await offThePool { events.next(timeout: .milliseconds(300)) }
            #expect(nothing == nil)
        }
    }

    @Test func brokenFrontMatterShowsInThePageAndClearsWhenFixed() async throws {
        try await ServedSample.with { site in
            let good = try site.text(Self.draftFile)
            let before = try await site.get("/en/privacy/2027-01-15/")
            #expect(!before.text.contains("policysite-overlay"))

            try site.write(Self.draftFile, good.replacingOccurrences(of: "summary: >", with: "summary: [<unclosed>\nsumary: >"))
            let broken = try await site.waitForPage("/en/privacy/2027-01-15/") { $0.text.contains("id=\"policysite-overlay\"") }
            #expect(broken.status == 200)
            #expect(broken.text.contains("id=\"policysite-overlay\""))
            #expect(broken.text.contains("Content/privacy/2027-01-15/en.md:"))
            // The source line under the message, escaped.
            #expect(broken.text.contains("    3 | sumary: &gt;"))
            // The last good page stays underneath, and every page shows the overlay.
            #expect(broken.text.contains(String(before.text.prefix(200))))
            #expect(try await site.get("/en/").text.contains("id=\"policysite-overlay\""))
            #expect(try await site.get("/nowhere").text.contains("id=\"policysite-overlay\""))

            try site.write(Self.draftFile, good)
            let fixed = try await site.waitForPage("/en/privacy/2027-01-15/") { !$0.text.contains("policysite-overlay") }
            #expect(!fixed.text.contains("policysite-overlay"))
        }
    }

    @Test func aTemplateErrorKeepsTheServerRunning() async throws {
        try await ServedSample.with { site in
            let template = site.root.appendingPathComponent("Templates/pages/version.mustache")
            let good = try String(contentsOf: template, encoding: .utf8)
            try Data(good.replacingOccurrences(of: "{{effectiveLine}}", with: "{{efectiveLine}}").utf8).write(to: template)
            let broken = try await site.waitForPage("/en/privacy/") { $0.text.contains("policysite-overlay") }
            #expect(broken.text.contains("efectiveLine"))
            try Data(good.utf8).write(to: template)
            let fixed = try await site.waitForPage("/en/privacy/") { !$0.text.contains("policysite-overlay") }
            #expect(fixed.status == 200 && !fixed.text.contains("policysite-overlay"))
        }
    }

    @Test func draftsAreServedWithABadge() async throws {
        let addDraft = { (root: URL) in
            let folder = root.appendingPathComponent("Content/privacy/2027-06-01")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let text = try String(contentsOf: root.appendingPathComponent("Content/privacy/2027-01-15/en.md"), encoding: .utf8)
            try Data(text.replacingOccurrences(of: "summary: >", with: "draft: true\nsummary: >").utf8).write(to: folder.appendingPathComponent("en.md"))
        }
        try await ServedSample.with(prepare: addDraft) { site in
            let draft = try await site.get("/en/privacy/2027-06-01/")
            #expect(draft.status == 200)
            #expect(draft.text.contains("<span class=\"badge badge-draft\">Draft</span>"))
            #expect(try await site.get("/en/privacy/2027-01-15/").text.contains("badge-draft") == false)
        }
    }

    @Test func theScriptIsAddedWhenServedNeverToTheSiteItself() async throws {
        try await ServedSample.with { site in
            let files = await site.server.store.current().files
            #expect(files["en/privacy/index.html"] != nil)
            #expect(!files.values.contains { String(decoding: $0.bytes, as: UTF8.self).contains("EventSource") })
            let served = try await site.get("/en/privacy/")
            #expect(served.text.contains("EventSource"))
        }
    }

    @Test func asOfPreviewsTheSiteOnALaterDay() async throws {
        // On 2027-02-01 the 2027-01-15 version is in force: the policy's main page shows it.
        try await ServedSample.with(asOf: "2027-02-01") { site in
            let page = try await site.get("/en/privacy/")
            #expect(page.text.contains("Smart Search"))
            let archived = try await site.get("/en/privacy/2025-09-01/")
            #expect(archived.text.contains("status-archived"))
        }
    }

    @Test func theDraftBadgeIsInDraftBuildsOnly() throws {
        let root = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["Content", "Templates"] {
            try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let file = root.appendingPathComponent("Content/privacy/2027-01-15/en.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "summary: >", with: "draft: true\nsummary: >").utf8).write(to: file)
        func build(drafts: Bool) -> [String: OutputFile] {
            let engine = SiteEngine(SiteOptions(contentDirectory: root.appendingPathComponent("Content").path, templatesDirectory: root.appendingPathComponent("Templates").path,
                                                  asOf: CalendarDate(iso: "2026-11-21")!, includeDrafts: drafts))
            #expect(engine.build().succeeded)
            return engine.files
        }
        let withDrafts = build(drafts: true)
        let draftPage = String(decoding: withDrafts["en/privacy/2027-01-15/index.html"]?.bytes ?? [], as: UTF8.self)
        #expect(draftPage.contains("<span class=\"badge badge-draft\">Draft</span>"))
        // The published pages of the same build have no badge.
        let publishedPage = String(decoding: withDrafts["en/privacy/2025-09-01/index.html"]?.bytes ?? [], as: UTF8.self)
        #expect(!publishedPage.isEmpty && !publishedPage.contains("badge-draft"))
        // A plain build leaves the draft text out (its page, if a translation gives it one, has
        // no badge).
        let plain = build(drafts: false)
        #expect(!plain.values.contains { String(decoding: $0.bytes, as: UTF8.self).contains("<span class=\"badge badge-draft\"") })
    }

    @Test func shutdownWithAConnectedClientTakesLessThanASecond() async throws {
        let site = try await ServedSample.start()
        let port = site.port
        let events = try await offThePool { try EventStreamClient(port: port) }
        #expect(try await offThePool { events.next() }?.event == "hello")
        let elapsed = try await site.stop()
        #expect(elapsed < .seconds(1), "shutdown took \(elapsed)")
        #expect(try await offThePool { events.waitForEnd(timeout: .seconds(1)) })
    }

    @Test func aTakenPortIsReported() async throws {
        try await ServedSample.with { site in
            let second = PreviewServer(.init(engine: SiteOptions(contentDirectory: site.content.path, templatesDirectory: site.root.appendingPathComponent("Templates").path, asOf: CalendarDate(iso: "2026-11-21")!), port: site.port),
                                       console: ServeConsole(status: { _ in }, diagnostics: { _ in }))
            do {
                try await second.serviceGroup(handleSignals: false) { _ in }.run()
                Issue.record("a second server started on port \(site.port)")
            } catch {
                #expect(PreviewServer.isAddressInUse(error), "\(error)")
            }
        }
    }
}
