/// HTML being written, as UTF-8 bytes: appending markup and escaped text costs a copy of bytes,
/// with none of `String`'s per-append checks, and the page becomes a `String` once at the end.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    var string: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserve(_ count: Int) {
        bytes.reserveCapacity(count)
    }

    mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Markup made elsewhere, already escaped.
    mutating func append(raw markup: String) {
        bytes.append(contentsOf: markup.utf8)
    }

    mutating func append(decimal value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// cmark's `cr()`: a line break unless the HTML is empty or already ends with one.
    mutating func newLine() {
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
    }

    /// Text for an element's content or a double-quoted attribute, escaped as cmark escapes it
    /// (`HTMLEscaping.escapeText`).
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    mutating func appendEscaped(_ text: Substring) {
        var text = text
        text.withUTF8 { appendEscaped($0) }
    }

    private mutating func appendEscaped(_ text: UnsafeBufferPointer<UInt8>) {
        HTMLEscaping.appendEscaped(text, apostrophe: false, to: &bytes)
    }

    /// An `href` or `src` value, as `HTMLEscaping.escapeHref` makes it.
    mutating func appendHref(_ url: String) {
        if HTMLEscaping.isDangerousURL(url) { return }
        HTMLEscaping.appendHref(url, to: &bytes)
    }

    /// cmark's `cmark_isspace`: the bytes that end a code block's language.
    static func isSpace(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), 0x0B, 0x0C, UInt8(ascii: "\r"): true
        default: false
        }
    }
}
