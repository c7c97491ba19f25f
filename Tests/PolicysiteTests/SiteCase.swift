import Foundation

/// A whole site in one text file, as Hugo's txtar tests: a header, the site's files inline,
/// and the diagnostics `check` and `build` must report.
///
/// ```
/// # What the case shows (comment lines start with #).
/// as-of: 2025-06-01        optional; default 2025-06-01
/// strict: true             optional
/// exit: 1                  the exit status of both check and build
/// -- Content/site.yml --
/// title: T
/// -- Content/terms/2024-01-01/en.md --
/// Text.
/// -- expected --
/// Content/terms/2024-01-01/en.md:1:1: error: … [code]
/// ```
///
/// Files under `Templates/` replace or add to the real templates; without any, the real
/// templates are used as they are.
struct SiteCase {
    var name: String
    var asOf = "2025-06-01"
    var strict = false
    var exit: Int32 = 0
    var files: [(path: String, text: String)] = []
    var expected = ""

    init(name: String, text: String) throws {
        self.name = name
        var current: (path: String, lines: [String])?
        var sections: [(path: String, lines: [String])] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                if let current { sections.append(current) }
                current = (String(line.dropFirst(3).dropLast(3)), [])
            } else if current != nil {
                current!.lines.append(line)
            } else if !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") {
                let key = line[..<colon].trimmingCharacters(in: .whitespaces)
                let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                switch key {
                case "as-of": asOf = value
                case "strict": strict = value == "true"
                case "exit": exit = Int32(value) ?? -1
                default: throw CaseError("\(name): unknown header key '\(key)'")
                }
            }
        }
        if let current { sections.append(current) }
        for section in sections {
            // A section's text ends with the line before the next marker; the file ends with a newline.
            var lines = section.lines
            while lines.last == "" { lines.removeLast() }
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            if section.path == "expected" { expected = text } else { files.append((section.path, text)) }
        }
    }

    /// Writes the site into `directory`: the case's files over a copy of the real templates.
    func write(into directory: URL) throws {
        let manager = FileManager.default
        try manager.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: directory.appendingPathComponent("Templates"))
        for file in files {
            let url = directory.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
        }
    }

    /// The case file with `expected` replaced, for `POLICYSITE_UPDATE_GOLDEN=1`.
    static func replacingExpected(in text: String, with expected: String) -> String {
        guard let range = text.range(of: "\n-- expected --\n") else { return text + "-- expected --\n" + expected }
        return String(text[..<range.upperBound]) + expected
    }
}

struct CaseError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
