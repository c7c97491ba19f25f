import PolicyMarkdown

/// A word, a punctuation mark or an image of inline text, with the formatting it sits in.
struct Token: Equatable {
    enum Kind: UInt8 {
        case word, punctuation, image
    }

    /// What separates the token from the one before it in the source.
    enum Gap: UInt8 {
        case none, space, hardBreak
    }

    /// The text, in the vocabulary. An image's text is U+FFFC followed by its alternative text,
    /// so it never equals a word.
    var text: Int32
    var kind: Kind
    var gap: Gap
    /// The token's formatting, in the vocabulary.
    var style: Int32
    /// The formatting of the space before it, which may sit outside a link or emphasis the
    /// token is inside.
    var gapStyle: Int32

    /// Counted in `wordsInserted` and `wordsDeleted`.
    var isWord: Bool { kind != .punctuation }
}

/// Splits inline Markdown into tokens: words and punctuation marks for scripts that separate
/// words with spaces (Latin, Cyrillic, Greek, Arabic, Hebrew, …), and one token per character
/// for Han, Hiragana, Katakana, Hangul and Thai, which do not, so a one-character edit in
/// Chinese is one token. Whitespace separates tokens and is otherwise dropped: re-wrapping a
/// line or adding spaces changes no token. Walks the inline tree with an explicit stack.
enum Tokenizer {
    static func tokens(of inlines: [MarkdownInline], vocabulary: inout Vocabulary) -> [Token] {
        var scanner = Scanner()
        scanner.scan(inlines, vocabulary: &vocabulary)
        return scanner.tokens
    }

    /// The tokens of several inline runs (e.g. a heading's content and a paragraph's), as one
    /// text with a space between them.
    struct Scanner {
        var tokens: [Token] = []
        /// Whitespace seen since the last token, and in which formatting.
        private var pendingGap: Token.Gap = .none
        private var pendingGapStyle: Int32 = 0

        /// Starts a new block: the next token is separated from the previous one by a space.
        mutating func breakBlock() {
            if !tokens.isEmpty { pendingGap = .space; pendingGapStyle = 0 }
        }

        mutating func scan(_ inlines: [MarkdownInline], vocabulary: inout Vocabulary) {
            // Each frame: the inlines of one container, the next to visit, and their style.
            var stack: [(inlines: [MarkdownInline], next: Int, style: InlineStyle, styleID: Int32)] = [(inlines, 0, InlineStyle(), 0)]
            while !stack.isEmpty {
                let top = stack.count - 1
                guard stack[top].next < stack[top].inlines.count else {
                    stack.removeLast()
                    continue
                }
                let inline = stack[top].inlines[stack[top].next]
                stack[top].next += 1
                let style = stack[top].style
                let styleID = stack[top].styleID
                switch inline {
                case .text(let text):
                    scanText(text, styleID: styleID, vocabulary: &vocabulary)
                case .code(let code):
                    var inCode = style
                    inCode.code = true
                    scanText(code, styleID: vocabulary.id(of: inCode), vocabulary: &vocabulary)
                case .softBreak:
                    noteGap(.space, styleID)
                case .lineBreak:
                    noteGap(.hardBreak, styleID)
                case .html:
                    // Never rendered (cmark's safe mode), so never compared.
                    break
                case .emphasis(let children):
                    var inner = style
                    inner.emphasis = true
                    stack.append((children, 0, inner, vocabulary.id(of: inner)))
                case .strong(let children):
                    var inner = style
                    inner.strong = true
                    stack.append((children, 0, inner, vocabulary.id(of: inner)))
                case .link(let link):
                    var inner = style
                    inner.link = DiffLink(destination: link.destination, title: link.title)
                    stack.append((link.content, 0, inner, vocabulary.id(of: inner)))
                case .image(let image):
                    var inner = style
                    inner.image = DiffLink(destination: image.destination, title: image.title)
                    // `plainText` recurses, within the parser's inline depth cap.
                    emit("\u{FFFC}" + image.content.plainText, .image, vocabulary.id(of: inner), vocabulary: &vocabulary)
                }
            }
        }

        private mutating func noteGap(_ gap: Token.Gap, _ styleID: Int32) {
            guard !tokens.isEmpty else { return }
            if gap == .hardBreak || pendingGap == .none {
                pendingGap = gap
                pendingGapStyle = styleID
            }
        }

        private mutating func emit(_ text: String, _ kind: Token.Kind, _ styleID: Int32, vocabulary: inout Vocabulary) {
            append(vocabulary.id(of: text), kind, styleID)
        }

        private mutating func append(_ text: Int32, _ kind: Token.Kind, _ styleID: Int32) {
            tokens.append(Token(text: text, kind: kind, gap: pendingGap, style: styleID, gapStyle: pendingGap == .none ? styleID : pendingGapStyle))
            pendingGap = .none
        }

        /// Splits one text into tokens, scalar by scalar: a word is a run of letters, digits,
        /// marks and connectors (with an apostrophe inside it: "don't"); a character of a script
        /// written without spaces is a token with the marks that follow it; anything else is one
        /// punctuation token.
        ///
        /// Works on the UTF-8 bytes: scalars are decoded in place, classified by table
        /// (`ScriptClass.of(value:)`), and each token's bytes are looked up in the vocabulary
        /// without making a `String`.
        private mutating func scanText(_ text: String, styleID: Int32, vocabulary: inout Vocabulary) {
            var text = text
            text.withUTF8 { bytes in scanUTF8(bytes, styleID: styleID, vocabulary: &vocabulary) }
        }

        private mutating func scanUTF8(_ bytes: UnsafeBufferPointer<UInt8>, styleID: Int32, vocabulary: inout Vocabulary) {
            let count = bytes.count
            var index = 0
            while index < count {
                let start = index
                let (first, firstLength) = UTF8Scalar.decode(bytes, at: index)
                let kind = ScriptClass.of(value: first)
                index += firstLength
                switch kind {
                case .space:
                    noteGap(.space, styleID)
                    continue
                case .word:
                    while index < count {
                        let (value, length) = UTF8Scalar.decode(bytes, at: index)
                        let next = ScriptClass.of(value: value)
                        if next == .word || next == .extend {
                            index += length
                        } else if ScriptClass.isApostrophe(value) {
                            let after = index + length
                            guard after < count, ScriptClass.of(value: UTF8Scalar.decode(bytes, at: after).value) == .word else { break }
                            index = after
                        } else {
                            break
                        }
                    }
                    append(vocabulary.id(ofUTF8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index]))), .word, styleID)
                case .unspaced, .extend, .other:
                    while index < count {
                        let (value, length) = UTF8Scalar.decode(bytes, at: index)
                        guard ScriptClass.of(value: value) == .extend else { break }
                        index += length
                    }
                    append(vocabulary.id(ofUTF8: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index]))), kind == .unspaced ? .word : .punctuation, styleID)
                }
            }
        }
    }
}

/// Decodes a scalar from UTF-8 that is known to be valid (a Swift `String`'s storage).
enum UTF8Scalar {
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[index])
        if lead < 0x80 { return (lead, 1) }
        if lead < 0xE0 { return (((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F), 2) }
        if lead < 0xF0 {
            return (((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F), 3)
        }
        return (((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12) | ((UInt32(bytes[index + 2]) & 0x3F) << 6)
                | (UInt32(bytes[index + 3]) & 0x3F), 4)
    }
}

/// What a Unicode scalar is to the tokenizer. Script ranges are written out because the
/// standard library does not expose a scalar's script.
enum ScriptClass: UInt8, Equatable {
    case space
    /// Letters, digits and connectors of scripts that space their words.
    case word
    /// A character of Han, Hiragana, Katakana, Hangul or Thai: one token each.
    case unspaced
    /// Joins the scalar before it: combining marks, Hangul vowel and final jamo, variation
    /// selectors, the zero-width joiner.
    case extend
    /// Punctuation, symbols, emoji: one token each.
    case other

    /// The class of a scalar value: ASCII by a switch, the rest of the Basic Multilingual Plane
    /// (Latin with accents, Arabic, CJK, …) from a table made once from `of(_:)`, the other
    /// planes by `of(_:)` itself. Looking up Unicode properties per scalar was a fifth of a
    /// build's time.
    @inline(__always)
    static func of(value: UInt32) -> ScriptClass {
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .word
            case 0x09...0x0D, 0x20: return .space
            default: return .other
            }
        }
        if value < 0x10000 { return basicPlane[Int(value)] }
        return Unicode.Scalar(value).map(of) ?? .other
    }

    /// `of(_:)` for every scalar below U+10000 (surrogate code points, never scalars, are `other`).
    private static let basicPlane: [ScriptClass] = (0..<0x10000).map { value in
        Unicode.Scalar(UInt32(value)).map(of) ?? .other
    }

    static func of(_ scalar: Unicode.Scalar) -> ScriptClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .word
            case 0x09...0x0D, 0x20: return .space
            default: return .other
            }
        }
        switch value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF, 0x200D, 0xFE00...0xFE0F, 0xE0100...0xE01EF: return .extend
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return .extend
        default: break
        }
        if isUnspaced(value) { return .unspaced }
        if properties.isWhitespace { return .space }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
            return .word
        default:
            return .other
        }
    }

    /// True for scalars that no text containing only such scalars can be canonically
    /// equivalent to other such text: they are their own NFC (quick check "yes") with
    /// combining class 0, so such a text is in NFC and equivalence is equality of bytes. A
    /// conservative subset, by block: everything below U+0300 (ASCII, Latin-1, Latin Extended),
    /// Arabic letters (not its combining marks or the three that compose), general punctuation
    /// from U+2002 (curly quotes, dashes; U+2000 and U+2001 decompose), CJK punctuation (not
    /// the tone marks U+302A–U+302F), kana letters, CJK ideographs (not the compatibility ones),
    /// Hangul syllables, and full- and half-width forms (whose decompositions are compatibility
    /// ones, which canonical equivalence ignores).
    static func isNormalizationInert(_ value: UInt32) -> Bool {
        switch value {
        case 0..<0x300: return true
        case 0x0600...0x06FF: return arabicInert[Int(value - 0x0600)]
        case 0x2002...0x206F: return true
        case 0x3000...0x3029, 0x3030...0x303F: return true
        case 0x3041...0x3096, 0x30A1...0x30FA: return true
        case 0x3400...0x4DBF, 0x4E00...0x9FFF: return true
        case 0xAC00...0xD7A3: return true
        case 0xFF01...0xFFEF: return true
        default: return false
        }
    }

    /// Arabic scalars of combining class 0, less U+0653–U+0655, which compose with letters.
    private static let arabicInert: [Bool] = (0x0600...0x06FF).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)), !(0x0653...0x0655).contains(value) else { return false }
        return scalar.properties.canonicalCombiningClass == .notReordered
    }

    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019
    }

    /// Han (with CJK radicals, iteration marks and the extension planes), Hiragana, Katakana
    /// (full and half width), Hangul syllables and jamo, Thai.
    private static func isUnspaced(_ value: UInt32) -> Bool {
        switch value {
        case 0x0E00...0x0E7F: return true                                   // Thai
        case 0x1100...0x115F, 0x3130...0x318F, 0xA960...0xA97F, 0xAC00...0xD7AF, 0xFFA0...0xFFDC: return true  // Hangul
        case 0x2E80...0x2FDF, 0x3005...0x3007, 0x3021...0x3029, 0x3038...0x303B: return true  // Han radicals, marks
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F: return true  // kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: return true  // Han
        case 0x20000...0x323AF: return true                                 // Han, extension planes
        default: return false
        }
    }
}
