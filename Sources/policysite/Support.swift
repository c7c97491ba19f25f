import ArgumentParser
import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyPipeline

/// `--as-of`: a given date, or today in UTC. The clock is read here, at the edge, and nowhere
/// inside the pipeline.
enum AsOfDate {
    static func resolve(_ text: String?) throws -> CalendarDate {
        guard let text else {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let today = calendar.dateComponents([.year, .month, .day], from: Date())
            return CalendarDate(year: today.year!, month: today.month!, day: today.day!)!
        }
        return try DateArgument.parse(text, what: "--as-of", hint: hint)
    }

    static let hint = "e.g. 2025-01-31"

    /// For the commands' `validate()`, so a bad date is reported with the command's own usage.
    static func validate(_ text: String?) throws {
        try DateArgument.validate(text, what: "--as-of", hint: hint)
    }
}

enum DiagnosticPrinter {
    /// Text goes to standard error, like a compiler's, with the source line under each
    /// diagnostic and colour on a terminal (unless NO_COLOR is set); json and github go to
    /// standard output, where tools and the Actions runner read them.
    static func print(_ diagnostics: [Diagnostic], format: DiagnosticFormat) {
        switch format {
        case .text:
            let environment = ProcessInfo.processInfo.environment
            let colour = isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
            let lines = SourceLines()
            let output = format.format(diagnostics, sourceLine: lines.line, colour: colour)
            FileHandle.standardError.write(Data(output.utf8))
        case .json, .github:
            FileHandle.standardOutput.write(Data(format.format(diagnostics).utf8))
        }
    }
}

/// Reads the lines of the files diagnostics point at, each file once. Diagnostics name files
/// as the user typed them, relative to the current directory, so that is where they are read.
final class SourceLines {
    private var files: [String: [Substring]?] = [:]

    func line(_ file: String, _ number: Int) -> String? {
        if files[file] == nil {
            let text = FileManager.default.contents(atPath: file).flatMap { String(validating: $0, as: UTF8.self) }
            files[file] = text.map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
        }
        guard let lines = files[file] ?? nil, number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }
}
