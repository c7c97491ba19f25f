import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyPipeline
import Testing

/// Every case under `Fixtures/cases/`: `check` and `build` report exactly the expected
/// diagnostics (code, file, line, column, message) with the expected exit status, and a failed
/// build writes nothing. `POLICYSITE_UPDATE_GOLDEN=1 swift test` rewrites the expected part.
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
        let content = directory.appendingPathComponent("Content").path
        let templates = directory.appendingPathComponent("Templates").path
        let asOf = try #require(CalendarDate(iso: siteCase.asOf))

        let checked = CheckPipeline.check(SiteOptions(contentDirectory: content, templatesDirectory: templates, asOf: asOf, strict: siteCase.strict))
        let output = directory.appendingPathComponent("Output")
        let built = BuildPipeline.build(SiteOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output.path, asOf: asOf, strict: siteCase.strict))

        // Paths as a user in the site's directory sees them.
        func report(_ diagnostics: [Diagnostic]) -> String {
            DiagnosticFormat.text.format(diagnostics).replacingOccurrences(of: directory.path + "/", with: "")
        }
        let actual = report(checked.diagnostics)
        if TestSupport.updateGolden {
            try Data(SiteCase.replacingExpected(in: text, with: actual).utf8).write(to: url)
        } else {
            #expect(actual == siteCase.expected, "\(file)")
        }
        #expect(checked.exitStatus.rawValue == siteCase.exit, "\(file): check exited \(checked.exitStatus.rawValue)")
        #expect(report(built.diagnostics) == actual, "\(file): build and check disagree")
        #expect(built.exitStatus == checked.exitStatus)
        #expect(built.wroteOutput == (checked.exitStatus == .success))
        if !built.wroteOutput { #expect(!FileManager.default.fileExists(atPath: output.path)) }
    }
}
