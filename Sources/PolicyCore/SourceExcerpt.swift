/// The source line under a diagnostic and the caret under the character its column names: one
/// model, which the terminal's text format prints and the preview's error overlay renders as
/// HTML, so both put the caret under the same character.
///
/// ```
///    12 | ## How to reach us
///       | ^
/// ```
///
/// Columns count UTF-8 bytes (as cmark and the YAML parser report them). The caret is placed
/// after the characters those bytes make, as a monospace display lays them out: a tab stays a
/// tab in both lines (so it moves the line and the caret alike, whatever the tab width), an East
/// Asian wide character takes two columns (`TerminalWidth`), every other character one.
public struct SourceExcerpt: Sendable, Equatable {
    /// The 1-based line number.
    public var lineNumber: Int
    /// The line as shown: without its terminator, control characters spelled out (a hostile
    /// file must not drive a terminal), tabs kept, and a long line cut to a window around the
    /// column, each cut marked with "…".
    public var text: String
    /// What goes between the gutter and the caret: a tab for each tab of `text` before the
    /// marked character, and for every other character as many spaces as the columns it takes.
    /// Nil when the diagnostic has no column.
    public var caretIndent: String?
    /// How many columns the caret spans: those of the marked character (two under a wide
    /// character), one past the end of the line.
    public var caretWidth: Int

    /// Characters kept before the column when a long line is cut, and the widest line shown.
    public static let lead = 40
    public static let width = 110

    public init(line source: String, number: Int, column: Int?) {
        lineNumber = number
        let shown = Self.printable(source)
        var characters = Array(shown)
        var caret: Int?
        if let column, column >= 1 {
            caret = Self.printable(String(decoding: source.utf8.prefix(column - 1), as: UTF8.self)).count
        }
        // A long line (a paragraph is one line) is cut to a window around the column, so the
        // caret is on screen.
        if let offset = caret, offset > Self.lead + 20 {
            characters = ["…"] + characters[(offset - Self.lead)...]
            caret = Self.lead + 1
        }
        if characters.count > Self.width { characters = Array(characters[..<Self.width]) + ["…"] }
        text = String(characters)
        if let caret {
            let before = characters.prefix(caret)
            caretIndent = before.map { $0 == "\t" ? "\t" : String(repeating: " ", count: TerminalWidth.columns(of: $0)) }.joined()
            caretWidth = caret < characters.count && characters[caret] != "\t" ? TerminalWidth.columns(of: characters[caret]) : 1
        } else {
            caretIndent = nil
            caretWidth = 1
        }
    }

    /// `   12 | `: the line number, right-aligned in five columns (wider numbers push it on).
    public var gutter: String {
        let number = String(lineNumber)
        return String(repeating: " ", count: max(5 - number.count, 1)) + number + " | "
    }

    /// The gutter of the caret's line: as wide as `gutter`, without the number.
    public var caretGutter: String {
        String(repeating: " ", count: gutter.count - 3) + " | "
    }

    /// The caret: one `^` per column it spans.
    public var caret: String { String(repeating: "^", count: caretWidth) }

    /// The line without its terminator, control characters spelled out.
    static func printable(_ line: String) -> String {
        var trimmed = Substring(line)
        while let last = trimmed.unicodeScalars.last, last == "\n" || last == "\r" {
            trimmed = Substring(trimmed.unicodeScalars.dropLast())
        }
        return OutputEscaping.visible(String(trimmed), keepingTabs: true)
    }
}
