import PolicyMarkdown

/// A page rendered by a plan, as bytes, made safe as `HTMLEscaping.withoutControlCharacters`
/// makes the pages swift-mustache renders, without turning it into a String and back.
enum PageBytes {
    /// The page as it is when it has no control character HTML forbids (the common case, found
    /// by one pass over the bytes); otherwise what `HTMLEscaping.withoutControlCharacters` gives.
    static func withoutControlCharacters(_ bytes: [UInt8]) -> [UInt8] {
        let clean = bytes.withUnsafeBufferPointer { buffer in
            // C0 controls and DEL are below 0x20 or 0x7F; a C1 control (U+0080–U+009F) is 0xC2
            // followed by 0x80–0x9F (0xC2 starts other characters too, like "·").
            for index in buffer.indices where buffer[index] < 0x20 || buffer[index] == 0x7F || buffer[index] == 0xC2 {
                switch buffer[index] {
                case 0x09, 0x0A, 0x0C, 0x0D: continue
                case 0xC2:
                    if index + 1 < buffer.count, buffer[index + 1] >= 0x80, buffer[index + 1] <= 0x9F { return false }
                default: return false
                }
            }
            return true
        }
        guard !clean else { return bytes }
        return Array(HTMLEscaping.withoutControlCharacters(String(decoding: bytes, as: UTF8.self)).utf8)
    }
}
