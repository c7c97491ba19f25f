import PolicySource
import PolicyModel
import PolicyPipeline
import Testing

/// `new`: the front matter rewrite and the plan, without the file system.
@Suite struct NewVersionTests {
    static let previous = CalendarDate(iso: "2025-01-01")!
    static let summaryLine = "summary: \"\"  # TODO: say what changed since 2025-01-01, for readers"
    static let draftLine = "draft: true  # delete this line when the version is ready to publish"

    func rewrite(_ text: String) throws -> String {
        try NewVersionFrontMatter.rewrite(text, previous: Self.previous)
    }

    @Test func emptiesSummarySetsDraftDropsMaterialAndKeepsTheRest() throws {
        let text = """
            ---
            # The page title.
            title: "Terms: the fine print"
            summary: >
              We now cover the EU.

              And more.
            material: true
            draft: false
            ---

            ## Scope {#scope}

            Text.

            """
        #expect(try rewrite(text) == """
            ---
            # The page title.
            title: "Terms: the fine print"
            \(Self.summaryLine)
            \(Self.draftLine)
            ---

            ## Scope {#scope}

            Text.

            """)
    }

    @Test func addsMissingKeysAtTheEndOfTheFrontMatter() throws {
        #expect(try rewrite("---\ntitle: Terms\n---\nText\n") == "---\ntitle: Terms\n\(Self.summaryLine)\n\(Self.draftLine)\n---\nText\n")
    }

    @Test func addsFrontMatterToAFileWithout() throws {
        #expect(try rewrite("## Scope {#scope}\n") == "---\n\(Self.summaryLine)\n\(Self.draftLine)\n---\n## Scope {#scope}\n")
    }

    @Test func keepsCRLFAndTheByteOrderMark() throws {
        let text = "\u{FEFF}---\r\nsummary: Old.\r\nmaterial: false\r\n---\r\nText\r\n"
        #expect(try rewrite(text) == "\u{FEFF}---\r\n\(Self.summaryLine)\r\n\(Self.draftLine)\r\n---\r\nText\r\n")
    }

    @Test func keepsBlankLinesAndCommentsAfterARemovedKey() throws {
        let text = "---\nmaterial: true\n\n# Why: see the ticket.\nsummary: |\n  Old.\ntitle: T\n---\n"
        #expect(try rewrite(text) == "---\n\n# Why: see the ticket.\n\(Self.summaryLine)\ntitle: T\n\(Self.draftLine)\n---\n")
    }

    @Test func refusesFrontMatterItCannotEditLineByLine() {
        #expect(throws: NewVersionFrontMatter.Failure.self) { try rewrite("---\ntitle: T\n") }
        #expect(throws: NewVersionFrontMatter.Failure.self) { try rewrite("---\n{title: T, summary: Old}\n---\nText\n") }
    }

    // MARK: The plan

    static let content = DirectorySnapshot(root: "Content", files: [
        SnapshotFile(path: "site.yml", text: "title: T\nbaseURL: https://example.com/\nlanguages: [en, fr]\n"),
        SnapshotFile(path: "terms/policy.yml", text: "title: Terms\n"),
        SnapshotFile(path: "terms/2024-01-01/en.md", text: "Old.\n"),
        SnapshotFile(path: "terms/2025-01-01/en.md", text: "---\nsummary: New.\n---\nNew.\n"),
        SnapshotFile(path: "terms/2025-01-01/fr.md", text: "---\ntitle: Conditions\n---\nNouveau.\n"),
        SnapshotFile(path: "terms/2026-01-01/notes.txt", text: "Not a version file.\n"),
    ])

    /// As of a day after every version of the snapshot, so the latest one is in force.
    func plan(_ policy: String, _ date: String, asOf: String = "2025-06-01", in content: DirectorySnapshot = Self.content) -> Result<NewVersionPipeline.Plan, NewVersionPipeline.Refusal> {
        NewVersionPipeline.plan(content, policy: policy, effective: CalendarDate(iso: date)!, asOf: CalendarDate(iso: asOf)!)
    }

    func reason(_ result: Result<NewVersionPipeline.Plan, NewVersionPipeline.Refusal>) -> String {
        if case .failure(let refusal) = result { return refusal.reason }
        return "planned"
    }

    @Test func copiesEveryLanguageOfTheLatestVersion() throws {
        let planned = try plan("terms", "2025-06-01").get()
        #expect(planned.folder == "terms/2025-06-01")
        #expect(planned.copiedFrom == Self.previous)
        #expect(planned.files.map(\.path) == ["terms/2025-06-01/en.md", "terms/2025-06-01/fr.md"])
        #expect(String(decoding: planned.files[1].bytes, as: UTF8.self) == "---\ntitle: Conditions\n\(Self.summaryLine)\n\(Self.draftLine)\n---\nNouveau.\n")
    }

    @Test func refusesUnknownPoliciesEarlyDatesAndExistingFolders() {
        #expect(reason(plan("cookies", "2026-01-01")).hasPrefix("there is no policy 'cookies' in Content; the policies are terms."))
        #expect(reason(plan("Terms", "2026-01-01")).hasPrefix("there is no policy 'Terms'"))
        #expect(reason(plan("terms", "2025-01-01")).hasPrefix("Content/terms/2025-01-01 already exists"))
        #expect(reason(plan("terms", "2024-06-01")).hasPrefix("the new version must take effect after the version of 'terms' in force on 2025-06-01, 2025-01-01; 2024-06-01 is not after it."))
        // A folder that holds no language file is not a version, but it is not overwritten either.
        #expect(reason(plan("terms", "2026-01-01")).hasPrefix("Content/terms/2026-01-01 already exists"))
    }

    // MARK: Before an upcoming version

    /// terms: 2024-01-01 archived, 2025-01-01 in force on 2025-06-01, 2026-01-01 and 2027-01-01
    /// upcoming.
    static let withUpcoming = DirectorySnapshot(root: "Content", files: [
        SnapshotFile(path: "site.yml", text: "title: T\nbaseURL: https://example.com/\nlanguages: [en]\n"),
        SnapshotFile(path: "terms/2024-01-01/en.md", text: "Oldest.\n"),
        SnapshotFile(path: "terms/2025-01-01/en.md", text: "---\nsummary: Current.\n---\nCurrent.\n"),
        SnapshotFile(path: "terms/2026-01-01/en.md", text: "---\nsummary: Upcoming.\n---\nUpcoming.\n"),
        SnapshotFile(path: "terms/2027-01-01/en.md", text: "---\nsummary: Later.\n---\nLater.\n"),
    ])

    @Test func anUrgentVersionBeforeAnUpcomingOneStartsFromTheCurrentOne() throws {
        let planned = try plan("terms", "2025-07-01", in: Self.withUpcoming).get()
        #expect(planned.folder == "terms/2025-07-01")
        // The text in force, not the upcoming one's, whose changes are not yet in force.
        #expect(planned.copiedFrom == CalendarDate(iso: "2025-01-01"))
        #expect(planned.followedBy == CalendarDate(iso: "2026-01-01"))
        #expect(planned.current == CalendarDate(iso: "2025-01-01"))
        #expect(String(decoding: planned.files[0].bytes, as: UTF8.self).hasSuffix("---\nCurrent.\n"))
    }

    @Test func betweenTwoUpcomingVersionsItStartsFromTheEarlierOne() throws {
        let planned = try plan("terms", "2026-06-01", in: Self.withUpcoming).get()
        #expect(planned.copiedFrom == CalendarDate(iso: "2026-01-01"))
        #expect(planned.followedBy == CalendarDate(iso: "2027-01-01"))
    }

    @Test func theVersionInForceAndItsHistoryStayAsTheyAre() {
        // On or before the version in force: refused, upcoming versions or not.
        #expect(reason(plan("terms", "2024-06-01", in: Self.withUpcoming)).hasPrefix("the new version must take effect after the version of 'terms' in force on 2025-06-01, 2025-01-01; 2024-06-01 is not after it."))
        #expect(reason(plan("terms", "2025-01-01", in: Self.withUpcoming)).hasPrefix("Content/terms/2025-01-01 already exists"))
        // The date of an upcoming version is taken.
        #expect(reason(plan("terms", "2026-01-01", in: Self.withUpcoming)).hasPrefix("Content/terms/2026-01-01 already exists"))
        // As of a later day, the version of 2026-01-01 is in force and 2025-07-01 is history.
        #expect(reason(plan("terms", "2025-07-01", asOf: "2026-02-01", in: Self.withUpcoming)).hasPrefix("the new version must take effect after the version of 'terms' in force on 2026-02-01, 2026-01-01;"))
    }

    @Test func beforeTheFirstVersionThereIsNothingToStartFrom() throws {
        // Every version is upcoming as of 2023: a version before the first would copy nothing.
        #expect(reason(plan("terms", "2023-06-01", asOf: "2023-01-01", in: Self.withUpcoming)) == "'terms' has no version before 2023-06-01 to start from; its first version takes effect on 2024-01-01. Pass a later date with --effective YYYY-MM-DD")
        // After it, with nothing in force yet, it starts from the one before its date.
        #expect(try plan("terms", "2024-06-01", asOf: "2023-01-01", in: Self.withUpcoming).get().copiedFrom == CalendarDate(iso: "2024-01-01"))
    }
}
