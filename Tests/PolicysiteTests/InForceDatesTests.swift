import Foundation
import PolicyModel
import PolicyPipeline
import Testing

/// No day belongs to two versions: an archived version was in force until the day before its
/// successor took effect, and every output (versions index, versions.json, archived notice)
/// prints that last day, from `TimelineEntry.lastDayInForce`.
@Suite struct InForceDatesTests {
    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test func theDayBeforeCrossesMonthsYearsAndLeapDays() {
        #expect(date("2025-09-01").dayBefore == date("2025-08-31"))
        #expect(date("2025-09-15").dayBefore == date("2025-09-14"))
        #expect(date("2025-01-01").dayBefore == date("2024-12-31"))
        #expect(date("2024-03-01").dayBefore == date("2024-02-29"))
        #expect(date("2023-03-01").dayBefore == date("2023-02-28"))
        #expect(date("2000-03-01").dayBefore == date("2000-02-29"))
        #expect(date("1900-03-01").dayBefore == date("1900-02-28"))
        #expect(date("0001-01-01").dayBefore == nil)
    }

    @Test func onlyArchivedVersionsHaveALastDay() {
        let timeline = PolicyTimeline(policy: TimelineTests().policy(["2024-06-01", "2025-09-01", "2025-09-02", "2027-01-15"]), asOf: date("2026-11-21"))
        #expect(timeline.entries.map(\.lastDayInForce) == [date("2025-08-31"), date("2025-09-01"), nil, nil])
        // A version replaced the next day was in force for that one day.
        #expect(timeline.entries[1].effective == timeline.entries[1].lastDayInForce)
    }

    /// The basic fixture as of 2025-06-01: terms 2024-01-01 archived, 2025-01-01 current, 2030 upcoming.
    func builtSite() throws -> [String: Data] {
        let output = try TestSupport.temporaryDirectory().appendingPathComponent("Output")
        let report = BuildPipeline.build(SiteOptions(
            contentDirectory: TestSupport.fixtures.appendingPathComponent("sites/basic/Content").path,
            templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
            outputDirectory: output.path,
            asOf: date("2025-06-01")
        ))
        #expect(report.exitStatus == .success)
        return try TestSupport.files(under: output)
    }

    func text(_ files: [String: Data], _ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    @Test func theVersionsIndexEndsARangeTheDayBeforeTheNextRowStarts() throws {
        let page = text(try builtSite(), "en/terms/versions/index.html")
        #expect(page.contains("<td>January 1, 2024 – December 31, 2024</td>"))
        #expect(page.contains("<td>Since January 1, 2025</td>"))
        #expect(!page.contains("– January 1, 2025"), "both rows would claim January 1, 2025")
    }

    @Test func versionsJSONGivesTheLastDayInForceInclusive() throws {
        let files = try builtSite()
        for language in ["en", "ar"] {
            let object = try #require(try JSONSerialization.jsonObject(with: files["\(language)/terms/versions.json"] ?? Data()) as? [String: Any])
            let versions = try #require(object["versions"] as? [[String: Any]])
            #expect(versions.map { $0["effective"] as? String } == ["2030-01-01", "2025-01-01", "2024-01-01"])
            #expect(versions[2]["inForceUntil"] as? String == "2024-12-31", "\(language)")
            #expect(versions[1]["inForceUntil"] is NSNull)
            #expect(versions[0]["inForceUntil"] is NSNull)
        }
    }

    @Test func theArchivedNoticeNamesTheLastDay() throws {
        let files = try builtSite()
        #expect(text(files, "en/terms/2024-01-01/index.html").contains("It was in force from January 1, 2024 to December 31, 2024."))
        #expect(!text(files, "en/terms/2024-01-01/index.html").contains("January 1, 2025"))
    }

    /// The feed dates each entry by its effective date alone (`updated`), so it never states an
    /// end date that could overlap the next entry's.
    @Test func theFeedDatesEntriesByEffectiveDateOnly() throws {
        let feed = text(try builtSite(), "en/terms/feed.xml")
        let updated = feed.components(separatedBy: "<updated>").dropFirst().map { String($0.prefix(10)) }
        #expect(updated == ["2030-01-01", "2030-01-01", "2025-01-01", "2024-01-01"])
        #expect(!feed.contains("2024-12-31") && !feed.contains("December 31, 2024"))
    }

    /// Every language's notice still has both dates after the change of meaning of {until}.
    @Test func everyLanguageSaysTheNoticeWithBothDates() throws {
        let strings = TestSupport.packageRoot.appendingPathComponent("Templates/strings")
        let files = try FileManager.default.contentsOfDirectory(atPath: strings.path).filter { $0.hasSuffix(".yml") }
        #expect(files.count == 40)
        for file in files {
            let text = try String(contentsOf: strings.appendingPathComponent(file), encoding: .utf8)
            let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("archivedNotice:") }, "\(file)")
            #expect(line.contains("{from}") && line.contains("{until}"), "\(file)")
            // The old sentences named the successor's date ("replaced on {until}").
            #expect(!line.lowercased().contains("replaced"), "\(file)")
        }
    }
}
