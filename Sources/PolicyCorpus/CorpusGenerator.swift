import PolicyCore

/// Generates a site's `Content/` from a `CorpusSpec`: deterministic, pure (no files, no clock).
///
/// Each policy starts from an outline with its required sections and optional ones, and each
/// later version is the previous one edited (`PolicyOutline.edited`); every language is written
/// from the same outline. Dates are spaced a few months apart, ending before `asOf` for a third
/// of the policies and with one or two upcoming versions after it for the others.
public enum CorpusGenerator {
    public static func generate(_ spec: CorpusSpec) -> Corpus {
        let languages = spec.siteLanguages
        let entries = Array(PolicyCatalog.entries.prefix(spec.policies))
        var files = [Corpus.File(path: "Content/site.yml", text: siteSettings(languages: languages))]
        var policies: [Corpus.Policy] = []
        // Policies are independent of each other: generated over every core, kept in order.
        let generated = Array(entries.indices).parallelMap { index in
            policyFiles(entries[index], index: index, entries: entries, languages: languages, spec: spec)
        }
        for (index, entry) in entries.enumerated() {
            files += generated[index]
            policies.append(Corpus.Policy(slug: entry.slug, dates: versionDates(policy: index, spec: spec)))
        }
        return Corpus(spec: spec, files: files, policies: policies)
    }

    /// policy.yml and every version file of one policy.
    static func policyFiles(_ entry: PolicyCatalog.Entry, index: Int, entries: [PolicyCatalog.Entry],
                            languages: [CorpusLanguage], spec: CorpusSpec) -> [Corpus.File] {
        let others = entries.filter { $0.slug != entry.slug }.map { MarkdownWriter.OtherPolicy(slug: $0.slug, ids: $0.required) }
        let writers = languages.map { MarkdownWriter(language: $0, otherPolicies: others) }
        var files = [Corpus.File(path: "Content/\(entry.slug)/policy.yml", text: policySettings(entry, writers: writers))]
        let required = Set(entry.required)
        var random = SplitMix64(seed: spec.seed, SplitMix64.hash(entry.slug))
        var outline = PolicyOutline.initial(required: entry.required, targetBytes: spec.targetFileBytes, random: &random)
        for (version, date) in versionDates(policy: index, spec: spec).enumerated() {
            if version > 0 { outline = outline.edited(required: required, targetBytes: spec.targetFileBytes, random: &random) }
            let summarySeed: UInt64? = version > 0 ? random.next() : nil
            let material = version > 0 && random.chance(25)
            for writer in writers {
                files.append(Corpus.File(path: "Content/\(entry.slug)/\(date.iso)/\(writer.language.tag).md",
                                         text: writer.file(outline, summarySeed: summarySeed, material: material)))
            }
        }
        return files
    }

    /// The effective dates of a policy's versions, oldest first: none, one or two after
    /// `asOf` (by the policy's position), the rest before it, 2 to 8 months apart.
    public static func versionDates(policy: Int, spec: CorpusSpec) -> [CorpusDate] {
        var random = SplitMix64(seed: spec.seed, SplitMix64.hash("dates"), UInt64(policy))
        let upcoming = min(policy % 3, spec.versions - 1)
        var dates: [CorpusDate] = []
        var day = spec.asOf
        for _ in 0..<upcoming {
            day = day.adding(days: 20 + random.below(120))
            dates.append(day)
        }
        dates.reverse()
        day = spec.asOf.adding(days: -random.below(120))
        for _ in 0..<(spec.versions - upcoming) {
            dates.append(day)
            day = day.adding(days: -(60 + random.below(180)))
        }
        return dates.sorted()
    }

    static func siteSettings(languages: [CorpusLanguage]) -> String {
        var text = "# A generated site (policysite's benchmark corpus).\ntitle:\n"
        for language in languages { text += "  \(language.tag): \(language.siteTitle)\n" }
        text += "baseURL: https://policies.example.com/\n"
        text += "languages: [\(languages.map(\.tag).joined(separator: ", "))]\n"
        text += "governingLanguage: \(languages[0].tag)\n"
        text += "required: [\(PolicyCatalog.siteRequired.joined(separator: ", "))]\n"
        return text
    }

    static func policySettings(_ entry: PolicyCatalog.Entry, writers: [MarkdownWriter]) -> String {
        var text = "title:\n"
        for writer in writers {
            let title = writer.language.tag == "en" ? entry.englishTitle : writer.title(seed: SplitMix64.hash(entry.slug))
            text += "  \(writer.language.tag): \(title)\n"
        }
        if let required = entry.ownRequired { text += "required: [\(required.joined(separator: ", "))]\n" }
        return text
    }
}
