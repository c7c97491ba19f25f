import Foundation
@testable import PolicyChanges
import PolicyMarkdown
import PolicyCorpus
import Testing

/// The change engine on hostile and large input: it must finish quickly (degrading to
/// "replaced" past its budget), never recurse on the input's depth, and always produce
/// well-formed HTML.
// Serialized so that the printed timings are not shared with other cases running at once.
@Suite(.serialized) struct ChangeEngineStressTests {
    typealias F = ChangeFixture

    /// A deterministic generator (the corpus's SplitMix64), so failures reproduce. Its own
    /// `below` (a remainder) keeps the sequences these tests were written with.
    struct Random {
        private var random: SplitMix64
        init(state: UInt64) { random = SplitMix64(seed: state) }
        mutating func next() -> UInt64 { random.next() }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    static let vocabulary = ["data", "we", "keep", "your", "notes", "for", "days", "account", "privacy", "the", "and", "law",
                             "delete", "share", "service", "provider", "email", "cookie", "consent", "rights"]

    /// About `bytes` of Markdown: paragraphs of random words under one heading.
    static func randomText(bytes: Int, seed: UInt64, paragraphWords: Int = 80, alphabet: [String] = vocabulary) -> String {
        var random = Random(state: seed)
        var text = "## Terms {#terms}\n\n"
        text.reserveCapacity(bytes + 200)
        var words = 0
        while text.utf8.count < bytes {
            text += alphabet[random.below(alphabet.count)]
            words += 1
            text += words % paragraphWords == 0 ? ".\n\n" : " "
        }
        return text + ".\n"
    }

    func timed<T>(_ label: String, _ body: () -> T) -> (T, Duration) {
        let start = ContinuousClock.now
        let result = body()
        let elapsed = ContinuousClock.now - start
        print("\(label): \(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow)))")
        return (result, elapsed)
    }

    @Test func twoUnrelatedThreeMegabyteTextsDegradeToReplaced() {
        // Different words entirely, so nothing matches: the worst case for Myers.
        let letters = (0..<400).map { "w\($0)" }
        let old = F.document(Self.randomText(bytes: 3_000_000, seed: 1, alphabet: Array(letters[..<200])))
        let new = F.document(Self.randomText(bytes: 3_000_000, seed: 2, alphabet: Array(letters[200...])), date: "2025-01-01")
        let (diff, elapsed) = timed("two unrelated 3 MB texts, one section") { VersionDiff.compare(old: old, new: new) }
        #expect(elapsed < .seconds(20))
        let section = diff.sections[0]
        #expect(section.status == .changed)
        // Past the budget everything is shown replaced, and counted so.
        #expect(section.blocks.allSatisfy { if case .changed = $0 { false } else { true } })
        #expect(section.wordsDeleted > 300_000 && section.wordsInserted > 300_000)
    }

    @Test func twoUnrelatedThreeMegabyteParagraphs() {
        // One paragraph each, from the same words in another order: long snakes, many matches.
        let old = F.document(Self.randomText(bytes: 3_000_000, seed: 3, paragraphWords: .max))
        let new = F.document(Self.randomText(bytes: 3_000_000, seed: 4, paragraphWords: .max), date: "2025-01-01")
        let (diff, elapsed) = timed("two unrelated 3 MB paragraphs") { VersionDiff.compare(old: old, new: new) }
        #expect(elapsed < .seconds(20))
        #expect(diff.sections[0].status == .changed)
    }

    @Test func aLargeTextWithScatteredEditsIsDiffedExactly() {
        let text = Self.randomText(bytes: 1_000_000, seed: 5)
        var paragraphs = text.components(separatedBy: "\n\n")
        // Change one word in every 100th paragraph.
        var edits = 0
        for index in stride(from: 3, to: paragraphs.count - 1, by: 100) {
            paragraphs[index] = "changed " + paragraphs[index].split(separator: " ").dropFirst().joined(separator: " ")
            edits += 1
        }
        let old = F.document(text)
        let new = F.document(paragraphs.joined(separator: "\n\n"), date: "2025-01-01")
        let (diff, elapsed) = timed("1 MB with \(edits) one-word edits") { VersionDiff.compare(old: old, new: new) }
        #expect(elapsed < .seconds(20))
        #expect(diff.sections[0].wordsInserted == edits)
        #expect(diff.sections[0].wordsDeleted == edits)
        let changed = diff.sections[0].blocks.filter { if case .changed = $0 { true } else { false } }
        #expect(changed.count == edits)
    }

    @Test func deeplyNestedInputIsComparedWithoutRecursingOnItsDepth() {
        // 20,000 nested quotes and lists: the parser caps the tree, the aligner stops descending
        // after a few containers and shows deeper changes replaced.
        for (old, new) in [
            (String(repeating: "> ", count: 20_000) + "old words here\n", String(repeating: "> ", count: 20_000) + "new words here\n"),
            (String(repeating: "- ", count: 20_000) + "old words here\n", String(repeating: "- ", count: 20_000) + "new words here\n"),
            (String(repeating: "*a ", count: 10_000) + "x" + String(repeating: " a*", count: 10_000) + "\n", String(repeating: "*a ", count: 10_000) + "y" + String(repeating: " a*", count: 10_000) + "\n"),
        ] {
            let diff = F.diff(old, new)
            #expect(diff.sections.count == 1)
            #expect(diff.sections[0].status == .changed)
            #expect(diff.sections[0].wordsInserted >= 1 && diff.sections[0].wordsDeleted >= 1)
            let html = ChangeHTML(labels: .init(inserted: "+", deleted: "-")).render(diff.sections[0].blocks)
            #expect(F.isWellFormed(html))
            _ = ChangeText().render(diff)
        }
    }

    @Test func htmlIsWellFormedOnRandomEdits() {
        var random = Random(state: 42)
        let pieces = ["word", "other", "*em*", "**strong**", "`code`", "[link](https://a.example/x)", "[*em link*](#id)",
                      "<b>", "&amp;", "a < b", "\"quoted\"", "![img](i.png)", "数据", "بيانات", ",", "."]
        func paragraph() -> String {
            (0..<(3 + random.below(12))).map { _ in pieces[random.below(pieces.count)] }.joined(separator: " ")
        }
        func document() -> String {
            var text = ""
            for _ in 0..<(1 + random.below(4)) {
                switch random.below(4) {
                case 0: text += "- " + paragraph() + "\n- " + paragraph() + "\n\n"
                case 1: text += "> " + paragraph() + "\n\n"
                case 2: text += "### " + paragraph() + "\n\n"
                default: text += paragraph() + "\n\n"
                }
            }
            return text
        }
        for _ in 0..<300 {
            let old = document()
            // Edit: drop, add or swap some pieces of the old text.
            var words = old.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + random.below(4)) where !words.isEmpty {
                let index = random.below(words.count)
                switch random.below(3) {
                case 0: words.remove(at: index)
                case 1: words.insert(pieces[random.below(pieces.count)], at: index)
                default: words[index] = pieces[random.below(pieces.count)]
                }
            }
            let new = random.below(5) == 0 ? document() : words.joined(separator: " ")
            let diff = F.diff("## S {#s}\n\n" + old, "## S {#s}\n\n" + new)
            let renderer = ChangeHTML(labels: .init(inserted: "inserted", deleted: "deleted"))
            for section in diff.sections {
                let html = renderer.render(section.blocks) + renderer.render(runs: section.headingRuns)
                #expect(F.isWellFormed(html), "\(old)\n→\n\(new)\n\(html)")
                #expect(!html.contains("<b>"), "raw HTML must never pass through")
            }
        }
    }

    @Test func myersFindsAShortestEditScript() {
        var random = Random(state: 7)
        for _ in 0..<500 {
            let a = (0..<random.below(30)).map { _ in Int32(random.below(4)) }
            let b = (0..<random.below(30)).map { _ in Int32(random.below(4)) }
            var budget = DiffBudget.standard
            guard let script = SequenceDiff.diff(a, b, budget: &budget) else {
                Issue.record("no script for \(a) → \(b)")
                continue
            }
            // The script turns a into b.
            var i = 0
            var j = 0
            var rebuilt: [Int32] = []
            for operation in script {
                switch operation {
                case .equal:
                    #expect(a[i] == b[j])
                    rebuilt.append(a[i]); i += 1; j += 1
                case .delete: i += 1
                case .insert: rebuilt.append(b[j]); j += 1
                }
            }
            #expect(i == a.count && rebuilt == b)
            // And keeps as much as a longest common subsequence does.
            var lcs = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
            for x in stride(from: a.count - 1, through: 0, by: -1) {
                for y in stride(from: b.count - 1, through: 0, by: -1) {
                    lcs[x][y] = a[x] == b[y] ? lcs[x + 1][y + 1] + 1 : max(lcs[x + 1][y], lcs[x][y + 1])
                }
            }
            #expect(script.filter { $0 == .equal }.count == lcs[0][0])
        }
    }

    @Test func myersGivesUpPastItsBudget() {
        var budget = DiffBudget(total: 1_000, perDiff: 1_000)
        let a = (0..<1_000).map { Int32($0) }
        let b = (0..<1_000).map { Int32($0 + 5_000) }
        #expect(SequenceDiff.diff(a, b, budget: &budget) == nil)
        #expect(budget.remaining <= 0)
        // An exhausted budget still allows the linear part: equal texts, and pure insertions.
        #expect(SequenceDiff.diff(a, a, budget: &budget)?.count == 1_000)
        #expect(SequenceDiff.diff([], b, budget: &budget)?.count == 1_000)
    }
}
