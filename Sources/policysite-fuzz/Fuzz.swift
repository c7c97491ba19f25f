// A libFuzzer target over the whole path from bytes to pages: front matter, YAML, cmark,
// sections and outline, links, the checks, the diff of two versions, and the rendering of the
// site with the built-in theme. See scripts/fuzz and the README's "Fuzzing" section.
//
// The input is split on the byte 0xFF (never valid UTF-8, so a text file needs no escape):
//   part 0       Content/site.yml
//   part 1       Content/privacy/2024-01-01/en.md
//   part 2       Content/privacy/2025-01-01/en.md
//   part 3...    "relative/path\n" + bytes: any other file, e.g. privacy/policy.yml,
//                privacy/2025-01-01/fr.md, or Templates/strings/en.yml (a path starting with
//                "Templates/" goes to the site's templates layer over the built-in theme).
// Invalid UTF-8 is still reachable inside a part (0xC0, 0xFE, lone continuation bytes).
//
// Built with `-Xswiftc -DPOLICYSITE_FUZZ --sanitize=fuzzer`, libFuzzer supplies `main`. Built
// plainly (by `swift build`, `swift test`), the same binary replays the files named on its command
// line through the same function: a finding reproduces without the fuzzer toolchain.
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import PolicyChanges
import PolicyCore
import PolicySource
import PolicyModel
import PolicyRender
import PolicyTheme
import PolicyValidate

let asOf = CalendarDate(year: 2024, month: 6, day: 1)!

/// The input as files: the content snapshot and the templates layer.
func snapshots(_ bytes: [UInt8]) -> (content: DirectorySnapshot, templates: DirectorySnapshot) {
    let parts = bytes.split(separator: 0xFF, omittingEmptySubsequences: false).map(Array.init)
    var content: [SnapshotFile] = []
    var templates: [SnapshotFile] = []
    let fixed = ["site.yml", "privacy/2024-01-01/en.md", "privacy/2025-01-01/en.md"]
    var seen = Set<String>()
    for (index, part) in parts.enumerated() {
        if index < fixed.count {
            content.append(SnapshotFile(path: fixed[index], bytes: part))
            seen.insert(fixed[index])
            continue
        }
        guard let newline = part.firstIndex(of: 0x0A) else { continue }
        let path = String(decoding: part[..<newline], as: UTF8.self)
        let body = Array(part[(newline + 1)...])
        // The loader never yields an empty, absolute, `.`/`..` or duplicate path: neither do we.
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.isEmpty, !components.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else { continue }
        if components.first == "Templates" {
            let rest = components.dropFirst().joined(separator: "/")
            guard !rest.isEmpty, seen.insert("T/" + rest).inserted else { continue }
            templates.append(SnapshotFile(path: rest, bytes: body))
        } else {
            guard seen.insert(path).inserted else { continue }
            content.append(SnapshotFile(path: path, bytes: body))
        }
    }
    return (DirectorySnapshot(root: "Content", files: content), DirectorySnapshot(root: "Templates", files: templates))
}

/// The built-in theme alone, per list of languages: reading its strings (some forty YAML files)
/// is most of a run's time, and the same for every input without a Templates/ part.
nonisolated(unsafe) var builtinSets: [[LanguageTag]: (TemplateSet?, [Diagnostic])] = [:]

func templateSet(_ layer: DirectorySnapshot, languages: [LanguageTag]) -> (TemplateSet?, [Diagnostic]) {
    guard layer.files.isEmpty else { return TemplateSet.make(from: [BuiltinTheme.snapshot, layer], languages: languages) }
    if let cached = builtinSets[languages] { return cached }
    if builtinSets.count > 64 { builtinSets.removeAll() }
    let made = TemplateSet.make(from: [BuiltinTheme.snapshot, layer], languages: languages)
    builtinSets[languages] = made
    return made
}

func run(_ bytes: [UInt8]) {
    let (content, templatesLayer) = snapshots(bytes)
    var diagnostics: [Diagnostic] = []

    // Parse and validate.
    let parsed = SiteParser.parse(content)
    diagnostics += parsed.diagnostics
    if let site = parsed.site {
        diagnostics += SiteValidator.validate(ValidationInput(site: site, asOf: asOf))

        // The diff of the two versions, in every form `diff` prints.
        if let policy = site.policies.first, policy.versions.count >= 2 {
            let language = site.settings.defaultLanguage
            if let old = policy.versions[0].document(in: language) ?? policy.versions[0].documents.first,
               let new = policy.versions[1].document(in: language) ?? policy.versions[1].documents.first {
                let diff = VersionDiff.compare(old: old, new: new)
                _ = ChangeJSON.render(diff, policy: policy.slug.rawValue, language: language.rawValue,
                                      from: policy.versions[0].effective.description, to: policy.versions[1].effective.description)
                _ = ChangeText(colour: true).render(diff)
            }
        }

        // Templates and rendering, drafts included (as `serve` and `build --drafts` do).
        let (set, problems) = templateSet(templatesLayer, languages: site.settings.languages)
        diagnostics += problems
        if let set, !problems.contains(where: { $0.severity == .error }) {
            let renderer = SiteRenderer(site: site, templates: set, asOf: asOf)
            diagnostics += renderer.staticClashes()
            let result = renderer.render()
            diagnostics += result.diagnostics
            checkOutput(result.files)
        }
    }

    // Diagnostics in every format, with a source excerpt from the input.
    let sorted = Diagnostic.sortedForReport(diagnostics)
    checkDiagnostics(sorted, source: content)
}

/// What must hold of any site, whatever its content: the oracles that turn an escaping or path
/// bug into a crash the fuzzer records. The theme has no script, and safe mode passes no raw HTML,
/// so `<script` in a page can only be content that escaped its escaping.
func checkOutput(_ files: [OutputFile]) {
    var paths = Set<String>()
    for file in files {
        let components = file.path.split(separator: "/", omittingEmptySubsequences: false)
        precondition(!file.path.isEmpty && !file.path.hasPrefix("/") && !components.contains { $0.isEmpty || $0 == "." || $0 == ".." },
                     "an output path leaves the output directory: \(file.path.debugDescription)")
        precondition(paths.insert(file.path).inserted, "two output files at \(file.path)")
        if file.path.hasSuffix(".html") {
            let lower = String(decoding: file.bytes, as: UTF8.self).lowercased()
            precondition(!lower.contains("<script"), "a script element in \(file.path)")
            precondition(!lower.contains("href=\"javascript:") && !lower.contains("src=\"javascript:"), "a javascript: URL in \(file.path)")
            precondition(!file.bytes.contains { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0C && $0 != 0x0D) || $0 == 0x7F }, "a control character in \(file.path)")
        } else if file.path.hasSuffix(".xml") {
            let parser = XMLParser(data: Data(file.bytes))
            precondition(parser.parse(), "\(file.path) is not well-formed XML: \(String(describing: parser.parserError))")
        } else if file.path.hasSuffix(".json") {
            precondition((try? JSONSerialization.jsonObject(with: Data(file.bytes))) != nil, "\(file.path) is not JSON")
        }
    }
}

/// Diagnostics quote content: the GitHub form stays one annotation per line, the text form sends
/// no control character but newline (and the tabs of source excerpts), and the JSON form parses.
func checkDiagnostics(_ diagnostics: [Diagnostic], source: DirectorySnapshot) {
    func line(_ file: String, _ number: Int) -> String? {
        guard let found = source.files.first(where: { source.displayPath($0.path) == file }) else { return nil }
        let lines = found.bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? String(decoding: lines[number - 1], as: UTF8.self) : nil
    }
    let github = DiagnosticFormat.github.format(diagnostics)
    precondition(!github.utf8.contains(0x0D) && github.utf8.filter { $0 == 0x0A }.count == diagnostics.count, "a GitHub annotation spans lines")
    let text = DiagnosticFormat.text.format(diagnostics, sourceLine: line, colour: false)
    precondition(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F..<0xA0).contains($0.value) }, "a control character in text diagnostics")
    _ = DiagnosticFormat.text.format(diagnostics, sourceLine: line, colour: true)
    let json = DiagnosticFormat.json.format(diagnostics)
    precondition((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "the JSON diagnostics do not parse")
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    run(bytes)
    return 0
}

#if !POLICYSITE_FUZZ
@main
enum Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("cannot read \(path)")
                exit(2)
            }
            run(Array(data))
            print("ok \(path)")
        }
    }
}
#endif
