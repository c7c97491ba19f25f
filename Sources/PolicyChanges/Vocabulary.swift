/// The strings and styles of one comparison, each stored once and named by a small number, so
/// that diffs compare integers and a token costs a few bytes however long its word.
///
/// Texts are equal as Swift's `String` holds them equal: canonically equivalent texts (a
/// precomposed "é" and "e" with a combining accent) get one id. The tokenizer's texts arrive as
/// UTF-8 bytes and are looked up by their bytes (`id(ofUTF8:)`); making a `String` of each new
/// one and hashing it (which normalises it) was a tenth of a build. That is only needed while
/// two different byte strings can be equivalent, which takes a text with a scalar outside
/// `ScriptClass.isNormalizationInert`: until one arrives, texts are kept as bytes alone, and
/// when one does, every text so far is indexed as a `String` and all later ones are too.
struct Vocabulary {
    /// Per id: the text, or nil while it is kept only as bytes (`byteTexts`).
    private var strings: [String?] = []
    /// Per id: where its bytes are in `byteArena`, for texts kept as bytes.
    private var byteTexts: [Range<Int>] = []
    private var byteArena: [UInt8] = []
    private var stringIDs: [String: Int32] = [:]
    /// Ids of texts kept as bytes and not yet in `stringIDs`.
    private var unindexed: [Int32] = []
    /// True once a text that may equal other bytes has been seen: from then on every text is
    /// indexed as a `String`.
    private var indexesStrings = false
    private(set) var styles: [InlineStyle] = [InlineStyle()]
    private var styleIDs: [InlineStyle: Int32] = [InlineStyle(): 0]
    /// Canonical forms of whole blocks (or list items), so blocks are aligned by one number each.
    private var formIDs = InternTable()
    /// The UTF-8 bytes of every text seen, mapped to its id.
    private var byteIDs = InternTable()

    mutating func id(of string: String) -> Int32 {
        var string = string
        return string.withUTF8 { id(ofUTF8: UnsafeRawBufferPointer($0)) }
    }

    /// The id of the text whose UTF-8 bytes (valid UTF-8) these are.
    mutating func id(ofUTF8 bytes: UnsafeRawBufferPointer) -> Int32 {
        if let id = byteIDs.value(for: bytes) { return id }
        if !indexesStrings, !Self.isInert(bytes) {
            indexesStrings = true
            for id in unindexed { stringIDs[string(id)] = id }
            unindexed = []
        }
        let id: Int32
        if indexesStrings {
            let string = String(decoding: bytes, as: UTF8.self)
            if let existing = stringIDs[string] {
                id = existing
            } else {
                id = Int32(strings.count)
                strings.append(string)
                byteTexts.append(0..<0)
                stringIDs[string] = id
            }
        } else {
            id = Int32(strings.count)
            strings.append(nil)
            byteTexts.append(byteArena.count..<(byteArena.count + bytes.count))
            byteArena.append(contentsOf: bytes)
            unindexed.append(id)
        }
        byteIDs.insert(bytes, value: id)
        return id
    }

    /// True when every scalar is normalization-inert: such texts are equivalent only when their
    /// bytes are equal.
    private static func isInert(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let scalars = bytes.bindMemory(to: UInt8.self)
        var index = 0
        while index < scalars.count {
            let (value, length) = UTF8Scalar.decode(scalars, at: index)
            if !ScriptClass.isNormalizationInert(value) { return false }
            index += length
        }
        return true
    }

    mutating func id(of style: InlineStyle) -> Int32 {
        if let id = styleIDs[style] { return id }
        let id = Int32(styles.count)
        styles.append(style)
        styleIDs[style] = id
        return id
    }

    mutating func id(ofForm form: [Int32]) -> Int32 {
        form.withUnsafeBytes { bytes in
            if let id = formIDs.value(for: bytes) { return id }
            let id = Int32(formIDs.count)
            formIDs.insert(bytes, value: id)
            return id
        }
    }

    func string(_ id: Int32) -> String {
        if let string = strings[Int(id)] { return string }
        return String(decoding: byteArena[byteTexts[Int(id)]], as: UTF8.self)
    }

    /// Appends the text's UTF-8 bytes, without making a `String` of a text kept as bytes.
    func appendUTF8(of id: Int32, to bytes: inout [UInt8]) {
        if let string = strings[Int(id)] {
            bytes.append(contentsOf: string.utf8)
        } else {
            bytes.append(contentsOf: byteArena[byteTexts[Int(id)]])
        }
    }

    func style(_ id: Int32) -> InlineStyle { styles[Int(id)] }
}
