import PolicyMarkdown
import PolicyModel

/// What changed between two versions of one policy in one language, section by section: the
/// whole answer, so a change page, the `diff` command and its JSON are rendered from it without
/// diffing again. Made by `VersionDiff.compare(old:new:)`, a pure function of the two documents.
///
/// Sections are the document's top-level ones: those of its highest heading level (usually
/// `##`), each with everything under it up to the next heading of that level; the text before
/// the first heading is the section with id `""`. They are matched by `{#id}`, else by anchor
/// (the slug of the heading text), and listed in the new version's order, each removed section
/// where it stood in the old one (after the section that preceded it there).
///
/// What counts as a change: the Markdown tree in a canonical form, not the bytes. Re-wrapping
/// lines, extra spaces, blank lines (a tight or a loose list), the list marker (`-`, `*`, `+`;
/// `1.` or `1)`), raw HTML (never rendered) and source positions are **no change**. The same
/// words and punctuation with other formatting (emphasis, strong, code, a link's target, a
/// heading level, a list turned from bullets to numbers, a paragraph split in two, a hard line
/// break) are a change with 0 words inserted and deleted and `formattingOnly` set. Punctuation
/// is text but not words: changing only a comma is `changed` with 0 words, not formatting-only.
public struct VersionDiff: Sendable, Equatable {
    public var sections: [SectionChange]

    public init(sections: [SectionChange]) {
        self.sections = sections
    }

    /// True when no section changed (moves aside).
    public var isUnchanged: Bool { sections.allSatisfy { $0.status == .unchanged } }
}

/// How a section fared between the two versions.
public enum SectionStatus: String, Sendable, Hashable, CaseIterable {
    /// Only in the new version.
    case added
    /// Only in the old version.
    case removed
    /// In both, with other words or other formatting (its heading included).
    case changed
    /// In both, the same in canonical form (it may have moved: see `SectionChange.moved`).
    case unchanged
}

/// One top-level section of either version and what happened to it.
public struct SectionChange: Sendable, Equatable {
    /// The key it was matched by: its `{#id}`, else its anchor; `""` for the text before the
    /// first heading. What the contract's JSON calls `id`.
    public var id: String
    /// The heading's anchor in the new version's page (the old one's for a removed section);
    /// `""` for the text before the first heading. Change pages link to `<version page>#anchor`.
    public var anchor: String
    public var status: SectionStatus
    /// Matched, and its heading's words differ: the section was renamed.
    public var headingChanged: Bool
    /// Matched, and its place among the matched sections differs: it was moved. A moved section
    /// is still `unchanged` when its text is the same.
    public var moved: Bool
    /// The heading as the reader sees it (`{#id}` removed); nil for an added section and for the
    /// text before the first heading.
    public var oldHeading: [MarkdownInline]?
    /// Nil for a removed section and for the text before the first heading.
    public var newHeading: [MarkdownInline]?
    /// The word diff of the heading when it differs in words or formatting; empty otherwise.
    public var headingRuns: [InlineDiffRun]
    /// Words (not punctuation or spaces; each Han, kana, Hangul or Thai character counts as
    /// one, and so does an image) that the new text has and the old did not, heading included.
    public var wordsInserted: Int
    public var wordsDeleted: Int
    /// Changed, with the same words and punctuation: only formatting differs.
    public var formattingOnly: Bool
    /// The section's blocks after its heading: all `.inserted` for an added section, all
    /// `.deleted` for a removed one, all `.unchanged` (the new text) for an unchanged one, and
    /// aligned block by block for a changed one.
    public var blocks: [DiffBlock]

    public init(id: String, anchor: String, status: SectionStatus, headingChanged: Bool = false, moved: Bool = false,
                oldHeading: [MarkdownInline]?, newHeading: [MarkdownInline]?, headingRuns: [InlineDiffRun] = [],
                wordsInserted: Int = 0, wordsDeleted: Int = 0, formattingOnly: Bool = false, blocks: [DiffBlock]) {
        self.id = id
        self.anchor = anchor
        self.status = status
        self.headingChanged = headingChanged
        self.moved = moved
        self.oldHeading = oldHeading
        self.newHeading = newHeading
        self.headingRuns = headingRuns
        self.wordsInserted = wordsInserted
        self.wordsDeleted = wordsDeleted
        self.formattingOnly = formattingOnly
        self.blocks = blocks
    }
}

/// A block of a changed section, aligned with its counterpart. Blocks are compared in canonical
/// form (see `VersionDiff`), so an `.unchanged` block may differ in whitespace; it holds the
/// new text. Links in `.deleted` blocks and in `.delete` runs belong to the old version, all
/// others to the new one (`DiffSide`), which matters for `policy:` and `#id` links.
public enum DiffBlock: Sendable, Equatable {
    case unchanged(MarkdownBlock)
    case inserted(MarkdownBlock)
    case deleted(MarkdownBlock)
    /// A paragraph or heading (of the same kind and level in both) whose words changed: `runs`
    /// interleave both texts, in reading order, with their inline formatting.
    case changed(old: MarkdownBlock, new: MarkdownBlock, runs: [InlineDiffRun])
    /// A list whose items were aligned one by one. It is rendered with the new list's style.
    case changedList(old: MarkdownList, new: MarkdownList, items: [DiffListItem])
    /// A block quote whose blocks were aligned one by one.
    case changedQuote(children: [DiffBlock])
    /// A table (with as many columns in both versions) whose rows were aligned one by one:
    /// `rows[0]` is the header, then the body rows in reading order, deleted ones where they
    /// stood. It is rendered with the new table's alignment.
    case changedTable(old: MarkdownTable, new: MarkdownTable, rows: [DiffTableRow])
}

/// One row of a `changedTable`.
public struct DiffTableRow: Sendable, Equatable {
    /// As for list items: kept, added, removed, or kept with some cells changed.
    public var change: DiffListItem.Change
    /// One per column: all `.unchanged` for the first three kinds of change (holding the old
    /// cell for a deleted row, the new one otherwise).
    public var cells: [DiffTableCell]

    public init(change: DiffListItem.Change, cells: [DiffTableCell]) {
        self.change = change
        self.cells = cells
    }
}

/// One cell of a `DiffTableRow`.
public enum DiffTableCell: Sendable, Equatable {
    /// The same in both versions (the new text), or a cell of a whole added or removed row.
    case unchanged([MarkdownInline])
    /// Its words or formatting changed: both texts interleaved, word by word.
    case changed([InlineDiffRun])
}

/// One item of a `changedList`.
public struct DiffListItem: Sendable, Equatable {
    public enum Change: String, Sendable, Hashable {
        case unchanged, inserted, deleted, changed
    }

    public var change: Change
    /// The item's blocks: all `.unchanged`, `.inserted` or `.deleted` for the first three
    /// kinds of change, aligned for `.changed`.
    public var blocks: [DiffBlock]

    public init(change: Change, blocks: [DiffBlock]) {
        self.change = change
        self.blocks = blocks
    }
}

/// Which version a piece of a diff comes from: decides how its links resolve.
public enum DiffSide: Sendable, Hashable {
    case old, new
}

/// A stretch of inline text in a word diff, with one operation and one formatting.
///
/// Runs hold the spaces between words, so joining their `text` gives the text (whitespace
/// collapsed to single spaces). A word whose formatting changed but not its text (emphasis
/// added, a link's target changed) appears as a `.delete` run in the old formatting followed by
/// an `.insert` run in the new, so the page shows it, but it is not counted in the words.
public struct InlineDiffRun: Sendable, Equatable {
    public enum Operation: String, Sendable, Hashable {
        case equal, insert, delete
    }

    public var operation: Operation
    public var text: String
    public var style: InlineStyle

    public init(_ operation: Operation, _ text: String, style: InlineStyle = InlineStyle()) {
        self.operation = operation
        self.text = text
        self.style = style
    }

    /// The version the run's text (and its link) comes from.
    public var side: DiffSide { operation == .delete ? .old : .new }
}

/// The inline formatting of a run: what it sits inside. Nesting order is not kept (it does not
/// change what a reader sees); renderers nest in a fixed order: link, strong, emphasis, then
/// the insertion or deletion, then code.
public struct InlineStyle: Sendable, Hashable {
    public var emphasis: Bool
    public var strong: Bool
    public var code: Bool
    /// The link the text is part of.
    public var link: DiffLink?
    /// Set when the run is an image: `text` is its alternative text.
    public var image: DiffLink?

    public init(emphasis: Bool = false, strong: Bool = false, code: Bool = false, link: DiffLink? = nil, image: DiffLink? = nil) {
        self.emphasis = emphasis
        self.strong = strong
        self.code = code
        self.link = link
        self.image = image
    }
}

/// A link's target and title, as written in the Markdown.
public struct DiffLink: Sendable, Hashable {
    public var destination: String
    public var title: String

    public init(destination: String, title: String = "") {
        self.destination = destination
        self.title = title
    }
}
