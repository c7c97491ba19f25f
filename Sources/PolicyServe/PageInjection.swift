import PolicyCore

/// What the preview server adds to every HTML page it serves (and only there: `build` output
/// never has it): the error overlay, while there are errors, and the live reload script.
///
/// The script listens to the server's event stream and reloads when a rebuild changed the page
/// it shows (or everything, e.g. the stylesheet or the overlay), keeping the scroll position in
/// sessionStorage. The browser's EventSource reconnects by itself after the server restarts;
/// the server's first message then carries a new instance id (or a later generation, if
/// rebuilds were missed), and the page reloads to catch up.
enum PageInjection {
    static func inject(into page: [UInt8], sitePath: String, instance: String, generation: Int, overlayHTML: String?) -> [UInt8] {
        let addition = Array(((overlayHTML ?? "") + script(sitePath: sitePath, instance: instance, generation: generation)).utf8)
        guard let closingBody = lastClosingBody(in: page) else { return page + addition }
        var result = page
        result.insert(contentsOf: addition, at: closingBody)
        return result
    }

    /// A value for JavaScript inside a `<script>` element: a JSON string literal with `<` escaped,
    /// so no value can close the element.
    static func scriptLiteral(_ value: String) -> String {
        JSONString.literal(value).replacingOccurrences(of: "<", with: "\\u003c")
    }

    static func script(sitePath: String, instance: String, generation: Int) -> String {
        """
        <script>
        (() => {
          const page = \(scriptLiteral(sitePath)), instance = \(scriptLiteral(instance)), generation = \(generation);
          const key = "policysite-scroll:" + location.pathname;
          const saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            const [x, y] = saved.split(",").map(Number);
            // "instant": the stylesheet may ask for smooth scrolling, which would replay the
            // scroll from the top after every reload.
            const restore = () => scrollTo({ left: x, top: y, behavior: "instant" });
            addEventListener("load", restore);
            restore();
          }
          const reload = () => {
            sessionStorage.setItem(key, scrollX + "," + scrollY);
            location.reload();
          };
          const events = new EventSource(\(scriptLiteral(SiteRoute.eventsPath)));
          events.addEventListener("hello", (event) => {
            const now = JSON.parse(event.data);
            if (now.instance !== instance || now.generation !== generation) reload();
          });
          events.addEventListener("reload", (event) => {
            const change = JSON.parse(event.data);
            // A 404 page (no site path) reloads on every rebuild: the page may exist now.
            if (change.all || page === "" || change.pages.includes(page)) reload();
          });
        })();
        </script>

        """
    }

    /// The offset of the last `</body` (any case), where the addition goes; nil when the page has
    /// none (the addition is then appended).
    private static func lastClosingBody(in page: [UInt8]) -> Int? {
        let needle = Array("</body".utf8)
        guard page.count >= needle.count else { return nil }
        var start = page.count - needle.count
        while start >= 0 {
            var matches = true
            for offset in 0..<needle.count {
                let byte = page[start + offset]
                let lowered = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                if lowered != needle[offset] { matches = false; break }
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }
}
