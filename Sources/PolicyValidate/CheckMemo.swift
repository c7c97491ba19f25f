import PolicyCore
import PolicyModel

/// What a unit of a check looked at: version files by path and exact bytes, and whatever else
/// the unit's result depends on (e.g. whether the later version is archived, or a fingerprint of
/// the policies a document links to).
struct CheckUnitKey: Hashable, Sendable {
    var files: [VersionFilePath]
    var digests: [SourceDigest?]
    var flags: [Bool]
    var context: [Int] = []
}

/// The results of the checks that look at one document, or one pair of versions, at a time,
/// kept by what each unit looked at. A rebuild after a one-file edit then re-checks only the
/// units that file is part of: the engine under `serve` passes the memo of its previous build.
///
/// A memo is only valid for the settings and the day it was made with (the default language,
/// the required sections, which versions are archived): otherwise it is ignored. It lives in one
/// process (keys may hold `Hasher` values, which are seeded per process).
public struct CheckMemo: Sendable {
    var settings: SiteSettings?
    var asOf: CalendarDate?
    var results: [String: [CheckUnitKey: [Diagnostic]]] = [:]

    public init() {}
}

/// A check that splits into independent units (a document, a pair of versions), each a pure
/// function of the files named in its key: the units run over every core, and a unit whose key
/// is in the memo is not run again.
///
/// Units are small values (indices into the site, flags): a rebuild makes every unit's key but
/// runs few, so a unit must not copy the texts it names.
protocol UnitCheck: SiteCheck {
    associatedtype Unit: Sendable
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: Unit)]
    func problems(in unit: Unit, of input: ValidationInput) -> [Diagnostic]
}

/// Where a text is in the site: indices of its policy, version and document.
struct DocumentIndex: Sendable {
    var policy: Int
    var version: Int
    var document: Int

    func policy(in site: Site) -> Policy { site.policies[policy] }
    func version(in site: Site) -> PolicyVersion { site.policies[policy].versions[version] }
    func document(in site: Site) -> PolicyDocument { site.policies[policy].versions[version].documents[document] }
}

extension ValidationInput {
    /// Every text of the site with its unit key (its path and digest): the units of a check
    /// that looks at one text at a time.
    func documentUnits() -> [(key: CheckUnitKey, unit: DocumentIndex)] {
        var units: [(key: CheckUnitKey, unit: DocumentIndex)] = []
        for (p, policy) in site.policies.enumerated() {
            for (v, version) in policy.versions.enumerated() {
                for (d, document) in version.documents.enumerated() {
                    units.append((unitKey([(version.effective, document, policy.slug)]), DocumentIndex(policy: p, version: v, document: d)))
                }
            }
        }
        return units
    }
}

extension UnitCheck {
    func check(_ input: ValidationInput) -> [Diagnostic] {
        check(input, reusing: [:]).diagnostics
    }

    func check(_ input: ValidationInput, reusing previous: [CheckUnitKey: [Diagnostic]]) -> (diagnostics: [Diagnostic], results: [CheckUnitKey: [Diagnostic]]) {
        let units = units(input)
        // A unit with a file of unknown bytes (a site made in memory) is never taken from the memo.
        let problems = units.parallelMap { unit in
            unit.key.digests.contains(nil) ? self.problems(in: unit.unit, of: input) : previous[unit.key] ?? self.problems(in: unit.unit, of: input)
        }
        var results: [CheckUnitKey: [Diagnostic]] = [:]
        results.reserveCapacity(units.count)
        for (unit, found) in zip(units, problems) { results[unit.key] = found }
        return (problems.flatMap { $0 }, results)
    }
}

extension ValidationInput {
    /// The key of a unit that reads these documents (a document's identity is its path and the
    /// SHA-256 of its bytes, as parsed).
    func unitKey(_ documents: [(version: CalendarDate, document: PolicyDocument, slug: PolicySlug)], flags: [Bool] = [], context: [Int] = []) -> CheckUnitKey {
        let files = documents.map { VersionFilePath(slug: $0.slug, effective: $0.version, language: $0.document.language) }
        return CheckUnitKey(files: files, digests: documents.map(\.document.digest), flags: flags, context: context)
    }
}
