import PolicyCore

/// A SHA-256 digest, written as 64 lower-case hexadecimal digits the way `published.lock` and
/// `sha256sum` write it.
///
/// Held as four 64-bit words: every rebuild looks up thousands of check results by the digests
/// of the files they read, and hashing and comparing 32 bytes is far cheaper than 64 characters.
public struct SourceDigest: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The digest's bytes, big-endian, eight to a word: the words' order is the hex text's.
    private let words: (UInt64, UInt64, UInt64, UInt64)

    /// Accepts exactly 64 hexadecimal digits, in either case.
    public init?(hex: String) {
        var nibbles: [UInt8] = []
        nibbles.reserveCapacity(64)
        for byte in hex.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibbles.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibbles.append(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibbles.append(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
            if nibbles.count > 64 { return nil }
        }
        guard nibbles.count == 64 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        for index in stride(from: 0, to: 64, by: 2) { bytes.append(nibbles[index] << 4 | nibbles[index + 1]) }
        self.init(bytes: bytes)!
    }

    /// The digest's 32 bytes.
    public init?<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        let bytes = Array(bytes)
        guard bytes.count == 32 else { return nil }
        func word(_ start: Int) -> UInt64 {
            bytes[start..<(start + 8)].reduce(0) { $0 << 8 | UInt64($1) }
        }
        words = (word(0), word(8), word(16), word(24))
    }

    /// 64 lower-case hexadecimal digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 60, through: 0, by: -4) { text.append(digits[Int((word >> UInt64(shift)) & 0xF)]) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    public var description: String { hex }

    public static func == (lhs: SourceDigest, rhs: SourceDigest) -> Bool { lhs.words == rhs.words }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    public static func < (lhs: SourceDigest, rhs: SourceDigest) -> Bool { lhs.words < rhs.words }
}

/// A version file as it is on disk now, whether or not it parsed: what a published version is
/// compared with.
public struct HashedFile: Sendable, Hashable {
    /// The path diagnostics name, e.g. `Content/privacy/2024-03-01/en.md`.
    public var file: String
    /// The SHA-256 of the file's exact bytes.
    public var digest: SourceDigest
    /// The digests of the same bytes with other line endings or byte-order mark, each with what
    /// was changed to get it. Filled only for a locked file whose digest differs from the lock's
    /// (hashing every file several times would slow every build for a rare case), so the check
    /// can tell "git converted the line endings" from "someone edited a published text".
    public var encodingVariants: [SourceDigest: EncodingDifference]

    public init(file: String, digest: SourceDigest, encodingVariants: [SourceDigest: EncodingDifference] = [:]) {
        self.file = file
        self.digest = digest
        self.encodingVariants = encodingVariants
    }
}

/// How a file on disk differs from its locked bytes when the text is the same: what git's
/// line-ending conversion or an editor's "UTF-8 with BOM" does to a file.
public struct EncodingDifference: Sendable, Hashable {
    public enum LineEndings: Sendable, Hashable {
        case same
        /// The file has CRLF line ends where the locked one had LF.
        case nowCRLF
        /// The file has LF line ends where the locked one had CRLF.
        case nowLF
    }

    public enum ByteOrderMark: Sendable, Hashable {
        case same
        /// The file starts with a UTF-8 byte-order mark (EF BB BF) that the locked one lacked.
        case added
        /// The locked file started with a UTF-8 byte-order mark that this one lacks.
        case removed
    }

    public var lineEndings: LineEndings
    public var byteOrderMark: ByteOrderMark

    public init(lineEndings: LineEndings, byteOrderMark: ByteOrderMark) {
        self.lineEndings = lineEndings
        self.byteOrderMark = byteOrderMark
    }
}

/// `Content/published.lock`: the version files that were published, each with the SHA-256 of
/// its bytes when it was locked. A published version is permanent: the check fails if a locked
/// file changes or vanishes.
public struct PublishedLock: Sendable, Equatable {
    public struct Entry: Sendable, Hashable {
        public var path: VersionFilePath
        public var digest: SourceDigest
        /// Where the entry is in the lock file, for diagnostics; nil for an entry not yet written.
        public var location: SourceLocation?
        /// The locked file as diagnostics name it, e.g. `Content/privacy/2024-03-01/en.md`.
        public var file: String

        public init(path: VersionFilePath, digest: SourceDigest, file: String, location: SourceLocation? = nil) {
            self.path = path
            self.digest = digest
            self.file = file
            self.location = location
        }
    }

    /// The lock file as diagnostics name it: `Content/published.lock`.
    public var file: String
    /// In the order of the file; at most one per path (the reader reports and drops duplicates).
    public var entries: [Entry]

    public init(file: String, entries: [Entry]) {
        self.file = file
        self.entries = entries
    }
}
