import PolicyCore

/// A SHA-256 digest as 64 lower-case hexadecimal digits, the way `published.lock` and
/// `sha256sum` write it.
public struct SourceDigest: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let hex: String

    /// Accepts exactly 64 hexadecimal digits, in either case; keeps them in lower case.
    public init?(hex: String) {
        let lower = hex.lowercased()
        guard lower.utf8.count == 64, lower.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains($0) })
        else { return nil }
        self.hex = lower
    }

    public var description: String { hex }

    public static func < (lhs: SourceDigest, rhs: SourceDigest) -> Bool { lhs.hex < rhs.hex }
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
