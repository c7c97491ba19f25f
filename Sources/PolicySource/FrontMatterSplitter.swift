import PolicyModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A version file split into its YAML front matter and its Markdown body.
public struct SplitSource: Sendable, Equatable {
    /// The YAML between the `---` lines, or nil when the file has no front matter.
    public var frontMatter: String?
    /// The Markdown after the closing `---`.
    public var body: String
    /// The file line on which the body starts.
    public var bodyStartLine: Int
}

public enum FrontMatterError: Error, Equatable, Sendable {
    /// An opening `---` with no closing one; carries the line of the opening.
    case unclosed(line: Int)
}

/// Splits `---` front matter from the body. A UTF-8 byte order mark is dropped and CRLF or CR line
/// ends become LF, so that positions and hashes of the text do not depend on the editor.
public enum FrontMatterSplitter {
    public static func split(_ text: String) throws(FrontMatterError) -> SplitSource {
        let normalized = normalize(text)
        // Lines are found in the UTF-8 bytes: after `normalize` they end in LF, which is always a
        // character of its own, so this splits where splitting characters would, without
        // grapheme breaking megabytes of body only to find the `---` lines.
        let utf8 = normalized.utf8
        func line(at start: String.Index) -> (content: Substring.UTF8View, next: String.Index?) {
            guard let newline = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) else {
                return (utf8[start...], nil)
            }
            return (utf8[start..<newline], utf8.index(after: newline))
        }
        let first = line(at: utf8.startIndex)
        guard isDelimiter(first.content) else {
            return SplitSource(frontMatter: nil, body: normalized, bodyStartLine: 1)
        }
        let yamlStart = first.next ?? utf8.endIndex
        var yamlLines = 0
        var start = first.next
        while let current = start {
            let (content, next) = line(at: current)
            if isDelimiter(content) {
                // The YAML is every line in between, without the LF that ends the last one.
                var yaml = normalized[yamlStart..<current]
                if !yaml.isEmpty { yaml.removeLast() }
                let body = next.map { String(normalized[$0...]) } ?? ""
                // Line 1 is the opening `---`, the YAML takes `yamlLines` lines, then the closing `---`.
                return SplitSource(frontMatter: String(yaml), body: body, bodyStartLine: yamlLines + 3)
            }
            yamlLines += 1
            start = next
        }
        throw .unclosed(line: 1)
    }

    /// Drops a byte order mark and turns CRLF and lone CR into LF.
    public static func normalize(_ text: String) -> String {
        var text = text
        // Both tests on the bytes (`memchr` for the CR): `hasPrefix` with a non-ASCII string and
        // a generic scan for CR were most of the splitter's time on a large file.
        let (hasBOM, hasCR) = text.withUTF8 { bytes -> (Bool, Bool) in
            let bom = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
            let cr = bytes.count > 0 && memchr(bytes.baseAddress!, Int32(UInt8(ascii: "\r")), bytes.count) != nil
            return (bom, cr)
        }
        // Exactly the mark's three bytes: removing the first Character would take a combining
        // mark that follows it too.
        if hasBOM { text = String(decoding: text.utf8.dropFirst(3), as: UTF8.self) }
        guard hasCR else { return text }
        // CR and LF bytes never occur inside a multi-byte character: bytes are enough, and fast.
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = byte == UInt8(ascii: "\r")
            result.append(previousWasCR ? UInt8(ascii: "\n") : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `---`, maybe followed by spaces or tabs.
    private static func isDelimiter(_ line: Substring.UTF8View) -> Bool {
        var line = line
        while line.last == UInt8(ascii: " ") || line.last == UInt8(ascii: "\t") { line.removeLast() }
        return line.elementsEqual("---".utf8)
    }
}
