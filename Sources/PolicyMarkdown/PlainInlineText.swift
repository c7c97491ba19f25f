/// Text that cmark's inline parser would return as one text node, recognised without running
/// cmark: a table has a cell parse per cell, and most cells are plain words ("12 months",
/// "Session"), where creating a cmark parser per cell was most of the cost of parsing a
/// document with tables.
///
/// Only a conservative subset qualifies: one line with no leading or trailing blank, starting
/// with a letter (so no block can start it: no list marker, heading, quote, fence or HTML),
/// holding none of the bytes that cmark's inline parser (without its smart-punctuation option)
/// treats specially: backslash, backtick, `*`, `_`, `&`, `[`, `]`, `!`, `<`, `>`, and no control
/// character. Anything else goes through cmark; `PlainInlineTextTests` compares both ways.
enum PlainInlineText {
    static func inlines(of text: String) -> [MarkdownInline]? {
        var utf8 = text.utf8.makeIterator()
        guard let first = utf8.next(), isLetterStart(first) else { return nil }
        var last = first
        while let byte = utf8.next() {
            guard !isSpecial(byte) else { return nil }
            last = byte
        }
        guard last != UInt8(ascii: " ") else { return nil }
        return [.text(text)]
    }

    /// An ASCII letter, or the first byte of a multi-byte character (no block syntax is
    /// non-ASCII).
    private static func isLetterStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte >= 0xC2
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case 0..<0x20, 0x7F: true
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "&"),
             UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            true
        default: false
        }
    }
}
