import PolicyCore
import PolicyModel

/// What parsing one version file (`<policy>/<date>/<lang>.md`) gave: a pure function of its
/// bytes and the path it is shown under, so it can be kept and reused while the bytes are the same.
public struct ParsedVersionFile: Sendable {
    let path: VersionFilePath
    /// The path diagnostics name, e.g. `Content/privacy/2024-03-01/en.md`.
    let display: String
    let bytes: [UInt8]
    let digest: SourceDigest
    /// Nil when the file failed to parse (its diagnostics say why).
    let document: PolicyDocument?
    let diagnostics: [Diagnostic]
}

/// Every version file of a snapshot, parsed; handed back to the next parse so that a rebuild
/// after an edit parses only the files whose bytes changed.
public struct ParsedVersionFiles: Sendable {
    /// By path relative to the content directory.
    var files: [String: ParsedVersionFile] = [:]
    /// The content directory they were read from, as diagnostics name it.
    var root: String?

    public init() {}

    /// The version files of `content` parsed over every core, reusing `previous` for any file
    /// whose path and bytes are unchanged.
    static func parse(_ content: DirectorySnapshot, reusing previous: ParsedVersionFiles) -> ParsedVersionFiles {
        var result = ParsedVersionFiles()
        result.files.reserveCapacity(content.files.count)
        // Files kept from the previous parse are looked up here; only the others go to the cores
        // (after a one-file edit, that is one file).
        var changed: [(file: SnapshotFile, path: VersionFilePath, display: String)] = []
        result.root = content.root
        for file in content.files {
            // Array equality is a pointer comparison when the loader kept the same buffer. A file
            // kept keeps its path and display name too (the same root gives the same name), so a
            // rebuild does not read every path again.
            if let kept = previous.files[file.path], previous.root == content.root, kept.bytes == file.bytes {
                result.files[file.path] = kept
                continue
            }
            guard let path = VersionFilePath(file.path) else { continue }
            changed.append((file, path, content.displayPath(file.path)))
        }
        let parsed = changed.parallelMap { file, path, display -> ParsedVersionFile in
            var diagnostics: [Diagnostic] = []
            var document = SiteParser.parseDocument(file, language: path.language, in: content, diagnostics: &diagnostics)
            let digest = SourceHasher.sha256(file.bytes)
            document?.digest = digest
            return ParsedVersionFile(path: path, display: display, bytes: file.bytes, digest: digest,
                                     document: document, diagnostics: diagnostics)
        }
        for (file, parsed) in zip(changed, parsed) { result.files[file.file.path] = parsed }
        return result
    }

    /// Every version file on disk, parsed or not, with the SHA-256 of its bytes; a file that
    /// `lock` records with another digest also gets the digests of its line-ending and
    /// byte-order-mark variants, so the check can say when only those differ.
    func hashedFiles(lockedIn lock: PublishedLock?) -> [VersionFilePath: HashedFile] {
        var result: [VersionFilePath: HashedFile] = [:]
        result.reserveCapacity(files.count)
        let locked = Dictionary((lock?.entries ?? []).map { ($0.path, $0.digest) }, uniquingKeysWith: { first, _ in first })
        for file in files.values {
            var hashed = HashedFile(file: file.display, digest: file.digest)
            if let lockedDigest = locked[file.path], lockedDigest != file.digest {
                hashed.encodingVariants = EncodingVariants.of(file.bytes)
            }
            result[file.path] = hashed
        }
        return result
    }
}
