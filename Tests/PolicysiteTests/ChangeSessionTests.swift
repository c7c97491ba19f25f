import Foundation
@testable import PolicyChanges
import PolicyCorpus
import PolicyModel
import PolicyPipeline
@testable import PolicyRender
import Testing

/// Diffing once (issue 19): a chain of versions compared in one session, each text split and
/// tokenized once and one vocabulary shared, gives every pair's diff exactly as comparing the
/// pair alone does.
@Suite struct ChangeSessionTests {
    @Test func aSessionDiffsEachPairAsAFreshComparisonDoes() throws {
        let spec = CorpusSpec(policies: 2, languages: 3, versions: 6, targetFileBytes: 12_000)
        let directory = try TestSupport.temporaryDirectory()
        try CorpusWriter.write(CorpusGenerator.generate(spec), to: directory.path, templatesFrom: TestSupport.packageRoot.appendingPathComponent("Templates").path)
        let read = SiteEngine(SiteOptions(contentDirectory: directory.appendingPathComponent("Content").path, asOf: CalendarDate(iso: "2026-01-01")!)).read(through: .parse)
        let site = try #require(read.site)
        var pairs = 0
        var changed = 0
        var chains: [[ComparedPair]] = []
        for policy in site.policies {
            for language in site.settings.languages {
                let texts = policy.versions.compactMap { $0.document(in: language) }
                #expect(texts.allSatisfy { $0.digest != nil })
                var session = ChangeSession()
                var chain: [ComparedPair] = []
                for (old, new) in zip(texts, texts.dropFirst()) {
                    let fresh = VersionDiff.compare(old: old, new: new)
                    let inSession = session.compare(old: old, new: new)
                    #expect(inSession == fresh, "\(old.file) to \(new.file)")
                    chain.append(ComparedPair(old: old, new: new))
                    pairs += 1
                    if !fresh.isUnchanged { changed += 1 }
                }
                chains.append(chain)
            }
        }
        // The corpus changes text between versions, so the diffs compared are not trivial.
        #expect(pairs == 2 * 3 * 5)
        #expect(changed > pairs / 2)

        // The set made over every core holds the same diffs.
        let set = ChangeSet.compare(chains: chains)
        #expect(set.count == pairs)
        for pair in chains.joined() {
            #expect(set.diff(pair) == VersionDiff.compare(old: pair.old, new: pair.new))
        }
    }
}

extension ChangeSessionTests {
    /// A streamed build's waves hold every planned file once, and each change page in the
    /// wave that compares its pair.
    @Test func wavesHoldEveryFileOnceWithItsPair() throws {
        let options = SiteOptions(contentDirectory: TestSupport.packageRoot.appendingPathComponent("Content").path,
                                  templatesDirectory: TestSupport.packageRoot.appendingPathComponent("Templates").path,
                                  asOf: CalendarDate(iso: "2026-06-01")!)
        let report = SiteEngine(options).read(through: .templates)
        let renderer = SiteRenderer(site: try #require(report.site).withoutDrafts(), templates: try #require(report.templates), asOf: options.asOf)
        let planned = renderer.plan().files
        for chainsPerWave in [1, 2, 100] {
            let waves = renderer.changeWaves(for: planned, chainsPerWave: chainsPerWave)
            #expect(waves.flatMap(\.files).map(\.path).sorted() == planned.map(\.path).sorted())
            for wave in waves {
                let set = ChangeSet.compare(chains: wave.chains)
                let pages = wave.files.filter { if case .changes = $0.kind { true } else { false } }
                // Each change page's diff is in its wave's set: rendering with it equals rendering alone.
                for page in pages {
                    guard case .changes(let language, let slug, let date) = page.kind, let (_, timeline, entry) = renderer.lookup(slug, date),
                          let previous = entry.previous.flatMap(timeline.entry(for:)) else { Issue.record("\(page.path)"); continue }
                    let compared = renderer.comparedTexts(entry, previous: previous, language: language)
                    #expect(set.diff(ComparedPair(old: compared.old, new: compared.new)) != nil, "\(page.path)")
                    #expect(try renderer.render(page, changes: set).get() == renderer.render(page).get(), "\(page.path)")
                }
            }
            // Each pair compared once over all the waves.
            #expect(waves.map { ChangeSet.compare(chains: $0.chains).count }.reduce(0, +) == renderer.changes(for: planned).count)
        }
    }
}

extension ChangeSessionTests {
    /// A chain longer than a run is compared in runs, over every core: the same diffs.
    @Test func aLongChainIsComparedInRunsWithTheSameDiffs() throws {
        let spec = CorpusSpec(policies: 1, languages: 1, versions: ChangeSet.runLength + 8, targetFileBytes: 3_000)
        let directory = try TestSupport.temporaryDirectory()
        try CorpusWriter.write(CorpusGenerator.generate(spec), to: directory.path, templatesFrom: TestSupport.packageRoot.appendingPathComponent("Templates").path)
        let read = SiteEngine(SiteOptions(contentDirectory: directory.appendingPathComponent("Content").path, asOf: CalendarDate(iso: "2026-01-01")!)).read(through: .parse)
        let site = try #require(read.site)
        let texts = try #require(site.policies.first).versions.compactMap { $0.document(in: site.settings.defaultLanguage) }
        let chain = zip(texts, texts.dropFirst()).map { ComparedPair(old: $0, new: $1) }
        #expect(chain.count > ChangeSet.runLength)
        let set = ChangeSet.compare(chains: [chain])
        #expect(set.count == chain.count)
        for pair in chain {
            #expect(set.diff(pair) == VersionDiff.compare(old: pair.old, new: pair.new), "\(pair.new.file)")
        }
    }
}
