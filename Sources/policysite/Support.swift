import ArgumentParser
import Foundation
import PolicyCore
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
            let lines = SourceLineReader()
            let output = format.format(diagnostics, sourceLine: lines.line, colour: colour)
            FileHandle.standardError.write(Data(output.utf8))
        case .json, .github:
            FileHandle.standardOutput.write(Data(format.format(diagnostics).utf8))
        }
    }
}

