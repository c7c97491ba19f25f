import Foundation
import PolicyModel

/// Formats effective dates the way each language writes them ("March 1, 2024", "2024年3月1日").
///
/// Formatting uses UTC and the Gregorian calendar, so the output depends only on the date and
/// the language, never on the machine's time zone or locale.
public struct DateFormatting: Sendable {
    /// Every day the site shows, formatted once per language: pages are rendered on many
    /// threads, and a table lookup is both faster than a formatter and safe to share.
    private let table: [LanguageTag: [CalendarDate: String]]
    private let formatters: [LanguageTag: DateFormatter]

    public init(languages: [LanguageTag], days: Set<CalendarDate> = []) {
        var formatters: [LanguageTag: DateFormatter] = [:]
        for language in languages {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: language.rawValue)
            formatter.calendar = Calendar(identifier: .gregorian)
            formatter.timeZone = TimeZone(identifier: "UTC")
            formatter.dateStyle = .long
            formatter.timeStyle = .none
            formatters[language] = formatter
        }
        self.formatters = formatters
        var table: [LanguageTag: [CalendarDate: String]] = [:]
        for (language, formatter) in formatters {
            table[language] = Dictionary(uniqueKeysWithValues: days.map { ($0, Self.format($0, with: formatter)) })
        }
        self.table = table
    }

    /// Whether every one of these days is in the table for every one of these languages: a
    /// rebuild reuses the previous table then (making one costs a formatter call per day and
    /// language).
    public func covers(languages: [LanguageTag], days: Set<CalendarDate>) -> Bool {
        languages.allSatisfy { language in
            guard let formatted = table[language] else { return false }
            return days.allSatisfy { formatted[$0] != nil }
        }
    }

    public func format(_ date: CalendarDate, for language: LanguageTag) -> String {
        if let formatted = table[language]?[date] { return formatted }
        guard let formatter = formatters[language] else { return date.description }
        return Self.lock.withLock { Self.format(date, with: formatter) }
    }

    /// Formatting a day not in the table (none in a site render) shares a formatter across
    /// threads: one at a time.
    private static let lock = NSLock()

    private static func format(_ date: CalendarDate, with formatter: DateFormatter) -> String {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let instant = calendar.date(from: components) else { return date.description }
        return formatter.string(from: instant)
    }
}

// DateFormatter is documented thread-safe for formatting since macOS 10.9 / swift-corelibs.
extension DateFormatter: @retroactive @unchecked Sendable {}
