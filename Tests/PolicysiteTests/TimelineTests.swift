import PolicyMarkdown
import PolicyModel
import Testing

@Suite struct TimelineTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    func policy(_ dates: [String]) -> Policy {
        let versions = dates.map { text in
            PolicyVersion(effective: date(text), documents: [
                PolicyDocument(language: LanguageTag("en")!, file: "\(text)/en.md", frontMatter: FrontMatter(), body: MarkdownDocument(blocks: []), headings: [], bodyStartLine: 1, source: []),
            ])
        }
        // Given out of order on purpose: the model sorts by effective date.
        return Policy(slug: PolicySlug("privacy")!, settings: PolicySettings(), versions: versions.reversed())
    }

    @Test func currentIsTheLatestOnOrBeforeAsOf() {
        let timeline = PolicyTimeline(policy: policy(["2024-03-01", "2025-09-01", "2027-01-15"]), asOf: date("2026-11-21"))
        #expect(timeline.entries.map(\.status) == [.archived, .current, .upcoming])
        #expect(timeline.current?.effective == date("2025-09-01"))
        #expect(timeline.nextUpcoming?.effective == date("2027-01-15"))
        #expect(timeline.entries[0].replacedOn == date("2025-09-01"))
        #expect(timeline.entries[1].previous == date("2024-03-01"))
    }

    @Test func aVersionIsCurrentOnItsEffectiveDay() {
        let timeline = PolicyTimeline(policy: policy(["2024-03-01", "2025-09-01"]), asOf: date("2025-09-01"))
        #expect(timeline.current?.effective == date("2025-09-01"))
        let dayBefore = PolicyTimeline(policy: policy(["2024-03-01", "2025-09-01"]), asOf: date("2025-08-31"))
        #expect(dayBefore.current?.effective == date("2024-03-01"))
        #expect(dayBefore.nextUpcoming?.effective == date("2025-09-01"))
    }

    @Test func beforeTheFirstVersionNothingIsCurrent() {
        let timeline = PolicyTimeline(policy: policy(["2024-03-01", "2025-09-01"]), asOf: date("2020-01-01"))
        #expect(timeline.current == nil)
        #expect(timeline.entries.map(\.status) == [.upcoming, .upcoming])
        // The policy's main page then shows the first upcoming version.
        #expect(timeline.featured?.effective == date("2024-03-01"))
    }

    @Test func afterTheLastVersionItIsCurrent() {
        let timeline = PolicyTimeline(policy: policy(["2024-03-01", "2025-09-01"]), asOf: date("2099-12-31"))
        #expect(timeline.entries.map(\.status) == [.archived, .current])
        #expect(timeline.nextUpcoming == nil)
    }

    @Test func versionInForceOnADate() {
        let p = policy(["2024-03-01", "2025-09-01"])
        #expect(p.versionInForce(on: date("2024-02-29")) == nil)
        #expect(p.versionInForce(on: date("2024-03-01"))?.effective == date("2024-03-01"))
        #expect(p.versionInForce(on: date("2025-12-01"))?.effective == date("2025-09-01"))
    }

    @Test func calendarDatesAreValidated() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2023-02-29") == nil)
        #expect(CalendarDate(iso: "2024-13-01") == nil)
        #expect(CalendarDate(iso: "2024-1-01") == nil)
        #expect(CalendarDate(iso: "latest") == nil)
        #expect(CalendarDate(iso: "2024-03-01")?.description == "2024-03-01")
    }

    @Test func languageDirections() {
        #expect(LanguageTag("ar")!.direction == "rtl")
        #expect(LanguageTag("he")!.direction == "rtl")
        #expect(LanguageTag("fa-IR")!.direction == "rtl")
        #expect(LanguageTag("ur")!.direction == "rtl")
        #expect(LanguageTag("zh-Hans")!.direction == "ltr")
        #expect(LanguageTag("az-Arab")!.direction == "rtl")
        #expect(LanguageTag("en")!.direction == "ltr")
        #expect(LanguageTag("e") == nil)
        #expect(LanguageTag("en_US") == nil)
    }
}
