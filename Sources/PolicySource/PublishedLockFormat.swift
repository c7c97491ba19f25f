import PolicyCore
import PolicyModel

/// The text of `Content/published.lock`, read and written in one place so the two agree.
///
/// ```
/// # (a comment header saying what the file is)
/// sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  privacy/2024-03-01/en.md
/// ```
///
/// One line per published file, sorted by policy, date and language, so that locking a new
/// version adds adjacent lines to a diff, and branches that lock different policies touch
/// different parts of the file. The writer always produces this canonical form (same entries, same bytes); the
/// reader also accepts blank lines, `#` comments, CRLF, upper-case hex and any run of spaces or
/// tabs between digest and path, but reports every other line, with its position.
public enum PublishedLockFormat {
    /// The lock's path in `Content/`.
    public static let fileName = "published.lock"

    static let header = """
        # Published policy versions: the SHA-256 of each file as it was published.
        # Written by `policysite lock`; do not edit it by hand. `policysite check` fails if a file
        # listed here changes or is deleted, because a published version is permanent: to change
        # a policy, start a new version with `policysite new <policy>`.

        """

    /// The canonical text: the header, then one line per path in path order (the first entry
    /// for a path wins).
    public static func render(_ entries: [PublishedLock.Entry]) -> String {
        var seen: Set<VersionFilePath> = []
        let lines = entries.filter { seen.insert($0.path).inserted }
            .sorted { $0.path < $1.path }
            .map { "sha256:\($0.digest.hex)  \($0.path)\n" }
        return header + lines.joined()
    }

    /// Reads `published.lock` if the snapshot has one; problems are `published-lock` diagnostics.
    static func read(from content: DirectorySnapshot, diagnostics: inout [Diagnostic]) -> PublishedLock? {
        guard let file = content.file(at: fileName) else { return nil }
        let display = content.displayPath(fileName)
        var encodingProblems: [Diagnostic] = []
        guard let text = SiteParser.decodeText(file, in: content, code: .publishedLock, diagnostics: &encodingProblems) else {
            // Said for the lock: it is restored, not re-saved.
            diagnostics += encodingProblems.map { problem in
                var problem = problem
                problem.message = "published.lock is not valid UTF-8 text; restore it from version control (git checkout -- \(display)); it is written by policysite lock, not by hand"
                return problem
            }
            return PublishedLock(file: display, entries: [])
        }
        let (lock, problems) = parse(text, file: display, displayPath: content.displayPath)
        diagnostics += problems
        return lock
    }

    /// - Parameters:
    ///   - file: the lock as diagnostics name it.
    ///   - displayPath: a path relative to `Content/` as diagnostics name it.
    /// - Returns: the valid entries (a duplicate path keeps its first line) and a diagnostic per
    ///   line that is not one.
    public static func parse(_ text: String, file: String, displayPath: (String) -> String) -> (PublishedLock, [Diagnostic]) {
        var entries: [PublishedLock.Entry] = []
        var diagnostics: [Diagnostic] = []
        var firstSeen: [VersionFilePath: (location: SourceLocation, digest: SourceDigest)] = [:]
        let restore = "restore published.lock from version control (git checkout -- \(file)); it is written by policysite lock, not by hand"
        func problem(_ message: String, line: Int, column: Int, related: [RelatedLocation] = []) {
            diagnostics.append(.error(.publishedLock, message, at: SourceLocation(file: file, line: line, column: column), related: related))
        }

        for (index, rawLine) in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = LockLine(rawLine)
            guard let first = line.first else { continue }
            if first == UInt8(ascii: "#") { continue }
            if line.isMergeConflictMarker {
                problem("unresolved merge conflict in published.lock; keep the lines of both sides (one line per file), delete the markers, then run policysite check", line: lineNumber, column: line.column(of: line.start))
                continue
            }
            guard line.hasPrefix("sha256:") else {
                problem("expected a line 'sha256:<64 hex digits>  <policy>/<YYYY-MM-DD>/<lang>.md', a comment starting with '#', or a blank line; \(restore)", line: lineNumber, column: line.column(of: line.start))
                continue
            }
            let digestStart = line.start + 7
            let digestEnd = line.endOfWord(from: digestStart)
            let digestText = line.text(digestStart..<digestEnd)
            guard let digest = SourceDigest(hex: digestText) else {
                // Point at the first character that is not a hex digit, or at the digest if it is too short or long.
                if let bad = (digestStart..<digestEnd).first(where: { !LockLine.isHexDigit(line.bytes[$0]) }) {
                    let character = line.text(bad..<line.endOfCharacter(from: bad))
                    problem("'\(character)' is not a hexadecimal digit; a SHA-256 digest is 64 of 0-9 and a-f; \(restore)", line: lineNumber, column: line.column(of: bad))
                } else {
                    problem("expected a SHA-256 digest of 64 hexadecimal digits after 'sha256:', found \(digestText.utf8.count) digits; \(restore)", line: lineNumber, column: line.column(of: digestStart))
                }
                continue
            }
            let pathStart = line.startOfWord(from: digestEnd)
            guard pathStart > digestEnd, pathStart < line.end else {
                problem("expected spaces and a file path '<policy>/<YYYY-MM-DD>/<lang>.md' after the digest; \(restore)", line: lineNumber, column: line.column(of: digestEnd))
                continue
            }
            let pathEnd = line.endOfWord(from: pathStart)
            guard pathEnd == line.end else {
                problem("unexpected text after the file path; a line holds one digest and one path; \(restore)", line: lineNumber, column: line.column(of: line.startOfWord(from: pathEnd)))
                continue
            }
            let pathText = line.text(pathStart..<pathEnd)
            let pathColumn = line.column(of: pathStart)
            guard let path = VersionFilePath(pathText) else {
                problem("'\(pathText.prefix(200))' is not a version file path '<policy>/<YYYY-MM-DD>/<lang>.md' (e.g. privacy/2024-03-01/en.md); \(restore)", line: lineNumber, column: pathColumn)
                continue
            }
            if let earlier = firstSeen[path] {
                let advice = earlier.digest == digest
                    ? "is locked twice; delete this line"
                    : "is locked twice, with another digest than on its first line; keep the line that matches the published text (see git log -p \(file)) and delete the other"
                problem("'\(path)' \(advice)", line: lineNumber, column: pathColumn,
                        related: [RelatedLocation("first locked here", at: earlier.location)])
                continue
            }
            let location = SourceLocation(file: file, line: lineNumber, column: pathColumn)
            firstSeen[path] = (location, digest)
            entries.append(PublishedLock.Entry(path: path, digest: digest, file: displayPath(path.description), location: location))
        }
        return (PublishedLock(file: file, entries: entries), diagnostics)
    }
}

/// One line of the lock as UTF-8 bytes, without its line end and surrounding blanks, with
/// columns counted in bytes from the start of the raw line.
private struct LockLine {
    let bytes: [UInt8]
    /// Index of the first non-blank byte.
    let start: Int
    /// Index after the last non-blank byte.
    let end: Int

    init(_ raw: Substring.UTF8View) {
        bytes = Array(raw)
        var end = bytes.count
        while end > 0, LockLine.isBlank(bytes[end - 1]) { end -= 1 }
        var start = 0
        while start < end, LockLine.isBlank(bytes[start]) { start += 1 }
        self.start = start
        self.end = end
    }

    /// Spaces, tabs and the CR of a CRLF line end.
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    var first: UInt8? { start < end ? bytes[start] : nil }

    func column(of index: Int) -> Int { index + 1 }

    func hasPrefix(_ prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        return end - start >= prefix.count && Array(bytes[start..<(start + prefix.count)]) == prefix
    }

    /// git's conflict markers: seven `<`, `=`, `>` or `|`.
    var isMergeConflictMarker: Bool {
        ["<<<<<<<", "=======", ">>>>>>>", "|||||||"].contains { hasPrefix($0) }
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
    }

    /// The index after the UTF-8 character that starts at `index`, to quote it whole.
    func endOfCharacter(from index: Int) -> Int {
        var end = index + 1
        while end < self.end, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    func endOfWord(from index: Int) -> Int {
        var index = index
        while index < end, !LockLine.isBlank(bytes[index]) { index += 1 }
        return index
    }

    func startOfWord(from index: Int) -> Int {
        var index = index
        while index < end, LockLine.isBlank(bytes[index]) { index += 1 }
        return index
    }

    /// The bytes as text; a bad UTF-8 sequence cannot occur (the file was validated), but would
    /// become U+FFFD rather than fail.
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
