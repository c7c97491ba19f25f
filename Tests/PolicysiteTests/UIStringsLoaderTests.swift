import PolicyCore
@testable import PolicyRender
import Testing

@Suite struct UIStringsLoaderTests {
    func read(_ text: String) -> (table: [String: String]?, names: [String: String], problems: [String]) {
        let read = UIStrings.readFile(text, file: "strings/en.yml")
        let problems = read.diagnostics.map { "\($0.location.line ?? 0):\($0.location.column ?? 0): \($0.severity): \($0.message)" }
        return (read.table, read.languageNames, problems)
    }

    @Test func readsTextAndLanguageNames() {
        let result = read("# A comment\ncontents: Contents\nlanguageNames: { en: English, ar: Arabic }\n")
        #expect(result.table == ["contents": "Contents"])
        #expect(result.names == ["en": "English", "ar": "Arabic"])
        #expect(result.problems.isEmpty)
    }

    @Test func yamlErrorsHaveTheirPosition() {
        let result = read("contents: Contents\neffective: \"Effective {date}\nallVersions: [All\n")
        #expect(result.table == nil)
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix("4:1: error: invalid YAML in strings file:") == true)
    }

    @Test func anUnknownKeyIsAWarningAtItsLine() {
        let result = read("contents: Contents\ncontnets: Contents\n")
        #expect(result.table == ["contents": "Contents"])
        #expect(result.problems.count == 1)
        #expect(result.problems.first?.hasPrefix("2:1: warning: unknown key 'contnets' in strings file; no template or page uses it, so it is ignored; did you mean 'contents'? The keys are: allPolicies,") == true)
    }

    @Test func aValueThatIsNotTextIsAnErrorAndTheRestIsRead() {
        let result = read("contents: [a, b]\nallVersions: All versions\nlanguageNames: English\n")
        #expect(result.table == ["allVersions": "All versions"])
        #expect(result.problems == [
            "1:11: error: 'contents' must be text",
            "3:16: error: 'languageNames' must be a map from language tag to that language's name, like { en: English }",
        ])
    }
}
