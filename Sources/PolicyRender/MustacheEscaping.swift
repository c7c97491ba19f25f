/// swift-mustache's HTML escaping of `{{name}}`, to the byte: `<`, `>`, `&`, `"` and `'` become
/// `&lt;`, `&gt;`, `&amp;`, `&quot;` and `&#39;`.
///
/// swift-mustache compares Characters (grapheme clusters), so one of those five is left as it is
/// when it is part of a larger cluster: followed by a combining mark (`<` + U+0338) or preceded
/// by a prepended character (U+0600 + `<`). An ASCII character whose neighbours are ASCII is a
/// cluster of its own, so bytes are enough unless a special character touches a non-ASCII byte;
/// then the text is escaped Character by Character, as swift-mustache does.
enum MustacheEscaping {
    static func append(_ text: String, escaped: Bool, to output: inout [UInt8]) {
        var text = text
        let start = output.count
        let byBytes = text.withUTF8 { bytes in
            guard escaped else {
                output.append(contentsOf: bytes)
                return true
            }
            var runStart = 0
            for index in 0..<bytes.count {
                guard let replacement = replacement(for: bytes[index]) else { continue }
                if (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80) {
                    return false
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
            return true
        }
        guard !byBytes else { return }
        // A special character touches a non-ASCII one: start again, by Character.
        output.removeSubrange(start...)
        for character in text {
            if character.isASCII, let ascii = character.asciiValue, let replacement = replacement(for: ascii) {
                replacement.withUTF8Buffer { output.append(contentsOf: $0) }
            } else {
                output.append(contentsOf: String(character).utf8)
            }
        }
    }

    private static func replacement(for byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }
}
