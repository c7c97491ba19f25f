import Foundation

/// Reads the lines that diagnostics point at, for the overlay: each file once per report, and
/// afresh for every report, since the files are being edited. Diagnostics name files as the
/// user typed the directories, relative to the current directory.
struct SourceLineReader {
    private var files: [String: [Substring]?] = [:]

    mutating func line(_ file: String, _ number: Int) -> String? {
        if files[file] == nil {
            let text = FileManager.default.contents(atPath: file).flatMap { String(validating: $0, as: UTF8.self) }
            files[file] = .some(text.map { $0.split(separator: "\n", omittingEmptySubsequences: false) })
        }
        guard let lines = files[file] ?? nil, number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1].trimmingSuffix { $0 == "\r" })
    }
}

private extension Substring {
    func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
