import Foundation
import PolicyCore
import PolicyModel
import PolicyPipeline
import Testing

/// Every case under `Fixtures/cases/`, step by step (the site as written, then each edit):
/// `check` and `build` report exactly the expected diagnostics (code, file, line, column,
/// message) with the expected exit status; a failed build leaves the previous output as it was;
/// built files contain the lines the case expects; and one engine carried through every step
/// (first built from the site with a file missing, then given it back) reports the same
/// diagnostics and holds the same files as the fresh builds. `POLICYSITE_UPDATE_GOLDEN=1 swift
/// test` rewrites the expected parts.
@Suite struct SiteCaseTests {
    static let root = TestSupport.fixtures.appendingPathComponent("cases")
    static let names: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()

    @Test(arguments: names)
    func caseReportsItsDiagnostics(file: String) throws {
        let url = Self.root.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let siteCase = try SiteCase(name: file, text: text)
        let directory = try TestSupport.temporaryDirectory()
        try siteCase.write(into: directory)
        let asOf = try #require(CalendarDate(iso: siteCase.asOf))
        let output = directory.appendingPathComponent("Output")
        let options = SiteOptions(contentDirectory: directory.appendingPathComponent("Content").path,
                                  templatesDirectory: directory.appendingPathComponent("Templates").path,
                                  outputDirectory: output.path, asOf: asOf, strict: siteCase.strict)
        // A previous site, marked as an earlier build's: a failed build must leave it alone.
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("previous".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data("policysite output directory\n".utf8).write(to: output.appendingPathComponent(".policysite"))

        // Paths as a user in the site's directory sees them.
        func report(_ diagnostics: [Diagnostic]) -> String {
            DiagnosticFormat.text.format(diagnostics).replacingOccurrences(of: directory.path + "/", with: "")
        }

        let engine = SiteEngine(options)
        var actualExpected: [String] = []
        for (index, step) in siteCase.steps.enumerated() {
            let label = index == 0 ? file : "\(file), edit \(index)"
            var touched: [String] = []
            if index > 0 { touched = try siteCase.apply(step, in: directory) }

            let checked = CheckPipeline.check(options)
            let before = try TestSupport.files(under: output)
            let built = BuildPipeline.build(options)
            let actual = report(checked.diagnostics)
            actualExpected.append(actual)
            if let expected = step.expected, !TestSupport.updateGolden {
                #expect(actual == expected, "\(label)")
            }
            #expect(checked.exitStatus.rawValue == step.exit, "\(label): check exited \(checked.exitStatus.rawValue)")
            #expect(report(built.diagnostics) == actual, "\(label): build and check disagree")
            #expect(built.exitStatus == checked.exitStatus)
            #expect(built.wroteOutput == (checked.exitStatus == .success))
            if !built.wroteOutput { #expect(try TestSupport.files(under: output) == before, "\(label): a failed build changed the output") }
            for expectation in step.expectations {
                let path = directory.appendingPathComponent(expectation.path).path
                let page = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                #expect(!page.isEmpty, "\(label): \(expectation.path) was not built")
                for line in expectation.lines where !page.contains(line) {
                    Issue.record("\(label): \(expectation.path) lacks \(line)")
                }
            }

            // The engine, carried through the steps, agrees with the fresh build.
            let update: SiteUpdate
            if index == 0 {
                update = try engineAfterAMissingFile(engine, siteCase: siteCase, in: directory)
            } else {
                update = engine.rebuild(changedPaths: touched)
            }
            #expect(report(update.diagnostics) == report(built.diagnostics), "\(label): the engine and a fresh build disagree")
            #expect(update.succeeded == built.wroteOutput, "\(label)")
            if built.wroteOutput {
                // The fresh build's files as it wrote them (its marker aside).
                var fresh = try TestSupport.files(under: output)
                fresh[".policysite"] = nil
                #expect(fresh.keys.sorted() == built.files, "\(label): the build wrote other files than it reports")
                let differing = Set(fresh.keys).union(engine.files.keys).filter { fresh[$0].map { [UInt8]($0) } != engine.files[$0]?.bytes }.sorted()
                #expect(differing == [], "\(label): the engine's files differ from a fresh build's")
            }
        }
        if TestSupport.updateGolden {
            try Data(SiteCase.replacingExpected(in: text, with: actualExpected).utf8).write(to: url)
        }
    }

    /// The engine built first from the site with its last content file missing (when it has
    /// more than one), then told the file came back: so every case also tests a rebuild.
    private func engineAfterAMissingFile(_ engine: SiteEngine, siteCase: SiteCase, in directory: URL) throws -> SiteUpdate {
        let contentFiles = siteCase.steps[0].files.map(\.path).filter { $0.hasPrefix("Content/") && $0.hasSuffix(".md") }.sorted()
        guard contentFiles.count > 1, let last = contentFiles.last else { return engine.build() }
        let url = directory.appendingPathComponent(last)
        let bytes = try Data(contentsOf: url)
        try FileManager.default.removeItem(at: url)
        _ = engine.build()
        try bytes.write(to: url)
        return engine.rebuild(changedPaths: [url.path])
    }
}
