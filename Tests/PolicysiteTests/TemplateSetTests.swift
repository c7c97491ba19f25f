import PolicyCore
import PolicySource
import PolicyModel
@testable import PolicyRender
import Testing

/// `TemplateSet.make` on hand-made snapshots: what is refused before swift-mustache parses it.
@Suite struct TemplateSetTests {
    func problems(_ files: [String: String]) -> [String] {
        let snapshot = DirectorySnapshot(root: "Templates", files: files.map { SnapshotFile(path: $0.key, text: $0.value) })
        return TemplateSet.make(from: snapshot, languages: []).1.map {
            "\($0.location.file):\($0.location.line ?? 0):\($0.location.column ?? 0): \($0.message)"
        }
    }

    static let pages = [
        "pages/language-picker.mustache": "{{title}}", "pages/language-home.mustache": "{{title}}",
        "pages/versions.mustache": "{{title}}", "pages/version.mustache": "{{title}}{{> extra}}",
        "pages/changes.mustache": "{{title}}", "pages/not-found.mustache": "{{title}}",
    ]

    @Test func oversizedAndDeeplyNestedTemplatesAreRefusedBeforeParsing() {
        var files = Self.pages
        files["partials/extra.mustache"] = String(repeating: "{{title}}\n", count: 7_000)
        let oversized = problems(files)
        #expect(oversized.count == 1)
        #expect(oversized.first?.hasPrefix("Templates/partials/extra.mustache:0:0: template is 68 KB, larger than the 64 KB policysite reads") == true)

        files["partials/extra.mustache"] = String(repeating: "{{#t}}", count: 10_000)
        #expect(problems(files) == ["Templates/partials/extra.mustache:1:604: template does not parse: sections nest more than 100 deep; flatten the template"])
    }

    @Test func aPartialThatDoesNotParseIsReportedOnceNotAsMissing() {
        var files = Self.pages
        files["partials/extra.mustache"] = "{{#title}}"
        #expect(problems(files) == ["Templates/partials/extra.mustache:1:4: template does not parse: 'title' is opened here but never closed; add {{/title}}"])
    }
}
