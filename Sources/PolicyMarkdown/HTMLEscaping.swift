/// HTML escaping and URL safety, as cmark's safe HTML renderer does them (cmark 0.30:
/// `houdini_escape_html0`, `houdini_escape_href`, `_scan_dangerous_url`).
/// `CmarkEquivalenceTests` holds `HTMLRenderer`, which uses them, to cmark's own output.
public enum HTMLEscaping {
    /// Escapes text for an element's content or an attribute value in either kind of quotes:
    /// `&`, `<`, `>`, `"` and `'`. For HTML we write outside the Markdown renderer (templates'
    /// values, sitemaps, feeds), where a single-quoted attribute must stay closed.
    ///
    /// Works on UTF-8 bytes: every character it replaces is ASCII, and ASCII bytes never occur
    /// inside a multi-byte character, so this is the same as working on characters, only faster.
    public static func escape(_ text: String) -> String {
        escape(text, apostrophe: true)
    }

    /// Escapes text as cmark does for content and double-quoted attributes: `&`, `<`, `>` and
    /// `"`, not `'`. What the Markdown renderer and change pages write, so that a policy's text
    /// reads the same in both.
    public static func escapeText(_ text: String) -> String {
        escape(text, apostrophe: false)
    }

    private static func escape(_ text: String, apostrophe: Bool) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || (apostrophe && $0 == UInt8(ascii: "'")) }) else {
            return text
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        var text = text
        text.withUTF8 { appendEscaped($0, apostrophe: apostrophe, to: &result) }
        return String(decoding: result, as: UTF8.self)
    }

    /// The escaping of `escape` and `escapeText`, appending to bytes: runs without a character
    /// to replace are copied whole. `HTMLBuffer` writes through this too.
    static func appendEscaped(_ text: UnsafeBufferPointer<UInt8>, apostrophe: Bool, to result: inout [UInt8]) {
        var runStart = 0
        for index in 0..<text.count {
            let replacement: StaticString
            switch text[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'") where apostrophe: replacement = "&#39;"
            default: continue
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart..<index]))
            replacement.withUTF8Buffer { result.append(contentsOf: $0) }
            runStart = index + 1
        }
        result.append(contentsOf: UnsafeBufferPointer(rebasing: text[runStart...]))
    }

    /// A finished page without the control characters HTML forbids (a parse error in the
    /// HTML standard, "control-character-in-input-stream"): C0 controls other than tab, line
    /// feed, form feed and carriage return, DEL, and C1 controls (U+0080–U+009F). Content is
    /// hostile and free text reaches the page from many places (titles and summaries from YAML,
    /// UI strings, the Markdown itself, where cmark passes them through): an ESC from a title
    /// must not reach the reader's page, nor a terminal that prints it. Pages are UTF-8, so a C1
    /// control is the byte pair C2 80–C2 9F, and neither byte occurs inside another character.
    public static func withoutControlCharacters(_ html: String) -> String {
        func isControl(_ byte: UInt8) -> Bool {
            (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
        }
        let bytes = html.utf8
        var previous: UInt8 = 0
        let needed = bytes.contains { byte in
            defer { previous = byte }
            return isControl(byte) || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F)
        }
        guard needed else { return html }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        for byte in bytes {
            if isControl(byte) { continue }
            if byte >= 0x80, byte <= 0x9F, result.last == 0xC2 {
                result.removeLast()
                continue
            }
            result.append(byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// True for URLs that cmark's safe mode refuses: script and file schemes, and data URLs
    /// other than the common image types. Schemes are matched ignoring ASCII case, as cmark's
    /// scanner does.
    public static func isDangerousURL(_ url: String) -> Bool {
        let bytes = url.utf8
        for scheme in ["javascript:", "vbscript:", "file:"] where hasPrefixIgnoringASCIICase(bytes, scheme) {
            return true
        }
        if hasPrefixIgnoringASCIICase(bytes, "data:") {
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safeImages.contains { hasPrefixIgnoringASCIICase(bytes, $0) }
        }
        return false
    }

    private static func hasPrefixIgnoringASCIICase(_ bytes: String.UTF8View, _ prefix: String) -> Bool {
        var index = bytes.startIndex
        for expected in prefix.utf8 {
            guard index < bytes.endIndex else { return false }
            var byte = bytes[index]
            if byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "Z") { byte += 32 }
            guard byte == expected else { return false }
            bytes.formIndex(after: &index)
        }
        return true
    }

    /// An `href` or `src` value: dangerous URLs become empty; bytes outside the URL-safe set are
    /// percent-encoded (as cmark does) and the rest escaped for a double-quoted attribute.
    public static func escapeHref(_ url: String) -> String {
        if isDangerousURL(url) { return "" }
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count)
        appendHref(url, to: &result)
        return String(decoding: result, as: UTF8.self)
    }

    static func appendHref(_ url: String, to result: inout [UInt8]) {
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "'"): result += "&#x27;".utf8
            case _ where isHrefSafe(byte): result.append(byte)
            default:
                result.append(UInt8(ascii: "%"))
                result.append(hexDigits[Int(byte >> 4)])
                result.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isHrefSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
        }
    }
}
