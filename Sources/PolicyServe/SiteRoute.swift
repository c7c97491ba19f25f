/// What a request path asks the preview server for. A pure function of the raw path and the
/// site's file names, so every refusal can be tested without a socket.
///
/// The path is percent-decoded exactly once, then refused if it could reach outside the site:
/// a `.` or `..` segment (however it was encoded: `%2e%2e`, `..%2f`), a backslash, a NUL or other
/// control byte, invalid UTF-8, or a path too long to be a page. The site is a dictionary in
/// memory, so nothing here ever touches the file system; the checks keep the answer the same as
/// a file server's and keep hostile paths out of logs and redirects.
enum SiteRoute: Equatable, Sendable {
    /// A file of the site, by its path relative to the site root (`en/privacy/index.html`).
    case file(String)
    /// A folder asked for without its trailing slash: redirect, so relative links resolve.
    case redirect(location: String)
    /// The live reload event stream.
    case events
    case notFound
    case badRequest(reason: String)

    /// The address of the live reload event stream; `__` keeps it out of any site's namespace
    /// (site paths are languages and slugs, which never start with `_`).
    static let eventsPath = "/__policysite/events"

    /// Longer raw paths are refused before decoding: no page of a site is anywhere near it.
    static let maximumRawLength = 2048
    static let maximumSegments = 32

    static func resolve(_ rawPath: String, hasFile: (String) -> Bool) -> SiteRoute {
        let raw = Array(rawPath.utf8)
        guard raw.count <= maximumRawLength else { return .badRequest(reason: "path too long") }
        guard raw.first == UInt8(ascii: "/") else { return .badRequest(reason: "path must start with /") }
        guard let decoded = percentDecoded(raw) else { return .badRequest(reason: "malformed percent-encoding") }
        guard let text = String(validating: decoded, as: UTF8.self) else { return .badRequest(reason: "path is not UTF-8") }
        if decoded.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .badRequest(reason: "control character in path") }
        if decoded.contains(UInt8(ascii: "\\")) { return .badRequest(reason: "backslash in path") }
        if text == eventsPath { return .events }

        let parts = text.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        if parts.contains(where: { $0 == "." || $0 == ".." }) { return .badRequest(reason: "dot segment in path") }
        // Empty segments (`//`) name nothing in the site; dropping them keeps a redirect from
        // ever starting with `//`, which a browser would read as another host.
        let segments = parts.filter { !$0.isEmpty }.map(String.init)
        guard segments.count <= maximumSegments else { return .badRequest(reason: "path too deep") }
        // Hidden files (a `.policysite` marker, editor leftovers) are never part of the site.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        let joined = segments.joined(separator: "/")
        let asFolder = text.hasSuffix("/") || segments.isEmpty
        if asFolder {
            let index = joined.isEmpty ? "index.html" : joined + "/index.html"
            return hasFile(index) ? .file(index) : .notFound
        }
        if hasFile(joined) { return .file(joined) }
        if hasFile(joined + "/index.html") {
            return .redirect(location: "/" + segments.map(percentEncoded).joined(separator: "/") + "/")
        }
        return .notFound
    }

    /// Decodes `%XX` once; nil for a `%` not followed by two hex digits.
    private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return nil }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(byte)
                index += 1
            }
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A segment for a Location header: unreserved bytes as they are, everything else `%XX`.
    private static func percentEncoded(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return result
    }
}
