import PolicyCore
import Testing

/// The excerpt under a text diagnostic: the caret must stand under the character the column
/// names, as a terminal shows the line.
@Suite struct TextDiagnosticTests {
    private func excerpt(_ line: String, column: Int) -> [String] {
        let diagnostic = Diagnostic.error(.brokenLink, "broken", at: SourceLocation(file: "a.md", line: 3, column: column))
        let text = DiagnosticFormat.text.format([diagnostic], sourceLine: { _, _ in line })
        return text.split(separator: "\n").dropFirst().map(String.init)
    }

    /// The caret's offset under the source line, in terminal columns.
    private func caretColumn(_ lines: [String]) -> Int? {
        guard lines.count == 2, let bar = lines[1].firstIndex(of: "|"), let caret = lines[1].firstIndex(of: "^") else { return nil }
        return lines[1][lines[1].index(after: bar)..<caret].count
    }

    @Test func caretUnderALatinCharacter() {
        // "See [x](#y)": the link starts at byte 5.
        #expect(caretColumn(excerpt("See [x](#y)", column: 5)) == 1 + 4)
    }

    @Test func caretCountsWideCharactersAsTwoColumns() {
        // "请参阅[联系](#x)": three CJK characters (9 bytes) before the link at byte 10; a
        // terminal shows them in 6 columns, so the caret has 6 columns of padding.
        #expect(caretColumn(excerpt("请参阅[联系](#x)", column: 10)) == 1 + 6)
    }

    @Test func arabicAndAccentedLettersTakeOneColumnEach() {
        // "é" is 2 bytes, one column; the link after "café " starts at byte 7.
        #expect(caretColumn(excerpt("café [x](#y)", column: 7)) == 1 + 5)
    }
}
