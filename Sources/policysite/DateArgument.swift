import ArgumentParser
import PolicyModel

/// A date given to an option (`--as-of`, `--effective`).
///
/// Commands check their dates in `validate()`, which ArgumentParser runs while it parses: an
/// error there is reported with the usage of the command that was typed (`policysite build
/// [--content <dir>] …`). Thrown later, from `run()`, the same error came with the top-level
/// usage, as if the command itself had been wrong.
enum DateArgument {
    /// - Parameters:
    ///   - what: how the user wrote it, e.g. `--as-of`.
    ///   - hint: the end of the message: an example, or where to find the dates that exist.
    static func parse(_ text: String, what: String, hint: String) throws -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw ValidationError("\(what) '\(text)' is not a date; write it as YYYY-MM-DD, \(hint)")
        }
        return date
    }

    /// Checks an optional date given to an option; nil (the default) is always valid.
    static func validate(_ text: String?, what: String, hint: String) throws {
        if let text { _ = try parse(text, what: what, hint: hint) }
    }
}
