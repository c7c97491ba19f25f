/// HTML escaping and URL safety, matching what cmark's safe HTML renderer does.
public enum HTMLEscaping {
    /// Escapes text for an element's content or a double-quoted attribute value.
    ///
    /// Works on UTF-8 bytes: every character it replaces is ASCII, and ASCII bytes never occur
    /// inside a multi-byte character, so this is the same as working on characters, only faster.
    public static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
            return text
        }
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// True for URLs that cmark's safe mode refuses: script and file schemes, and data URLs
    /// other than the common image types.
    public static func isDangerousURL(_ url: String) -> Bool {
        let lowered = url.lowercased()
        for scheme in ["javascript:", "vbscript:", "file:"] where lowered.hasPrefix(scheme) {
            return true
        }
        if lowered.hasPrefix("data:") {
            let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
            return !safeImages.contains(where: lowered.hasPrefix)
        }
        return false
    }

    /// An `href` or `src` value: dangerous URLs become empty; bytes outside the URL-safe set are
    /// percent-encoded (as cmark does) and the rest escaped for a double-quoted attribute.
    public static func escapeHref(_ url: String) -> String {
        if isDangerousURL(url) { return "" }
        var result: [UInt8] = []
        result.reserveCapacity(url.utf8.count)
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
        return String(decoding: result, as: UTF8.self)
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
