/// What corpus to generate: how many policies, languages and versions, from which seed, and
/// relative to which day (the benchmark's `--as-of`).
public struct CorpusSpec: Sendable, Equatable {
    /// Policies in the site (at most `PolicyCatalog.maximum`).
    public var policies: Int
    /// Languages of every version (at most `CorpusLanguage.all.count`); the first is English.
    public var languages: Int
    /// Versions of every policy.
    public var versions: Int
    /// Every random choice follows from it: the same spec gives the same bytes.
    public var seed: UInt64
    /// The day the corpus is built as of: most versions are before it, and some policies have
    /// one or two versions after it (upcoming).
    public var asOf: CorpusDate
    /// The size of a version file the generator aims at, in bytes of UTF-8.
    public var targetFileBytes: Int

    public init(policies: Int, languages: Int, versions: Int, seed: UInt64 = 8,
                asOf: CorpusDate = CorpusDate(year: 2026, month: 1, day: 1), targetFileBytes: Int = 24_000) {
        self.policies = min(max(policies, 1), PolicyCatalog.maximum)
        self.languages = min(max(languages, 1), CorpusLanguage.all.count)
        self.versions = max(versions, 1)
        self.seed = seed
        self.asOf = asOf
        self.targetFileBytes = max(targetFileBytes, 1_000)
    }

    /// 10 policies × 5 languages × 20 versions = 1,000 files, about 24 MB of Markdown.
    public static let files1000 = CorpusSpec(policies: 10, languages: 5, versions: 20)
    /// 20 policies × 10 languages × 25 versions = 5,000 files, about 120 MB of Markdown.
    public static let files5000 = CorpusSpec(policies: 20, languages: 10, versions: 25)

    /// The number of version files.
    public var fileCount: Int { policies * languages * versions }

    /// The languages of the site, default first.
    public var siteLanguages: [CorpusLanguage] { Array(CorpusLanguage.all.prefix(languages)) }
}
