import Foundation
import Testing

/// `policysite init` run as a new user would, in an empty folder with only the binary.
@Suite struct InitCommandTests {
    @Test func initThenStrictCheckThenBuildSucceeds() throws {
        let directory = try TestSupport.temporaryDirectory()
        let initialized = try TestSupport.run(["init"], in: directory)
        #expect(initialized.status == 0, "\(initialized.stderr)")
        #expect(initialized.stdout.contains("Content/site.yml"))
        let check = try TestSupport.run(["check", "--strict"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("0 errors, 0 warnings"), "\(check.stderr)")
        let build = try TestSupport.run(["build"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        let output = try TestSupport.files(under: directory.appendingPathComponent("Output"))
        #expect(output["404.html"] != nil)
        #expect(output["en/privacy/index.html"] != nil)
        #expect(output["en/cookies/index.html"] != nil)
        // The required lists live per policy, not site-wide.
        let site = try String(contentsOf: directory.appendingPathComponent("Content/site.yml"), encoding: .utf8)
        #expect(!site.contains("\nrequired:"))
        for file in try TestSupport.files(under: directory.appendingPathComponent("Content")).values {
            #expect(String(decoding: file, as: UTF8.self).contains("#"), "every file carries a comment saying what to edit")
        }
    }

    @Test func initNeverOverwritesAndWritesNothingWhenAFileExists() throws {
        let directory = try TestSupport.temporaryDirectory()
        let mine = directory.appendingPathComponent("Content/privacy/policy.yml")
        try FileManager.default.createDirectory(at: mine.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("title: Mine\n".utf8).write(to: mine)
        let result = try TestSupport.run(["init"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Content/privacy/policy.yml: error: the file already exists; init never overwrites a file"), "\(result.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "title: Mine\n")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Content/site.yml").path))
    }

    @Test func initIntoANamedFolderAndTemplatesForEditing() throws {
        let directory = try TestSupport.temporaryDirectory()
        let result = try TestSupport.run(["init", "policies", "--templates"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let site = directory.appendingPathComponent("policies")
        let theme = try TestSupport.files(under: site.appendingPathComponent("Templates"))
        let source = try TestSupport.files(under: TestSupport.packageRoot.appendingPathComponent("Templates"))
        #expect(theme == source)
        let check = try TestSupport.run(["check", "--strict"], in: site)
        #expect(check.status == 0, "\(check.stderr)")

        // In an existing site, --templates writes the theme alone; a second time it refuses.
        try FileManager.default.removeItem(at: site.appendingPathComponent("Templates"))
        let themeOnly = try TestSupport.run(["init", "--templates"], in: site)
        #expect(themeOnly.status == 0, "\(themeOnly.stderr)")
        #expect(themeOnly.stdout.contains("Content/ was left as it is"))
        let again = try TestSupport.run(["init", "--templates"], in: site)
        #expect(again.status == 2)
        #expect(again.stderr.contains("Templates/layouts/base.mustache: error: the file already exists"), "\(again.stderr)")
    }
}
