import Foundation
import PolicyChanges
import PolicyMarkdown
import Testing

/// A changed table on change pages and in `diff`: rows added, removed and changed, and inside
/// a changed row the cells that changed, word by word.
@Suite struct TableChangeTests {
    typealias F = ChangeFixture

    static let old = """
        ## Cookies {#cookies}

        We use these cookies.

        | Cookie | Purpose | Expires |
        |---|---|--:|
        | `fh_session` | Keeps you signed in. | When you close your browser |
        | `fh_consent` | Remembers your choice. | 60 days |
        | `fh_lb` | Balances load. | 1 hour |
        | `_mtly_id` | Counts visitors for Metricly. | 13 months |
        """

    static let new = """
        ## Cookies {#cookies}

        We use these cookies.

        | Cookie | Purpose | Expires |
        |---|---|--:|
        | `fh_session` | Keeps you signed in. | When you close your browser |
        | `fh_consent` | Remembers your choice. | 30 days |
        | `fh_lb` | Balances load. | 1 hour |
        | `fh_theme` | Remembers the light or dark theme. | 12 months |
        """

    private func table(_ diff: VersionDiff) -> [DiffTableRow]? {
        for section in diff.sections {
            for block in section.blocks {
                if case .changedTable(_, _, let rows) = block { return rows }
            }
        }
        return nil
    }

    @Test func aChangedCellIsOneChangedRowNotAReplacedTable() throws {
        let diff = F.diff(Self.old, Self.new)
        let rows = try #require(table(diff))
        #expect(rows.map(\.change) == [.unchanged, .unchanged, .changed, .unchanged, .deleted, .inserted])
        let consent = rows[2]
        guard case .unchanged = consent.cells[0], case .unchanged = consent.cells[1], case .changed(let runs) = consent.cells[2] else {
            Issue.record("only the expiry cell should have changed: \(consent.cells)")
            return
        }
        #expect(runs.filter { $0.operation == .delete }.map(\.text) == ["60"])
        #expect(runs.filter { $0.operation == .insert }.map(\.text) == ["30"])
        // 60 → 30 is one word each way; a code span is one word: the removed row is `_mtly_id`,
        // Counts visitors for Metricly, 13 (months is kept); the added row likewise.
        #expect(F.summary(diff) == ["cookies changed +9 -7"])
    }

    @Test func theChangePageShowsTheTableWithTheChangedCellMarked() throws {
        let diff = F.diff(Self.old, Self.new)
        let html = ChangeHTML(labels: .init(inserted: "inserted", deleted: "deleted")).render(diff.sections[0].blocks)
        #expect(F.isWellFormed(html))
        #expect(html.components(separatedBy: "<table>").count == 2, "one table, not the old one deleted and the new one inserted")
        #expect(html.contains("<th scope=\"col\" class=\"align-right\">Expires</th>"))
        // The deleted and the inserted number stay apart, each marked, in the right-aligned cell.
        #expect(html.contains("<td class=\"align-right\"><del><span class=\"visually-hidden\">deleted</span>60</del><ins><span class=\"visually-hidden\">inserted</span>30</ins> days</td>"))
        #expect(html.contains("<tr class=\"diff-changed\">"))
        #expect(html.contains("<tr class=\"diff-deleted\">\n<td><del><span class=\"visually-hidden\">deleted</span><code>_mtly_id</code></del></td>"))
        #expect(html.contains("<tr class=\"diff-inserted\">\n<td><ins><span class=\"visually-hidden\">inserted</span><code>fh_theme</code></ins></td>"))
        #expect(!html.contains("6030"))
    }

    @Test func diffTextShowsChangedRowsAndElidesKeptOnes() {
        let text = F.text(Self.old, Self.new)
        #expect(text == """
            ~ changed: cookies "Cookies" (9 words inserted, 7 deleted)
                …
                | Cookie | Purpose | Expires |
                | … |
                | fh_consent | Remembers your choice. | [-60-]{+30+} days |
                | … |
                [-| _mtly_id | Counts visitors for Metricly. | 13 months |-]
                {+| fh_theme | Remembers the light or dark theme. | 12 months |+}

            """)
    }

    /// The policy's text is hostile: `diff` spells out its control characters (escape
    /// sequences, a bell) in headings, paragraphs and cells, whatever changed, so a text cannot
    /// recolour or move the terminal; only the diff's own colours are escape sequences.
    @Test func controlCharactersInTheTextAreSpelledOutInDiff() {
        let old = "## Fees\u{1B}]0;pwned\u{7} {#fees}\n\nWe charge\u{1B}[2J 10.\n\n| A | B |\n|---|---|\n| x\u{1B}[31m | 1 day |\n| kept\u{1B}[1m | 3 |\n"
        let new = old.replacingOccurrences(of: "10.", with: "12.").replacingOccurrences(of: "1 day |", with: "2 days\u{7} |")
        for colour in [false, true] {
            let text = ChangeText(colour: colour).render(F.diff(old, new))
            let scalars = text.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" }
            // With colour, the only control characters are the escapes that start our own colours.
            #expect(colour ? scalars.allSatisfy { $0 == "\u{1B}" } : scalars.isEmpty, "\(text.debugDescription)")
            #expect(text.contains("Fees\\u{1B}]0;pwned\\u{7}"))
            #expect(text.contains("We charge\\u{1B}[2J"))
            #expect(text.contains("x\\u{1B}[31m"))
            #expect(text.contains("2 days\\u{7}"))
            #expect(!text.contains("\u{7}"))
        }
        let plain = ChangeText().render(F.diff(old, new))
        #expect(!plain.contains("\u{1B}"))
    }

    @Test func aTableWithOtherColumnsIsReplaced() {
        let other = Self.new.replacingOccurrences(of: "| Cookie | Purpose | Expires |\n|---|---|--:|", with: "| Cookie | Purpose | Expires | Party |\n|---|---|--:|---|")
        let diff = F.diff(Self.old, other)
        #expect(table(diff) == nil)
        let html = ChangeHTML(labels: .init(inserted: "inserted", deleted: "deleted")).render(diff.sections[0].blocks)
        #expect(html.contains("<del class=\"diff-block\">"))
        #expect(html.contains("<ins class=\"diff-block\">"))
    }

    @Test func aChangedHeaderCellIsMarkedInTheHeader() throws {
        let renamed = Self.new.replacingOccurrences(of: "| Cookie | Purpose | Expires |", with: "| Cookie | Purpose | Kept for |")
        let rows = try #require(table(F.diff(Self.old, renamed)))
        #expect(rows[0].change == .changed)
        let html = ChangeHTML(labels: .init(inserted: "+", deleted: "-")).render(F.diff(Self.old, renamed).sections[0].blocks)
        #expect(html.contains("<th scope=\"col\" class=\"align-right\"><del><span class=\"visually-hidden\">-</span>Expires</del><ins><span class=\"visually-hidden\">+</span>Kept for</ins></th>"))
    }
}

/// Every table region of a page has its own name (axe: landmark-unique): the heading it sits
/// under, then its header, then a number if that still repeats.
@Suite struct TableRegionNameTests {
    @Test func tablesWithTheSameHeaderUnderOtherHeadingsHaveOtherNames() {
        let markdown = """
            ## Necessary

            | Cookie | Expires |
            |---|---|
            | a | 1 day |

            ## Preferences

            | Cookie | Expires |
            |---|---|
            | b | 1 year |

            | Cookie | Expires |
            |---|---|
            | c | 1 hour |
            """
        let html = HTMLRenderer().render(MarkdownParser.parse(markdown).blocks)
        #expect(html.contains("aria-label=\"Necessary: Cookie, Expires\""))
        #expect(html.contains("aria-label=\"Preferences: Cookie, Expires\""))
        #expect(html.contains("aria-label=\"Preferences: Cookie, Expires (2)\""))
    }

    @Test func aChangePageNamesRemovedTablesApart() {
        let old = "## Cookies {#c}\n\n| Cookie | Expires |\n|---|---|\n| a | 1 day |\n"
        let new = "## Cookies {#c}\n\nNone any more.\n"
        let diff = ChangeFixture.diff(old, new)
        let html = ChangeHTML(labels: .init(inserted: "inserted", deleted: "deleted")).render(diff.sections[0].blocks, section: "Cookies")
        #expect(html.contains("aria-label=\"Cookies: Cookie, Expires (deleted)\""))
    }
}
