/// The text of one policy version before it is written in any language: its sections, their
/// ids and the seeds their words grow from.
///
/// Every language is written from the same outline, so translations have the same section ids
/// in the same order, and an edit between two versions (a reworded paragraph, a new list item,
/// a renamed heading) changes every language alike: the corpus passes the translation checks
/// the way a well-kept site does.
struct PolicyOutline: Sendable, Equatable {
    enum Block: Sendable, Equatable {
        /// A paragraph; its sentences, words, emphasis and links all follow from the seed.
        case paragraph(seed: UInt64)
        /// A bulleted or numbered list, one seed per item.
        case list(ordered: Bool, items: [UInt64])
        /// A pipe table of three columns (a name in code, what it does, how long it is kept),
        /// as cookie and retention tables are: a seed for the header, one per body cell.
        case table(header: UInt64, rows: [[UInt64]])
    }

    /// A `##` section with its `###` subsections (which have no subsections of their own).
    struct Section: Sendable, Equatable {
        /// `{#id}`; subsections may have none (then the anchor is a slug of the heading's text).
        var id: String?
        var headingSeed: UInt64
        var blocks: [Block]
        var subsections: [Section]
    }

    /// The text before the first heading.
    var intro: [Block]
    var sections: [Section]
    /// The next number for a subsection id, so an id is never given twice in one policy's
    /// history (a removed subsection's id does not come back with other text).
    var nextSerial: Int

    /// Every `{#id}` of the document, in order: what `#id` links may point to.
    var ids: [String] {
        var result: [String] = []
        for section in sections {
            if let id = section.id { result.append(id) }
            result += section.subsections.compactMap(\.id)
        }
        return result
    }

    /// About how many bytes the outline writes to, per language: what the generator steers
    /// with (`MarkdownWriter` makes sentences of about the same bytes in every script).
    var estimatedBytes: Int {
        func blockBytes(_ blocks: [Block]) -> Int {
            blocks.reduce(0) { total, block in
                switch block {
                case .paragraph: total + MarkdownWriter.averageParagraphBytes
                case .list(_, let items): total + items.count * MarkdownWriter.averageListItemBytes
                case .table(_, let rows): total + (rows.count + 2) * MarkdownWriter.averageTableRowBytes
                }
            }
        }
        var total = blockBytes(intro)
        for section in sections {
            total += MarkdownWriter.averageHeadingBytes + blockBytes(section.blocks)
            for subsection in section.subsections {
                total += MarkdownWriter.averageHeadingBytes + blockBytes(subsection.blocks)
            }
        }
        return total
    }

    /// A first version: the required sections in order, with optional ones among them until
    /// the text is about `targetBytes` long (or with fewer subsections, for a small target).
    static func initial(required: [String], targetBytes: Int, random: inout SplitMix64) -> PolicyOutline {
        var outline = PolicyOutline(intro: [.paragraph(seed: random.next()), .paragraph(seed: random.next())], sections: [], nextSerial: 1)
        for id in required {
            outline.sections.append(outline.makeSection(id: id, random: &random))
        }
        outline.grow(toward: targetBytes, random: &random)
        // A small target: fewer subsections (required sections stay).
        outline.shrink(toward: targetBytes, required: Set(required), random: &random)
        return outline
    }

    /// A new section with one or two paragraphs, maybe a list, and up to three subsections,
    /// about a third of them without an id.
    mutating func makeSection(id: String, random: inout SplitMix64) -> Section {
        var section = Section(id: id, headingSeed: random.next(), blocks: Self.makeBlocks(random: &random, listPercent: 40), subsections: [])
        for _ in 0..<random.below(4) {
            section.subsections.append(makeSubsection(of: id, random: &random))
        }
        return section
    }

    mutating func makeSubsection(of sectionID: String, random: inout SplitMix64) -> Section {
        let id: String? = random.chance(65) ? "\(sectionID)-\(nextSerial)" : nil
        nextSerial += 1
        return Section(id: id, headingSeed: random.next(), blocks: Self.makeBlocks(random: &random, listPercent: 30), subsections: [])
    }

    static func makeBlocks(random: inout SplitMix64, listPercent: Int) -> [Block] {
        var blocks: [Block] = [.paragraph(seed: random.next())]
        if random.chance(50) { blocks.append(.paragraph(seed: random.next())) }
        if random.chance(listPercent) {
            let items = (0..<(3 + random.below(4))).map { _ in random.next() }
            blocks.insert(.list(ordered: random.chance(30), items: items), at: 1)
        }
        if random.chance(listPercent / 3) {
            let rows = (0..<(2 + random.below(5))).map { _ in (0..<3).map { _ in random.next() } }
            blocks.append(.table(header: random.next(), rows: rows))
        }
        return blocks
    }

    /// Adds optional sections (at random places) until the text reaches `targetBytes`.
    mutating func grow(toward targetBytes: Int, random: inout SplitMix64) {
        while estimatedBytes < targetBytes {
            guard addOptionalSection(random: &random) else { return }
        }
    }

    /// Removes optional material (a subsection, else an optional section) while the text is
    /// well over `targetBytes`.
    mutating func shrink(toward targetBytes: Int, required: Set<String>, random: inout SplitMix64) {
        while estimatedBytes > targetBytes + targetBytes / 8 {
            if random.chance(50), removeSubsection(random: &random) { continue }
            if removeOptionalSection(required: required, random: &random) { continue }
            if removeSubsection(random: &random) { continue }
            return
        }
    }

    /// False when every optional id is in use.
    @discardableResult
    mutating func addOptionalSection(random: inout SplitMix64) -> Bool {
        let used = Set(sections.compactMap(\.id))
        let free = PolicyCatalog.optionalIDs.filter { !used.contains($0) }
        guard !free.isEmpty else { return false }
        let section = makeSection(id: random.pick(free), random: &random)
        sections.insert(section, at: random.below(sections.count + 1))
        return true
    }

    @discardableResult
    mutating func removeOptionalSection(required: Set<String>, random: inout SplitMix64) -> Bool {
        let optional = sections.indices.filter { sections[$0].id.map { !required.contains($0) } ?? true }
        guard !optional.isEmpty else { return false }
        sections.remove(at: random.pick(optional))
        return true
    }

    @discardableResult
    mutating func removeSubsection(random: inout SplitMix64) -> Bool {
        let holders = sections.indices.filter { !sections[$0].subsections.isEmpty }
        guard !holders.isEmpty else { return false }
        let section = random.pick(holders)
        sections[section].subsections.remove(at: random.below(sections[section].subsections.count))
        return true
    }
}
