/// A calendar day as a count of days since 1970-01-01, for spacing version dates; the corpus
/// needs only adding days and printing `YYYY-MM-DD`, so it carries its own arithmetic rather
/// than a dependency on the model or on Foundation's calendars.
public struct CorpusDate: Sendable, Hashable, Comparable {
    /// Days since 1970-01-01.
    public let day: Int

    public init(day: Int) {
        self.day = day
    }

    /// `year`, `month` 1–12, `day` 1–31 (proleptic Gregorian; Howard Hinnant's days_from_civil).
    public init(year: Int, month: Int, day: Int) {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        self.day = era * 146_097 + dayOfEra - 719_468
    }

    /// `YYYY-MM-DD`, or nil when the text is not a valid date of that form.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        self.init(year: year, month: month, day: day)
        guard self.iso == iso else { return nil }
    }

    public func adding(days: Int) -> CorpusDate {
        CorpusDate(day: day + days)
    }

    /// `YYYY-MM-DD` (civil_from_days).
    public var iso: String {
        let z = day + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(padded(year, 4))-\(padded(month, 2))-\(padded(dayOfMonth, 2))"
    }

    public static func < (lhs: CorpusDate, rhs: CorpusDate) -> Bool {
        lhs.day < rhs.day
    }
}
