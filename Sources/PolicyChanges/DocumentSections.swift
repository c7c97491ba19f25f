import PolicyMarkdown
import PolicyModel

/// A top-level section of a document: a heading of the document's highest level and the blocks
/// under it up to the next such heading; or, with no heading, the text before the first one.
public struct DocumentSection: Sendable, Equatable {
    /// What matches the section across versions and languages: its `{#id}`, else its anchor;
    /// `""` for the text before the first heading.
    public var key: String
    /// Nil for the text before the first heading.
    public var heading: Heading?
    /// The blocks after the heading. Top-level headings among them (subsections) have their
    /// `{#id}` removed from the text, as on the page.
    public var blocks: [MarkdownBlock]
    /// The `{#id}` of each block that is a subsection heading declaring one, else nil.
    var subsectionIDs: [SectionID?]

    /// Where the section starts in the body: its heading, or its first block.
    public var position: MarkdownPosition? { heading?.position ?? blocks.first?.position }

    /// The anchor of the section in its page; `""` for the text before the first heading.
    public var anchor: String { heading?.anchor ?? "" }
}

extension DocumentSection {
    /// The document's top-level sections, in order. The text before the first heading is
    /// included only when there is some that shows (raw HTML alone never does).
    public static func split(_ document: PolicyDocument) -> [DocumentSection] {
        var headings: [MarkdownPosition: Heading] = [:]
        for heading in document.headings { headings[heading.position] = heading }
        let topLevel = document.headings.map(\.level).min()
        var sections: [DocumentSection] = []
        var current = DocumentSection(key: "", heading: nil, blocks: [], subsectionIDs: [])
        for block in document.body.blocks {
            guard case .heading(let level, _) = block.kind, let heading = headings[block.position] else {
                current.blocks.append(block)
                current.subsectionIDs.append(nil)
                continue
            }
            if level == topLevel {
                if current.heading != nil || current.showsText { sections.append(current) }
                current = DocumentSection(key: heading.id?.rawValue ?? heading.anchor, heading: heading, blocks: [], subsectionIDs: [])
            } else {
                current.blocks.append(MarkdownBlock(.heading(level: level, heading.content), at: block.position))
                current.subsectionIDs.append(heading.id)
            }
        }
        if current.heading != nil || current.showsText { sections.append(current) }
        return sections
    }

    private var showsText: Bool {
        blocks.contains { if case .htmlBlock = $0.kind { false } else { true } }
    }
}

/// A section in canonical form (see `CanonicalForm`), for comparing it with its counterpart.
struct SectionForm {
    /// The heading's content, with its `{#id}`'s anchor left out: the id is the section's key.
    var heading = CanonicalForm()
    /// One number per block: equal numbers, equal blocks.
    var blockKeys: [Int32] = []
    /// Each block's tokens, so the aligner need not tokenize top-level blocks again.
    var blockTokens: [[Token]] = []
    /// The heading's and the blocks' tokens, in reading order, each block starting after a space.
    var tokens: [Token] = []

    init(_ section: DocumentSection, vocabulary: inout Vocabulary) {
        if let heading = section.heading {
            self.heading.add(inlines: heading.content, vocabulary: &vocabulary)
        }
        tokens = self.heading.tokens
        blockKeys.reserveCapacity(section.blocks.count)
        blockTokens.reserveCapacity(section.blocks.count)
        for (block, subsectionID) in zip(section.blocks, section.subsectionIDs) {
            var form = CanonicalForm()
            form.add([block], vocabulary: &vocabulary)
            if let subsectionID { form.addHeadingID(subsectionID.rawValue, vocabulary: &vocabulary) }
            blockKeys.append(vocabulary.id(ofForm: form.full))
            blockTokens.append(form.tokens)
            if var first = form.tokens.first, !tokens.isEmpty {
                first.gap = .space
                first.gapStyle = 0
                tokens.append(first)
                tokens += form.tokens.dropFirst()
            } else {
                tokens += form.tokens
            }
        }
    }

    /// The same on the page.
    func looksSame(as other: SectionForm) -> Bool {
        heading.full == other.heading.full && blockKeys == other.blockKeys
    }

    /// The same words and punctuation, formatting aside.
    func hasSameWords(as other: SectionForm) -> Bool {
        tokens.count == other.tokens.count && zip(tokens, other.tokens).allSatisfy { $0.text == $1.text }
    }

    var wordCount: Int { tokens.reduce(0) { $0 + ($1.isWord ? 1 : 0) } }

    func wordCount(ofBlock index: Int) -> Int { blockTokens[index].reduce(0) { $0 + ($1.isWord ? 1 : 0) } }
}
