import Foundation
import PolicyModel

/// Formats effective dates the way each language writes them ("March 1, 2024", "2024年3月1日").
///
/// Formatting uses UTC and the Gregorian calendar, so the output depends only on the date and
/// the language, never on the machine's time zone or locale.
public struct DateFormatting: Sendable {
    private let formatters: [LanguageTag: DateFormatter]

    public init(languages: [LanguageTag]) {
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
    }

    public func format(_ date: CalendarDate, for language: LanguageTag) -> String {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let formatter = formatters[language], let instant = calendar.date(from: components) else {
            return date.description
        }
        return formatter.string(from: instant)
    }
}

// DateFormatter is documented thread-safe for formatting since macOS 10.9 / swift-corelibs.
extension DateFormatter: @retroactive @unchecked Sendable {}
