/// Heading text reduced to what matters for recognising a section by name: lower case,
/// punctuation and apostrophes gone, words separated by one space (none next to a CJK
/// ideograph, as Chinese and Japanese do not space words), and leading numbering such as
/// `1.`, `3.2` or `一、` removed. "4. Children’s Privacy" and "children's privacy" become
/// the same text; matching is on the whole phrase, never on a part of it.
enum HeadingText {
    static func normalize(_ text: String) -> String {
        var words = ""
        var pendingSpace = false
        var lastWasIdeograph = false
        for scalar in dropNumbering(text).lowercased().unicodeScalars.prefix(500) {
            if apostrophes.contains(scalar) { continue }
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                let ideograph = properties.isIdeographic
                if pendingSpace, !words.isEmpty, !ideograph, !lastWasIdeograph { words.append(" ") }
                words.unicodeScalars.append(scalar)
                pendingSpace = false
                lastWasIdeograph = ideograph
            } else if !properties.isJoinControl, properties.generalCategory != .nonspacingMark {
                pendingSpace = true
            }
        }
        return words
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "\u{2018}"]

    /// Removes numbering such as `1.`, `3.2` or `4)` and `一、` from the start; a bare number
    /// followed by a space ("2024 changes") is kept, as it may be part of the title.
    static func dropNumbering(_ text: String) -> Substring {
        var rest = Substring(text)
        while rest.first?.isWhitespace == true { rest.removeFirst() }
        // Western: digits with dots, ending in `.` or `)`, or containing a dot (`3.2 Contact`).
        let digits = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        if let first = digits.first, first.isNumber {
            let after = rest.dropFirst(digits.count)
            if after.first == ")" { return after.dropFirst() }
            if digits.contains("."), after.first?.isWhitespace == true || after.isEmpty { return after }
        }
        // Chinese: 一、 二、 … 十二、
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "〇", "零"]
        let chinese = rest.prefix { numerals.contains($0) }
        if !chinese.isEmpty {
            let after = rest.dropFirst(chinese.count)
            if after.first == "、" || after.first == "．" || after.first == "." { return after.dropFirst() }
        }
        return rest
    }
}
