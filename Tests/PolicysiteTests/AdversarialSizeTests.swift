import Foundation
import PolicyCore
import PolicyMarkdown
import PolicyModel
@testable import PolicySource
import Testing

/// Issue 15, item 4: what scripts/adversarial-sizes found super-linear, each fixed or refused.
@Suite struct AdversarialSizeTests {
    func date(_ day: Int) -> CalendarDate {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date(timeIntervalSince1970: Double(day) * 86_400))
        return CalendarDate(year: components.year!, month: components.month!, day: components.day!)!
    }

    /// Every page asks the timeline for its entry, the current and the upcoming version: a walk
    /// of the entries per question made a policy with 10,000 versions quadratic to render.
    @Test func timelineAnswersInConstantTimeForTenThousandsOfVersions() {
        let count = 20_000
        let versions = (0..<count).map { day in
            PolicyVersion(effective: date(day), documents: [
                PolicyDocument(language: LanguageTag("en")!, file: "\(day)/en.md", frontMatter: FrontMatter(), body: MarkdownDocument(blocks: []), headings: [], bodyStartLine: 1, source: []),
            ])
        }
        let policy = Policy(slug: PolicySlug("terms")!, settings: PolicySettings(), versions: versions.shuffled())
        let timeline = PolicyTimeline(policy: policy, asOf: date(count / 2))
        #expect(timeline.current?.effective == date(count / 2))
        #expect(timeline.nextUpcoming?.effective == date(count / 2 + 1))

        let dates = (0..<count).map(date)
        let start = ContinuousClock.now
        var wrong: [Int] = []
        for day in 0..<count {
            let entry = timeline.entry(for: dates[day])
            let status: VersionStatus = day < count / 2 ? .archived : day == count / 2 ? .current : .upcoming
            if entry?.effective != dates[day] || entry?.status != status || entry?.previous != (day > 0 ? dates[day - 1] : nil) {
                wrong.append(day)
            }
            _ = timeline.current
            _ = timeline.nextUpcoming
        }
        #expect(wrong.isEmpty, "wrong entries for days \(wrong.prefix(10))")
        // Quadratic, this is 2·10^8 comparisons: over a minute in a debug build.
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(timeline.entry(for: date(count + 5)) == nil)

        let before = PolicyTimeline(policy: policy, asOf: date(-1))
        #expect(before.current == nil)
        #expect(before.nextUpcoming?.effective == date(0))
        let after = PolicyTimeline(policy: policy, asOf: date(count + 10))
        #expect(after.current?.effective == date(count - 1))
        #expect(after.nextUpcoming == nil)
    }

    static func site(languages: [String]) -> DirectorySnapshot {
        let yml = "title: T\nbaseURL: https://example.com/\nlanguages:\n" + languages.map { "  - \($0)\n" }.joined()
        return DirectorySnapshot(root: "Content", files: [
            SnapshotFile(path: "site.yml", text: yml),
            SnapshotFile(path: "terms/2024-01-01/en.md", text: "## Scope {#scope}\n\nText.\n"),
        ])
    }

    static func tags(_ count: Int) -> [String] {
        let letters: [Character] = Array("abcdefghijklmnopqrstuvwxyz")
        var tags = ["en"]
        for index in 0..<(count - 1) {
            let first: Character = letters[index / 676 % 26]
            let second: Character = letters[index / 26 % 26]
            let third: Character = letters[index % 26]
            tags.append(String([first, second, third]))
        }
        return tags
    }

    /// Every page links to every language, so the site grows with the square of their number:
    /// beyond the cap, site.yml is refused where the list goes too far, with what to do.
    @Test func moreLanguagesThanTheCapAreRefusedAtTheFirstOneTooMany() {
        let cap = SettingsDecoder.maximumLanguages
        let accepted = SiteParser.parse(Self.site(languages: Self.tags(cap)))
        #expect(accepted.site?.settings.languages.count == cap, "\(accepted.diagnostics)")

        let start = ContinuousClock.now
        let refused = SiteParser.parse(Self.site(languages: Self.tags(10_000)))
        #expect(ContinuousClock.now - start < .seconds(10))
        #expect(refused.site == nil)
        let problem = refused.diagnostics.first { $0.code == .siteConfig }
        #expect(problem?.severity == .error)
        // The list starts on line 4 ("languages:" is line 3): item cap + 1 is on line 4 + cap.
        #expect(problem?.location == SourceLocation(file: "Content/site.yml", line: 4 + cap, column: 5), "\(String(describing: problem))")
        #expect(problem?.message == "site.yml lists 10000 languages; policysite supports at most \(cap), since every page links to every language and the site grows with the square of their number; list only the languages the policies are published in")
    }

    @Test func aLanguageListedTwiceIsStillFound() {
        let parsed = SiteParser.parse(Self.site(languages: ["en", "de", "fr", "de"]))
        #expect(parsed.site == nil)
        #expect(parsed.diagnostics.map(\.message).contains("language 'de' is listed twice; list each language once"))
    }

    /// The loader reads into uninitialised memory (zero-filling 64 KiB per file first was most of
    /// `check`'s time on 10,000 small files in a debug build): every size reads back exactly.
    @Test func loaderReadsEverySizeExactly() throws {
        let root = try TestSupport.temporaryDirectory()
        let sizes = [0, 1, 4095, 65_535, 65_536, 65_537, 131_073, 300_000]
        for size in sizes {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            try Data(bytes).write(to: root.appendingPathComponent("f\(size)"))
        }
        let loaded = try DirectoryLoader().load(root.path)
        for size in sizes {
            let expected = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            #expect(loaded.snapshot.file(at: "f\(size)")?.bytes == expected, "size \(size)")
        }
    }
}
