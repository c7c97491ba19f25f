import Foundation
import PolicyCorpus
import PolicyCore
import PolicyModel
import PolicyPipeline
import Testing

/// The benchmark's corpus generator: deterministic, valid, and with the features the benchmark
/// is meant to exercise.
@Suite struct CorpusTests {
    /// Small enough for a debug build to generate and check in well under a second or two.
    let small = CorpusSpec(policies: 2, languages: 4, versions: 3, targetFileBytes: 12_000)

    @Test func sameSeedGivesTheSameBytes() {
        let first = CorpusGenerator.generate(small)
        let second = CorpusGenerator.generate(small)
        #expect(first.digest == second.digest)
        #expect(first.files == second.files)
        var reseeded = small
        reseeded.seed += 1
        #expect(CorpusGenerator.generate(reseeded).digest != first.digest)
    }

    /// Pinned, so that anything that varies between processes (a `Hasher`, a dictionary's
    /// order, the system generator) shows up as a different digest. Update it when the
    /// generator is changed on purpose: a new digest means a different benchmark corpus.
    @Test func digestIsPinned() {
        #expect(String(CorpusGenerator.generate(small).digest, radix: 16) == "6b95fba32496cdd")
    }

    @Test func sizesAreThoseOfTheIssue() {
        #expect(CorpusSpec.files1000.fileCount == 1_000)
        #expect(CorpusSpec.files5000.fileCount == 5_000)
        let corpus = CorpusGenerator.generate(small)
        #expect(corpus.versionFiles.count == small.fileCount)
        // Every file is near the size asked for, in every script.
        for file in corpus.versionFiles {
            let bytes = file.text.utf8.count
            #expect(bytes > small.targetFileBytes / 2 && bytes < small.targetFileBytes * 2, "\(file.path): \(bytes) bytes")
        }
    }

    @Test func smallCorpusPassesCheckWithoutErrors() throws {
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let corpus = CorpusGenerator.generate(small)
        try CorpusWriter.write(corpus, to: directory.path, templatesFrom: TestSupport.packageRoot.appendingPathComponent("Templates").path)
        let report = CheckPipeline.check(SiteOptions(
            contentDirectory: directory.appendingPathComponent("Content").path,
            templatesDirectory: directory.appendingPathComponent("Templates").path,
            asOf: try #require(CalendarDate(iso: corpus.asOf))))
        let problems = report.diagnostics.filter { $0.severity == .error || $0.severity == .warning }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(report.exitStatus == .success)
        #expect(report.site?.policies.count == small.policies)
        // German has no strings file in the repository: one is derived from English.
        let german = try String(contentsOf: directory.appendingPathComponent("Templates/strings/de.yml"), encoding: .utf8)
        #expect(german.contains("languageName: Deutsch"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Content/published.lock").path))
    }

    @Test func corpusHasThePromisedFeatures() {
        let corpus = CorpusGenerator.generate(small)
        let texts = corpus.versionFiles
        func any(_ predicate: (Corpus.File) -> Bool) -> Bool { texts.contains(where: predicate) }
        let lines = texts.flatMap { $0.text.split(separator: "\n") }
        #expect(lines.contains { $0.hasPrefix("## ") && $0.hasSuffix("}") && $0.contains(" {#") })
        #expect(lines.contains { $0.hasPrefix("### ") && $0.contains(" {#") })
        #expect(lines.contains { $0.hasPrefix("### ") && !$0.contains("{#") }, "subsections without ids")
        #expect(lines.contains { $0.hasPrefix("- ") } && lines.contains { $0.hasPrefix("1. ") })
        #expect(lines.contains { $0 == "|---|:---|---:|" }, "pipe tables, as cookie and retention tables are")
        #expect(any { $0.text.contains("](#") })
        #expect(any { $0.text.contains("](policy:") && $0.text.contains("#") })
        #expect(any { $0.text.contains("*") })
        #expect(any { $0.path.hasSuffix("/zh-Hans.md") && $0.text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } })
        #expect(any { $0.path.hasSuffix("/ar.md") && $0.text.unicodeScalars.contains { (0x0600...0x06FF).contains($0.value) } })
        // Summaries on every version after the first, none on the first.
        for policy in corpus.policies {
            for (index, date) in policy.dates.enumerated() {
                let file = texts.first { $0.path == "Content/\(policy.slug)/\(date.iso)/en.md" }
                #expect(file?.text.hasPrefix("---\nsummary: ") == (index > 0), "\(policy.slug) \(date.iso)")
            }
        }
        // Some versions come after --as-of (upcoming), and most before it.
        let dates = corpus.policies.flatMap(\.dates)
        #expect(dates.contains { $0 > small.asOf })
        #expect(dates.filter { $0 <= small.asOf }.count > dates.count / 2)
    }

    @Test func consecutiveVersionsDiffer() {
        let corpus = CorpusGenerator.generate(small)
        let byPath = Dictionary(uniqueKeysWithValues: corpus.versionFiles.map { ($0.path, $0.text) })
        for policy in corpus.policies {
            for language in corpus.languageTags {
                let texts = policy.dates.map { byPath["Content/\(policy.slug)/\($0.iso)/\(language).md"] ?? "" }
                for (before, after) in zip(texts, texts.dropFirst()) {
                    #expect(!before.isEmpty && before != after)
                }
            }
        }
    }

    @Test func datesRoundTrip() {
        #expect(CorpusDate(year: 2026, month: 1, day: 1).iso == "2026-01-01")
        #expect(CorpusDate(year: 2024, month: 2, day: 29).adding(days: 1).iso == "2024-03-01")
        #expect(CorpusDate(iso: "2023-02-29") == nil)
        #expect(CorpusDate(iso: "1999-12-31")?.adding(days: 1).iso == "2000-01-01")
    }
}
