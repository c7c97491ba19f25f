import Foundation
import PolicyCore
import PolicySource
import PolicyModel
@testable import PolicyRender
import PolicyTheme
import Testing

/// The theme compiled into the binary, and a site's `Templates/` layered over it, as a
/// content repository uses them: with only `Content/` and the binary.
@Suite struct BuiltinThemeTests {
    /// The languages the built-in theme speaks: the 24 official EU languages and 16 more.
    static let shippedLanguages = [
        "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl",
        "pl", "pt", "ro", "sk", "sl", "sv",
        "ar", "fa", "he", "hi", "id", "ja", "ko", "ms", "pt-BR", "ru", "th", "tr", "uk", "vi", "zh-Hans", "zh-Hant",
    ]

    /// A folder holding only `Content/`: a copy of the basic fixture.
    func contentOnly() throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        try FileManager.default.copyItem(at: TestSupport.fixtures.appendingPathComponent("sites/basic/Content"), to: directory.appendingPathComponent("Content"))
        return directory
    }

    /// A one-policy site in the given languages, every text complete.
    func site(languages: [String]) throws -> URL {
        let directory = try TestSupport.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        let version = content.appendingPathComponent("privacy/2024-06-01")
        try FileManager.default.createDirectory(at: version, withIntermediateDirectories: true)
        try Data("title: Example\nbaseURL: https://policies.example.com/\nlanguages: [\(languages.joined(separator: ", "))]\nrequired: [contact]\n".utf8)
            .write(to: content.appendingPathComponent("site.yml"))
        for language in languages {
            try Data("---\ntitle: Privacy \(language)\n---\n\nText.\n\n## Contact {#contact}\n\nWrite to us.\n".utf8)
                .write(to: version.appendingPathComponent("\(language).md"))
        }
        return directory
    }

    func write(_ text: String, to path: String, in directory: URL) throws {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String, in directory: URL) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func everyShippedLanguageHasEveryKeyAndNothingElse() {
        let languages = Self.shippedLanguages.compactMap(LanguageTag.init)
        #expect(languages.count == 40)
        let (set, diagnostics) = TemplateSet.make(from: [BuiltinTheme.snapshot], languages: languages)
        #expect(set != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let files = Set(BuiltinTheme.snapshot.files.map(\.path).filter { $0.hasPrefix("strings/") })
        #expect(files == Set(Self.shippedLanguages.map { "strings/\($0).yml" }))
    }

    @Test func theBuiltInThemeIsTheRepositorysTemplatesFolder() throws {
        let folder = try DirectoryLoader().load(TestSupport.packageRoot.appendingPathComponent("Templates").path).snapshot
        #expect(BuiltinTheme.snapshot.files == folder.files)
    }

    @Test func aFolderWithOnlyContentChecksAndBuildsWithA404Page() throws {
        let directory = try contentOnly()
        let check = try TestSupport.run(["check", "--as-of", "2025-06-01"], in: directory)
        #expect(check.status == 0, "\(check.stderr)")
        let build = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        let notFound = try read("Output/404.html", in: directory)
        // Linked from the site's root path: hosts serve this file at any depth.
        #expect(notFound.contains("href=\"/en/\""))
        #expect(notFound.contains("href=\"/ar/\""))
        #expect(notFound.contains("href=\"/assets/style.css\""))
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(!notFound.contains("rel=\"canonical\""))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/assets/style.css").path))
    }

    @Test func aNamedTemplatesFolderThatDoesNotExistIsAnError() throws {
        let directory = try contentOnly()
        let result = try TestSupport.run(["check", "--templates", "Templtes", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("Templtes: error: directory 'Templtes' does not exist"), "\(result.stderr)")
    }

    @Test func oneEditedLayoutChangesEveryPageAndNothingElse() throws {
        let directory = try contentOnly()
        #expect(try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory).status == 0)
        let before = try TestSupport.files(under: directory.appendingPathComponent("Output"))
        let base = try read("Templates/layouts/base.mustache", in: TestSupport.packageRoot)
        let marker = "<p class=\"company-footer\">Example Co.</p>"
        try write(base.replacingOccurrences(of: "</footer>", with: marker + "\n</footer>"), to: "Templates/layouts/base.mustache", in: directory)
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let after = try TestSupport.files(under: directory.appendingPathComponent("Output"))
        #expect(Set(after.keys) == Set(before.keys))
        for (path, bytes) in after.sorted(by: { $0.key < $1.key }) {
            let old = String(decoding: before[path] ?? Data(), as: UTF8.self)
            let new = String(decoding: bytes, as: UTF8.self)
            if path.hasSuffix(".html") {
                #expect(new.contains(marker), "\(path)")
                #expect(new.replacingOccurrences(of: marker + "\n", with: "") == old, "\(path) changed beyond the layout")
            } else if path != ".policysite" {
                #expect(new == old, "\(path)")
            }
        }
    }

    @Test func staticFilesGoToTheSiteRootAndAClashIsAnError() throws {
        let directory = try contentOnly()
        try write("User-agent: *\nAllow: /\n", to: "Templates/static/robots.txt", in: directory)
        try write("Contact: mailto:security@example.com\n", to: "Templates/static/.well-known/security.txt", in: directory)
        try write("", to: "Templates/static/.nojekyll", in: directory)
        let result = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try read("Output/robots.txt", in: directory) == "User-agent: *\nAllow: /\n")
        #expect(try read("Output/.well-known/security.txt", in: directory).hasPrefix("Contact:"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Output/.nojekyll").path))

        try write("<urlset/>", to: "Templates/static/sitemap.xml", in: directory)
        try write("x", to: "Templates/static/en", in: directory)
        let clash = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(clash.status == 2)
        #expect(clash.stderr.contains("Templates/static/sitemap.xml: error: 'sitemap.xml' is also a path policysite generates (Output/sitemap.xml); rename or remove Templates/static/sitemap.xml [static-clash]"), "\(clash.stderr)")
        #expect(clash.stderr.contains("Templates/static/en: error: 'en' is also a path policysite generates"), "\(clash.stderr)")
        // The previous site stands.
        #expect(try read("Output/robots.txt", in: directory) == "User-agent: *\nAllow: /\n")
    }

    @Test func aGermanSiteGetsAGermanInterfaceWithoutWarnings() throws {
        let directory = try site(languages: ["de", "en"])
        let result = try TestSupport.run(["build", "--strict", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stderr.contains("warning"), "\(result.stderr)")
        let german = try read("Output/de/privacy/index.html", in: directory)
        let strings = try read("Templates/strings/de.yml", in: TestSupport.packageRoot)
        let skip = strings.split(separator: "\n").first { $0.hasPrefix("skipToContent:") }?.dropFirst("skipToContent:".count).trimmingCharacters(in: .whitespaces)
        #expect(skip.map { german.contains($0) } == true, "\(skip ?? "")")
        #expect(!german.contains("Skip to content"))
        #expect(!german.contains("All versions"))
        #expect(german.contains("1. Juni 2024"))
        // The switcher names each language in itself.
        #expect(german.contains(">Deutsch<"))
        #expect(german.contains(">English<"))
    }

    @Test func aLanguageWithoutStringsWarnsAndFallsBackToTheDefaultLanguage() throws {
        let directory = try site(languages: ["en", "xx"])
        let result = try TestSupport.run(["check", "--strict", "--as-of", "2025-06-01"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Templates/strings/xx.yml: warning: no UI strings for the site language 'xx': its pages show the interface (all \(UIStrings.requiredKeys.count) keys) in English"), "\(result.stderr)")
        let build = try TestSupport.run(["build", "--as-of", "2025-06-01"], in: directory)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(try read("Output/xx/privacy/index.html", in: directory).contains("Skip to content"))

        // A site's own file with some keys: the warning names the missing ones.
        try write("languageName: Xish\nskipToContent: Xskip\n", to: "Templates/strings/xx.yml", in: directory)
        let partial = try TestSupport.run(["check", "--as-of", "2025-06-01"], in: directory)
        #expect(partial.stderr.contains("warning: the UI strings for 'xx' lack \(UIStrings.requiredKeys.count - 2) keys: languageSwitcher, contents, effective,"), "\(partial.stderr)")
    }
}
