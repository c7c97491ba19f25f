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
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("--as-of '\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2025-01-31")
        }
        return date
    }
}

enum DiagnosticPrinter {
    /// Text goes to standard error, like a compiler's; json and github go to standard output,
    /// where tools and the Actions runner read them.
    static func print(_ diagnostics: [Diagnostic], format: DiagnosticFormat) {
        let output = format.format(diagnostics)
        switch format {
        case .text: FileHandle.standardError.write(Data(output.utf8))
        case .json, .github: FileHandle.standardOutput.write(Data(output.utf8))
        }
    }
}
