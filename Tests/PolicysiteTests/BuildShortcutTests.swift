@testable import PolicyChanges
import PolicyCorpus
import PolicyModel
import PolicySource
@testable import PolicyMarkdown
import Testing

/// The build's shortcuts (issue 19) give what the long way gives: a table cell recognised as
/// plain text without cmark, and a folded context line cut without splitting the whole block.
@Suite struct BuildShortcutTests {
    /// Generated strings over an alphabet with every byte class the shortcut looks at.
    private static func samples(count: Int) -> [String] {
        let alphabet: [String] = ["a", "Z", "é", "中", "🙂", "\u{00A0}", " ", "  ", "1", ".", ")", "-", "+", "#", "=", "~", ":", "|", "'", "\"",
                                  "*", "_", "`", "\\", "&", "[", "]", "!", "<", ">", "\t", "(", "/", "%", "amp;", "http://x.y"]
        var seeded = SplitMix64(seed: 0x5EED)
        return (0..<count).map { _ in
            let length = Int(seeded.next() % 9) + 1
            return (0..<length).map { _ in alphabet[Int(seeded.next() % UInt64(alphabet.count))] }.joined()
        }
    }

    @Test func plainCellsReadAsCmarkReadsThem() {
        let fixed = ["Session", "12 months", "Remembers whether you accepted.", "fh_consent", "a  b", "Ünïcode 中文 cell", "a ", "1. x", "# x", "x # y", "x: y (z)"]
        var shortcuts = 0
        for text in fixed + Self.samples(count: 1500) {
            let origins = [MarkdownPosition(line: 3, column: 5)]
            let fast = MarkdownParser.inlines(of: text, origins: origins)
            let slow = MarkdownParser.parsedInlines(of: text, origins: origins)
            #expect(fast == slow, "\(text.debugDescription)")
            if PlainInlineText.inlines(of: text) != nil { shortcuts += 1 }
        }
        // The shortcut is taken for the plain cells, not only refused.
        #expect(shortcuts > 100)
        #expect(PlainInlineText.inlines(of: "12 months") == nil)
        #expect(PlainInlineText.inlines(of: "Session cookie") == [.text("Session cookie")])
    }

    @Test func contextLinesAreTheFirstWordsOfTheWholeText() {
        func reference(_ text: String, limit: Int) -> String {
            let joined = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            return joined.count > limit ? String(joined.prefix(limit)) + "…" : joined
        }
        var texts = Self.samples(count: 600).map { String(repeating: $0 + " ", count: 3) }
        texts += ["", "   ", "one", " two  words ", String(repeating: "word ", count: 40), String(repeating: "x", count: 12) + "   " + String(repeating: "y", count: 3)]
        for text in texts {
            for limit in [1, 5, 11, 12, 13, 120] {
                #expect(ChangeHTML.firstWords(of: text, limit: limit) == reference(text, limit: limit), "\(text.debugDescription) \(limit)")
            }
        }
    }
}

extension BuildShortcutTests {
    @Test func sourceLinesSplitByBytesAsByCharacters() {
        for text in ["", "\n", "a", "a\n", "a\nb", "\n\nx\n\n", "é\u{301}\nx", "| a | b |\n|---|---|\n| 1 | 2 |", "中文\n🙂\n"] {
            #expect(MarkdownParser.lines(of: text) == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.debugDescription)")
        }
    }
}

extension BuildShortcutTests {
    /// Digests are held as words; they read and write as the hex text, and sort as it does.
    @Test func digestsKeepTheirHexTextAndOrder() throws {
        var generator = SplitMix64(seed: 19)
        var digests: [SourceDigest] = []
        for _ in 0..<200 {
            let hex = String((0..<64).map { _ in Array("0123456789abcdef")[Int(generator.next() % 16)] })
            let digest = try #require(SourceDigest(hex: hex))
            #expect(digest.hex == hex)
            #expect(SourceDigest(hex: hex.uppercased()) == digest)
            digests.append(digest)
        }
        #expect(digests.sorted().map(\.hex) == digests.map(\.hex).sorted())
        #expect(SourceDigest(hex: String(repeating: "a", count: 63)) == nil)
        #expect(SourceDigest(hex: String(repeating: "a", count: 65)) == nil)
        #expect(SourceDigest(hex: String(repeating: "g", count: 64)) == nil)
        // The SHA-256 of "abc", as sha256sum prints it.
        #expect(SourceHasher.sha256(Array("abc".utf8)).hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
