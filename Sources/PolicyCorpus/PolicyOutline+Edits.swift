/// The edits between two consecutive versions of a policy, as authors make them: reworded
/// paragraphs, list items added and removed, headings renamed, sections and subsections added
/// and removed. Required sections are never removed, so every version passes `missing-section`.
extension PolicyOutline {
    /// The next version's outline. Always changes some words (every version after the first
    /// has a summary of what changed, and a change page with something on it).
    func edited(required: Set<String>, targetBytes: Int, random: inout SplitMix64) -> PolicyOutline {
        var next = self
        next.rewordParagraphs(count: 2 + random.below(5), random: &random)
        for _ in 0..<(1 + random.below(2)) {
            next.editList(random: &random)
        }
        if random.chance(50) { next.editTable(random: &random) }
        if random.chance(30) { next.renameSectionHeading(random: &random) }
        if random.chance(20) { next.renameSubsectionHeading(random: &random) }
        if random.chance(25) { next.addOptionalSection(random: &random) }
        if random.chance(20) { next.removeOptionalSection(required: required, random: &random) }
        if random.chance(20), !next.sections.isEmpty {
            let index = random.below(next.sections.count)
            if let id = next.sections[index].id {
                let subsection = next.makeSubsection(of: id, random: &random)
                next.sections[index].subsections.insert(subsection, at: random.below(next.sections[index].subsections.count + 1))
            }
        }
        if random.chance(15) { next.removeSubsection(random: &random) }
        next.shrink(toward: targetBytes, required: required, random: &random)
        next.grow(toward: targetBytes - targetBytes / 8, random: &random)
        return next
    }

    /// Applies `body` to every run of blocks: the intro, then each section's, then each of
    /// its subsections' (two fixed levels, so plain loops).
    mutating func updateBlockRuns(_ body: (inout [Block]) -> Void) {
        body(&intro)
        for section in sections.indices {
            body(&sections[section].blocks)
            for subsection in sections[section].subsections.indices {
                body(&sections[section].subsections[subsection].blocks)
            }
        }
    }

    mutating func rewordParagraphs(count: Int, random: inout SplitMix64) {
        var total = 0
        updateBlockRuns { blocks in
            total += blocks.filter { if case .paragraph = $0 { true } else { false } }.count
        }
        guard total > 0 else { return }
        let chosen = Set((0..<count).map { _ in random.below(total) })
        var index = 0
        updateBlockRuns { blocks in
            for position in blocks.indices {
                guard case .paragraph = blocks[position] else { continue }
                if chosen.contains(index) { blocks[position] = .paragraph(seed: random.next()) }
                index += 1
            }
        }
    }

    /// Changes one cell of one table (a retention period, a purpose), and sometimes adds a row.
    mutating func editTable(random: inout SplitMix64) {
        var total = 0
        updateBlockRuns { blocks in
            total += blocks.filter { if case .table = $0 { true } else { false } }.count
        }
        guard total > 0 else { return }
        let chosen = random.below(total)
        var index = 0
        updateBlockRuns { blocks in
            for position in blocks.indices {
                guard case .table(let header, var rows) = blocks[position] else { continue }
                if index == chosen, !rows.isEmpty {
                    let row = random.below(rows.count)
                    rows[row][1 + random.below(2)] = random.next()
                    if random.chance(30) { rows.insert((0..<3).map { _ in random.next() }, at: random.below(rows.count + 1)) }
                    blocks[position] = .table(header: header, rows: rows)
                }
                index += 1
            }
        }
    }

    /// Adds an item to one list and, when it is long enough, removes another.
    mutating func editList(random: inout SplitMix64) {
        var total = 0
        updateBlockRuns { blocks in
            total += blocks.filter { if case .list = $0 { true } else { false } }.count
        }
        guard total > 0 else { return }
        let chosen = random.below(total)
        var index = 0
        updateBlockRuns { blocks in
            for position in blocks.indices {
                guard case .list(let ordered, var items) = blocks[position] else { continue }
                if index == chosen {
                    items.insert(random.next(), at: random.below(items.count + 1))
                    if items.count > 4, random.chance(60) { items.remove(at: random.below(items.count)) }
                    blocks[position] = .list(ordered: ordered, items: items)
                }
                index += 1
            }
        }
    }

    mutating func renameSectionHeading(random: inout SplitMix64) {
        guard !sections.isEmpty else { return }
        sections[random.below(sections.count)].headingSeed = random.next()
    }

    mutating func renameSubsectionHeading(random: inout SplitMix64) {
        let holders = sections.indices.filter { !sections[$0].subsections.isEmpty }
        guard !holders.isEmpty else { return }
        let section = random.pick(holders)
        sections[section].subsections[random.below(sections[section].subsections.count)].headingSeed = random.next()
    }
}
