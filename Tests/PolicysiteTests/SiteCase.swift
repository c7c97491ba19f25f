import Foundation

/// A whole site in one text file, as Hugo's txtar integration tests: a header, the site's files
/// inline, the diagnostics `check` and `build` must report, lines pages must contain, and edits
/// after which all of it is checked again.
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
/// -- base64 Content/terms/2024-01-01/ar.md --
/// b2sK//4gYmFkCg==         bytes that are not text (invalid UTF-8)
/// -- expected --
/// Content/terms/2024-01-01/en.md:1:1: error: … [code]
/// -- expect Output/en/terms/index.html --
/// <h1>Terms</h1>           each line must appear in the built file
/// -- edit --
/// exit: 0                  the exit status after this edit (default: the case's)
/// -- Content/terms/2024-01-01/en.md --
/// New text.                files after `-- edit --` replace or add to the site
/// -- delete Content/terms/2025-01-01/en.md --
/// -- expected --           the diagnostics after the edit
/// ```
///
/// Files under `Templates/` replace or add to the real templates; without any, the real
/// templates are used as they are.
struct SiteCase {
    /// The site as first written, then each edit: the files it writes and deletes, and what
    /// must hold afterwards.
    struct Step {
        var exit: Int32
        var files: [(path: String, bytes: [UInt8])] = []
        var deletions: [String] = []
        /// The diagnostics in text format; nil when the step has no `-- expected --` section.
        var expected: String?
        /// `Output/…` paths and the lines each must contain.
        var expectations: [(path: String, lines: [String])] = []
    }

    var name: String
    var asOf = "2025-06-01"
    var strict = false
    var steps: [Step] = []

    /// The first step's exit status: the case's.
    var exit: Int32 { steps.first?.exit ?? 0 }

    init(name: String, text: String) throws {
        self.name = name
        var header: [String] = []
        var sections: [(marker: String, lines: [String])] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("-- "), line.hasSuffix(" --"), line.count > 6 {
                sections.append((String(line.dropFirst(3).dropLast(3)), []))
            } else if !sections.isEmpty {
                sections[sections.count - 1].lines.append(line)
            } else {
                header.append(line)
            }
        }
        var exit: Int32 = 0
        for (key, value) in try Self.keys(header, name: name) {
            switch key {
            case "as-of": asOf = value
            case "strict": strict = value == "true"
            case "exit": exit = Int32(value) ?? -1
            default: throw CaseError("\(name): unknown header key '\(key)'")
            }
        }
        var step = Step(exit: exit)
        for section in sections {
            // A section's text ends with the line before the next marker; the file ends with a newline.
            var lines = section.lines
            while lines.last == "" { lines.removeLast() }
            let text = lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n")
            let words = section.marker.split(separator: " ", maxSplits: 1).map(String.init)
            switch (words.first, words.count) {
            case ("edit", 1):
                steps.append(step)
                step = Step(exit: self.exit)
                for (key, value) in try Self.keys(lines, name: name) {
                    guard key == "exit" else { throw CaseError("\(name): unknown edit key '\(key)'") }
                    step.exit = Int32(value) ?? -1
                }
            case ("expected", 1):
                step.expected = text
            case ("expect", 2):
                step.expectations.append((words[1], lines.filter { !$0.isEmpty }))
            case ("delete", 2):
                step.deletions.append(words[1])
            case ("base64", 2):
                guard let data = Data(base64Encoded: lines.joined()) else { throw CaseError("\(name): \(words[1]) is not base64") }
                step.files.append((words[1], Array(data)))
            default:
                step.files.append((section.marker, Array(text.utf8)))
            }
        }
        steps.append(step)
    }

    private static func keys(_ lines: [String], name: String) throws -> [(String, String)] {
        try lines.compactMap { line in
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { return nil }
            guard let colon = line.firstIndex(of: ":") else { throw CaseError("\(name): '\(line)' is not 'key: value'") }
            return (line[..<colon].trimmingCharacters(in: .whitespaces), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// Writes the site as first written into `directory`: the case's files over a copy of the
    /// real templates.
    func write(into directory: URL) throws {
        try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent("Templates"), to: directory.appendingPathComponent("Templates"))
        _ = try apply(steps[0], in: directory)
    }

    /// Writes and deletes a step's files in `directory`; returns the paths it touched.
    func apply(_ step: Step, in directory: URL) throws -> [String] {
        let manager = FileManager.default
        var touched: [String] = []
        for file in step.files {
            let url = directory.appendingPathComponent(file.path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
            touched.append(url.path)
        }
        for path in step.deletions {
            let url = directory.appendingPathComponent(path)
            try manager.removeItem(at: url)
            touched.append(url.path)
        }
        return touched
    }

    /// The case file with each step's `expected` section replaced (added where a step has none),
    /// for `POLICYSITE_UPDATE_GOLDEN=1`.
    static func replacingExpected(in text: String, with expected: [String]) -> String {
        var output: [String] = []
        var step = 0
        var skipping = false
        var wroteExpected = false
        func finishStep() {
            if !wroteExpected, step < expected.count {
                output.append("-- expected --")
                output.append(contentsOf: expected[step].split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
            }
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let isMarker = line.hasPrefix("-- ") && line.hasSuffix(" --") && line.count > 6
            if isMarker { skipping = false }
            if line == "-- edit --" {
                finishStep()
                step += 1
                wroteExpected = false
            }
            if line == "-- expected --", step < expected.count {
                output.append(line)
                output.append(contentsOf: expected[step].split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init))
                skipping = true
                wroteExpected = true
                continue
            }
            if !skipping { output.append(line) }
        }
        while output.last == "" { output.removeLast() }
        finishStep()
        return output.joined(separator: "\n") + "\n"
    }
}

struct CaseError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
