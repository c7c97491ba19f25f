/// A generated site's content: every file of `Content/`, in memory, and what the benchmark
/// needs to know about it.
public struct Corpus: Sendable {
    /// One file, by its path relative to the corpus root (`Content/privacy/2024-03-01/en.md`).
    public struct File: Sendable, Equatable {
        public let path: String
        public let text: String
    }

    /// One policy and the effective dates of its versions, oldest first.
    public struct Policy: Sendable, Equatable {
        public let slug: String
        public let dates: [CorpusDate]
    }

    public let spec: CorpusSpec
    /// site.yml, the policy.yml files and the version files, in a fixed order.
    public let files: [File]
    public let policies: [Policy]

    /// The version files (`.md`).
    public var versionFiles: [File] { files.filter { $0.path.hasSuffix(".md") } }

    /// The bytes of Markdown, front matter included.
    public var markdownBytes: Int { versionFiles.reduce(0) { $0 + $1.text.utf8.count } }

    /// The site's languages, default first.
    public var languageTags: [String] { spec.siteLanguages.map(\.tag) }

    /// `--as-of` for builds of this corpus.
    public var asOf: String { spec.asOf.iso }

    /// A digest of every path and byte (FNV-1a, 64 bits): equal digests mean equal corpora,
    /// for the determinism test and for reports.
    public var digest: UInt64 {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                value ^= UInt64(byte)
                value &*= 0x0000_0100_0000_01B3
            }
            // A separator no text contains, so ("ab", "c") and ("a", "bc") differ.
            value ^= 0xFF
            value &*= 0x0000_0100_0000_01B3
        }
        for file in files {
            add(file.path)
            add(file.text)
        }
        return value
    }
}
