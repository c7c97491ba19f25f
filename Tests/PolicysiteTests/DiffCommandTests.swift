import Foundation
import Testing

/// `policysite diff` through the real binary, on the sample site at the package root (read
/// only) and on small sites written for a test.
@Suite struct DiffCommandTests {
    let root = TestSupport.packageRoot

    @Test func privacyJSONMatchesTheContract() throws {
        let result = try TestSupport.run(["diff", "privacy", "2024-03-01", "2025-09-01", "--format", "json"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout == """
            {"policy": "privacy", "lang": "en", "from": "2024-03-01", "to": "2025-09-01", "sections": [
              {"id": "", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0},
              {"id": "collection", "status": "changed", "headingChanged": false, "wordsInserted": 3, "wordsDeleted": 2},
              {"id": "use", "status": "changed", "headingChanged": true, "wordsInserted": 24, "wordsDeleted": 19},
              {"id": "cookies", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0},
              {"id": "sharing", "status": "changed", "headingChanged": false, "wordsInserted": 10, "wordsDeleted": 18},
              {"id": "transfers", "status": "added", "headingChanged": false, "wordsInserted": 137, "wordsDeleted": 0},
              {"id": "retention", "status": "changed", "headingChanged": true, "wordsInserted": 4, "wordsDeleted": 3},
              {"id": "security", "status": "changed", "headingChanged": false, "wordsInserted": 11, "wordsDeleted": 1},
              {"id": "children", "status": "changed", "headingChanged": true, "wordsInserted": 27, "wordsDeleted": 7},
              {"id": "rights", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0},
              {"id": "changes", "status": "changed", "headingChanged": false, "wordsInserted": 11, "wordsDeleted": 0},
              {"id": "contact", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0}
            ]}

            """)
        // Valid JSON, with exactly the contract's keys.
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(parsed.keys) == ["policy", "lang", "from", "to", "sections"])
        let sections = try #require(parsed["sections"] as? [[String: Any]])
        #expect(sections.allSatisfy { Set($0.keys) == ["id", "status", "headingChanged", "wordsInserted", "wordsDeleted"] })
    }

    @Test func cookiesJSONMatchesTheContract() throws {
        let result = try TestSupport.run(["diff", "cookies", "2024-03-01", "2026-02-01", "--format", "json"], in: root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            {"policy": "cookies", "lang": "en", "from": "2024-03-01", "to": "2026-02-01", "sections": [
              {"id": "", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0},
              {"id": "about", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0},
              {"id": "types", "status": "changed", "headingChanged": false, "wordsInserted": 62, "wordsDeleted": 49},
              {"id": "third-parties", "status": "changed", "headingChanged": false, "wordsInserted": 43, "wordsDeleted": 12},
              {"id": "choices", "status": "changed", "headingChanged": false, "wordsInserted": 51, "wordsDeleted": 2},
              {"id": "retention", "status": "changed", "headingChanged": false, "wordsInserted": 23, "wordsDeleted": 15},
              {"id": "changes", "status": "changed", "headingChanged": false, "wordsInserted": 2, "wordsDeleted": 1},
              {"id": "contact", "status": "unchanged", "headingChanged": false, "wordsInserted": 0, "wordsDeleted": 0}
            ]}

            """)
    }

    @Test func textOutputMarksWordsAndHasNoColourOffATerminal() throws {
        let result = try TestSupport.run(["diff", "cookies", "2024-03-01", "2026-02-01"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("cookies (en), 2024-03-01 → 2026-02-01: 0 added, 0 removed, 5 changed, 3 unchanged sections\n= unchanged: the text before the first heading\n"))
        #expect(result.stdout.contains("~ changed: changes \"Changes to this policy\" (2 words inserted, 1 deleted)\n    …\n    This policy is available in English[- and-]{+,+} Simplified Chinese{+ and Arabic+}. If they differ, the English version applies.\n"))
        #expect(result.stdout.contains("| fh_consent | Remembers whether you accepted or refused optional cookies. | [-12-]{+6+} months |"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    /// The sample's cookie policy has no Arabic text of 2024-03-01: `diff --lang ar` compares the
    /// English texts, as the Arabic change page does, and says so; its sections are English's.
    @Test func aLanguageLackingAVersionComparesTheDefaultLanguagesTexts() throws {
        let arabic = try TestSupport.run(["diff", "cookies", "2024-03-01", "2026-02-01", "--lang", "ar", "--format", "json"], in: root)
        #expect(arabic.status == 0)
        #expect(arabic.stderr == "note: cookies has no ar text of 2024-03-01; comparing the en texts (Content/cookies/2024-03-01/en.md, Content/cookies/2026-02-01/en.md) instead, as the ar change page does\n")
        #expect(arabic.stdout.hasPrefix(#"{"policy": "cookies", "lang": "ar", "#))
        let english = try TestSupport.run(["diff", "cookies", "2024-03-01", "2026-02-01", "--format", "json"], in: root)
        #expect(arabic.stdout == english.stdout.replacingOccurrences(of: #""lang": "en""#, with: #""lang": "ar""#))

        let text = try TestSupport.run(["diff", "cookies", "2024-03-01", "2026-02-01", "--lang", "ar"], in: root)
        #expect(text.stdout.hasPrefix("cookies (ar, compared in en), 2024-03-01 → 2026-02-01: 0 added, 0 removed, 5 changed, 3 unchanged sections\n"))
    }

    @Test func unknownPolicyDateOrLanguageExitTwoAndSayWhatExists() throws {
        let cases: [([String], String)] = [
            (["nope", "2024-03-01", "2025-09-01"], "error: there is no policy 'nope' in Content; the policies are cookies, privacy\n"),
            (["privacy", "2024-03-02", "2025-09-01"], "error: 'privacy' has no version dated 2024-03-02; its versions are 2024-03-01, 2025-09-01, 2027-01-15\n"),
            (["privacy", "2024-03-01", "2025-9-1"], "error: '2025-9-1' is not a date; write it as YYYY-MM-DD. The versions of 'privacy' are 2024-03-01, 2025-09-01, 2027-01-15\n"),
            (["privacy", "2024-03-01", "2025-09-01", "--lang", "fr"], "error: 'fr' is not a language of this site; its languages are en, zh-Hans, ar (site.yml)\n"),
        ]
        for (arguments, message) in cases {
            let result = try TestSupport.run(["diff"] + arguments, in: root)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message)
            #expect(result.stdout == "")
        }
        #expect(try TestSupport.run(["diff", "privacy", "2024-03-01"], in: root).status == 2)
        #expect(try TestSupport.run(["diff", "privacy", "2024-03-01", "2025-09-01", "--format", "xml"], in: root).status == 2)
        #expect(try TestSupport.run(["diff", "privacy", "2024-03-01", "2025-09-01", "--content", "/nonexistent"], in: root).status == 2)
    }

    @Test func contentErrorsAreReportedAsCheckReportsThem() throws {
        let directory = try TestSupport.temporaryDirectory()
        let content = directory.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("terms/2024-01-01"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: content.appendingPathComponent("terms/2025-01-01"), withIntermediateDirectories: true)
        try Data("title: T\nbaseURL: https://example.com/\nlanguages: [en]\n".utf8).write(to: content.appendingPathComponent("site.yml"))
        try Data("## Scope {#scope}\n\nThe app.\n".utf8).write(to: content.appendingPathComponent("terms/2024-01-01/en.md"))
        try Data("---\ntitle: [oops\n---\n## Scope {#scope}\n".utf8).write(to: content.appendingPathComponent("terms/2025-01-01/en.md"))
        let result = try TestSupport.run(["diff", "terms", "2024-01-01", "2025-01-01"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("Content/terms/2025-01-01/en.md:3:1: error: invalid YAML in front matter"))
        #expect(result.stdout == "")

        // Fixed, the same site compares.
        try Data("---\nsummary: Wider.\n---\n## Scope {#scope}\n\nThe app and the website.\n".utf8).write(to: content.appendingPathComponent("terms/2025-01-01/en.md"))
        let fixed = try TestSupport.run(["diff", "terms", "2024-01-01", "2025-01-01", "--format", "json"], in: directory)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains(#"{"id": "scope", "status": "changed", "headingChanged": false, "wordsInserted": 3, "wordsDeleted": 0}"#))
    }
}
