/// Writes an outline as one language's Markdown file.
///
/// Two generators per sentence: one seeded by the paragraph alone decides the structure
/// (how many sentences, where emphasis and links go, what they point to), the same in every
/// language; one seeded by the paragraph and the language picks the words. So translations
/// carry the same links and emphasis, in their own scripts.
struct MarkdownWriter {
    /// The bytes of a sentence the writer aims at in every script; with `sentencesPerParagraph`
    /// this sets the averages the outline steers its size with.
    static let sentenceBytes = 105
    static let sentencesPerParagraph = 2...6
    /// What a sentence comes to on average with its markup and punctuation (measured on the
    /// 1,000-file corpus), for the outline's size estimates.
    static let averageSentenceBytes = 117
    static let averageParagraphBytes = averageSentenceBytes * 4 + 2
    static let averageListItemBytes = averageSentenceBytes * 3 / 2 + 4
    static let averageHeadingBytes = 45
    static let averageTableRowBytes = 150

    /// A link target in another policy.
    struct OtherPolicy {
        var slug: String
        var ids: [String]
    }

    let language: CorpusLanguage
    let otherPolicies: [OtherPolicy]
    private let languageSalt: UInt64
    private let wordsPerSentence: ClosedRange<Int>

    /// Settings names shown in code spans: ASCII, as in real policies.
    private static let codeNames = ["session_id", "consent_state", "analytics_opt_out", "lang", "csrf_token", "device_uuid", "ab_bucket", "remember_me"]
    private static let externalLinks = ["https://example.com/contact", "https://example.org/regulator", "https://help.example.com/articles/data-export", "https://status.example.com/"]

    init(language: CorpusLanguage, otherPolicies: [OtherPolicy]) {
        self.language = language
        self.otherPolicies = otherPolicies
        languageSalt = SplitMix64.hash(language.tag)
        let perWord = language.bytesPerWord
        let low = max(3, Int((Double(Self.sentenceBytes) * 0.75 / perWord).rounded()))
        let high = max(low + 1, Int((Double(Self.sentenceBytes) * 1.25 / perWord).rounded()))
        wordsPerSentence = low...high
    }

    /// The whole file: front matter (when there is any) and the body.
    func file(_ outline: PolicyOutline, summarySeed: UInt64?, material: Bool) -> String {
        var text = ""
        text.reserveCapacity(outline.estimatedBytes + outline.estimatedBytes / 4)
        if summarySeed != nil || material {
            text += "---\n"
            if let summarySeed {
                text += "summary: >\n  " + sentences(seed: summarySeed, count: 1 + Int(summarySeed % 2), plain: true, ids: []) + "\n"
            }
            if material { text += "material: true\n" }
            text += "---\n\n"
        }
        let ids = outline.ids
        write(outline.intro, ids: ids, into: &text)
        for section in outline.sections {
            text += "## " + heading(section) + "\n\n"
            write(section.blocks, ids: ids, into: &text)
            for subsection in section.subsections {
                text += "### " + heading(subsection) + "\n\n"
                write(subsection.blocks, ids: ids, into: &text)
            }
        }
        // One newline at the end, as editors leave it.
        while text.hasSuffix("\n\n") { text.removeLast() }
        return text
    }

    /// A title made of a few of the language's words, for a policy or a site.
    func title(seed: UInt64) -> String {
        var random = SplitMix64(seed: seed, languageSalt)
        let words = (0..<(1 + random.below(2))).map { _ in random.pick(language.words) }
        return capitalized(words.joined(separator: language.wordSeparator)) + (language.wordSeparator.isEmpty ? "" : " ") + language.policyWord
    }

    private func heading(_ section: PolicyOutline.Section) -> String {
        var random = SplitMix64(seed: section.headingSeed, languageSalt)
        let words = (0..<(2 + random.below(4))).map { _ in random.pick(language.words) }
        let text = capitalized(words.joined(separator: language.wordSeparator))
        return section.id.map { "\(text) {#\($0)}" } ?? text
    }

    private func write(_ blocks: [PolicyOutline.Block], ids: [String], into text: inout String) {
        for block in blocks {
            switch block {
            case .paragraph(let seed):
                var shape = SplitMix64(seed: seed)
                let count = Self.sentencesPerParagraph.lowerBound + shape.below(Self.sentencesPerParagraph.count)
                text += sentences(seed: seed, count: count, plain: false, ids: ids) + "\n\n"
            case .list(let ordered, let items):
                for (number, item) in items.enumerated() {
                    var shape = SplitMix64(seed: item)
                    let lead = shape.chance(35)
                    let count = 1 + shape.below(2)
                    text += ordered ? "\(number + 1). " : "- "
                    if lead {
                        // A bold lead-in, as policies list "**Account data.** We keep…".
                        text += "**" + sentences(seed: item ^ 0x5EED, count: 1, plain: true, ids: [], maxWords: 3) + "** "
                    }
                    text += sentences(seed: item, count: count, plain: false, ids: ids) + "\n"
                }
                text += "\n"
            case .table(let header, let rows):
                text += tableRow((0..<3).map { column in cellWords(seed: header, UInt64(column), maxWords: 2) })
                text += "|---|:---|---:|\n"
                for cells in rows {
                    var expiry = SplitMix64(seed: cells[2])
                    let name = "`\(expiry.pick(Self.codeNames))`"
                    let purpose = sentences(seed: cells[1], count: 1, plain: false, ids: ids, maxWords: 9)
                    text += tableRow([name, purpose, "\(1 + expiry.below(36)) " + cellWords(seed: cells[2], 1, maxWords: 1)])
                }
                text += "\n"
            }
        }
    }

    private func tableRow(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |\n"
    }

    /// A few plain words for a table cell, without the sentence's closing punctuation.
    private func cellWords(seed: UInt64, _ salt: UInt64, maxWords: Int) -> String {
        var text = sentences(seed: seed ^ (salt &* 0x9E37_79B9), count: 1, plain: true, ids: [], maxWords: maxWords)
        let end = String(language.sentenceEnd.filter { $0 != " " })
        if text.hasSuffix(end) { text.removeLast(end.count) }
        return text
    }

    /// `count` sentences grown from `seed`. `plain` leaves out emphasis and links (summaries,
    /// bold lead-ins); `maxWords` shortens every sentence.
    private func sentences(seed: UInt64, count: Int, plain: Bool, ids: [String], maxWords: Int? = nil) -> String {
        var result = ""
        for index in 0..<count {
            var shape = SplitMix64(seed: seed, 1, UInt64(index))
            var words = SplitMix64(seed: seed, languageSalt, UInt64(index))
            var length = wordsPerSentence.lowerBound + words.below(wordsPerSentence.count)
            if let maxWords { length = min(length, maxWords) }
            // Where the decoration goes and what it is, the same in every language.
            let decoration = plain ? nil : self.decoration(&shape, ids: ids)
            let start = shape.below(max(1, length - 2))
            let end = min(length - 1, start + shape.below(3))
            let clause = length > 6 && shape.chance(40) ? length / 2 : -1
            var sentence = ""
            for position in 0..<length {
                var word = words.pick(language.words)
                if position == 0 { word = capitalized(word) }
                if position == start, let decoration { sentence += decoration.open }
                sentence += word
                if position == end, let decoration { sentence += decoration.close }
                if position == clause {
                    sentence += language.clauseSeparator
                } else if position < length - 1 {
                    sentence += language.wordSeparator
                }
            }
            result += sentence + language.sentenceEnd
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }

    /// Markup around a run of words: emphasis, strong emphasis, a code span before it, or a
    /// link within the page, to another policy or to the web. Most sentences have none.
    private func decoration(_ shape: inout SplitMix64, ids: [String]) -> (open: String, close: String)? {
        let roll = shape.below(100)
        switch roll {
        case 0..<8:
            return ("*", "*")
        case 8..<13:
            return ("**", "**")
        case 13..<16:
            return ("`\(shape.pick(Self.codeNames))` ", "")
        case 16..<21 where !ids.isEmpty:
            return ("[", "](#\(shape.pick(ids)))")
        case 21..<25 where !otherPolicies.isEmpty:
            let other = shape.pick(otherPolicies)
            if shape.chance(25) || other.ids.isEmpty { return ("[", "](policy:\(other.slug))") }
            return ("[", "](policy:\(other.slug)#\(shape.pick(other.ids)))")
        case 25..<27:
            return ("[", "](\(shape.pick(Self.externalLinks)))")
        default:
            return nil
        }
    }

    private func capitalized(_ word: String) -> String {
        guard language.capitalizes, let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }
}
