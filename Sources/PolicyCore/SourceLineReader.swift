import Foundation

/// Reads the lines that diagnostics point at, for their excerpts: each file once per reader.
/// Diagnostics name files as the user typed the directories, relative to the current directory,
/// so that is where they are read. The terminal's printer makes one per report and so does the
/// preview's overlay, afresh for every rebuild, since the files are being edited.
///
/// The one place this module reads files: the formats themselves take the lines as a function.
public final class SourceLineReader {
    private var files: [String: [String]?] = [:]
    private let read: (String) -> [UInt8]?

    /// - Parameter read: a file's bytes, nil when it cannot be read (for tests).
    public init(read: @escaping (String) -> [UInt8]? = { FileManager.default.contents(atPath: $0).map { [UInt8]($0) } }) {
        self.read = read
    }

    /// Line `number` (1-based) of `file`, without its line terminator (`\n` or `\r\n`); nil when
    /// the file cannot be read, is not UTF-8 or is shorter.
    public func line(_ file: String, _ number: Int) -> String? {
        if files[file] == nil {
            let text = read(file).flatMap { String(validating: $0, as: UTF8.self) }
            // Split by scalar: as Characters, "\r\n" is one, which a "\n" never matches.
            files[file] = .some(text.map { text in
                text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                    String(line.last == "\r" ? line.dropLast() : line)
                }
            })
        }
        guard let lines = files[file] ?? nil, number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
