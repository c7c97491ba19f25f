import Foundation
import PolicyCore
import Testing

/// Content is hostile (CI builds pull requests): what a diagnostic quotes must not write a
/// second GitHub annotation, nor drive the terminal that shows it.
@Suite struct DiagnosticEscapingTests {
    /// A front-matter key, a link target and a file name as an attacker writes them.
    static let injected = "a\r\n::error file=PWNED.md,line=1::injected annotation"
    static let terminal = "x\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m\u{7F}y"

    func diagnostic(message: String, file: String = "Content/p/2024-01-01/en.md") -> Diagnostic {
        .error(.unknownKey, message, at: SourceLocation(file: file, line: 2, column: 1))
    }

    @Test func githubAnnotationsKeepHostileTextOnTheirOwnLine() {
        for payload in [Self.injected, "a\n::error::x", "a\r::error::x", "a\u{2028}b", "%0A::error::x"] {
            let text = DiagnosticFormat.github.format([
                diagnostic(message: "unknown key '\(payload)' in front matter", file: "Content/p/2024-01-01/\(payload).md"),
            ])
            // One annotation, one line: no CR or LF anywhere but the end.
            #expect(text.utf8.filter { $0 == 0x0A || $0 == 0x0D } == [0x0A], "\(payload.debugDescription)")
            #expect(text.hasPrefix("::error file=Content/p/2024-01-01/"))
        }
        let text = DiagnosticFormat.github.format([diagnostic(message: "key '\(Self.injected)'", file: "a,b:c%.md")])
        #expect(text == "::error file=a%2Cb%3Ac%25.md,line=2,col=1,title=unknown-key::key 'a%0D%0A::error file=PWNED.md,line=1::injected annotation'\n")
    }

    @Test func terminalTextShowsControlCharactersInsteadOfSendingThem() {
        let diagnostics = [diagnostic(message: "link to '\(Self.terminal)' goes nowhere", file: "Content/\u{1B}[2J.md")]
        for colour in [false, true] {
            let text = DiagnosticFormat.text.format(diagnostics, sourceLine: { _, _ in "See [x](\(Self.terminal))\r\n" }, colour: colour)
            let allowed: Set<Unicode.Scalar> = colour ? ["\n", "\u{1B}"] : ["\n"]
            let controls = text.unicodeScalars.filter { ($0.value < 0x20 || (0x7F..<0xA0).contains($0.value)) && !allowed.contains($0) }
            #expect(controls.isEmpty, "\(text.debugDescription)")
            if !colour {
                #expect(text.contains("link to 'x\\u{1B}]0;pwned\\u{7}\\u{1B}[2J\\u{9B}31m\\u{7F}y' goes nowhere"), "\(text)")
                #expect(text.hasPrefix("Content/\\u{1B}[2J.md:2:1: error:"))
                #expect(text.contains("See [x](x\\u{1B}]0;pwned"), "\(text)")
            } else {
                // With colour, the only escapes are our own SGR sequences.
                let escapes = text.components(separatedBy: "\u{1B}").dropFirst()
                #expect(escapes.allSatisfy { $0.hasPrefix("[") && $0.drop(while: { $0 == "[" || $0.isNumber || $0 == ";" }).hasPrefix("m") }, "\(text.debugDescription)")
            }
        }
    }

    @Test func jsonEscapesEveryControlCharacter() throws {
        let text = DiagnosticFormat.json.format([diagnostic(message: Self.injected + Self.terminal, file: Self.terminal)])
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]]
        #expect(decoded?.first?["message"] as? String == Self.injected + Self.terminal)
        #expect(decoded?.first?["file"] as? String == Self.terminal)
    }
}
