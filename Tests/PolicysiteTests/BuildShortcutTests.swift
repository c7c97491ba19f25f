@testable import PolicyChanges
import PolicyCorpus
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
