import PolicyModel
import PolicyRender

/// A hash of everything a planned file is made from: equal fingerprints, equal bytes.
///
/// Fingerprints are compared only within one process (the engine's lifetime), so Swift's
/// per-process seeded `Hasher` is enough; a collision would need 2^64 luck.
struct RenderFingerprints {
    /// What every file depends on: the site settings, the templates, the as-of date, drafts.
    let everyFile: Int
    private let documents: [VersionFilePath: SourceDigest]
    private let timelines: [PolicySlug: Int]
    private let pageList: Int

    init(site: Site, plan: SitePlan, templatesGeneration: Int, asOf: CalendarDate, includeDrafts: Bool) {
        var hasher = Hasher()
        hasher.combine(site.settings)
        hasher.combine(templatesGeneration)
        hasher.combine(asOf)
        hasher.combine(includeDrafts)
        everyFile = hasher.finalize()
        documents = site.sourceFiles.mapValues(\.digest)

        var timelines: [PolicySlug: Int] = [:]
        for policy in site.policies {
            var hasher = Hasher()
            hasher.combine(policy.settings)
            for version in policy.versions {
                hasher.combine(version.effective)
                for document in version.documents {
                    hasher.combine(document.language)
                    hasher.combine(document.frontMatter)
                }
            }
            timelines[policy.slug] = hasher.finalize()
        }
        self.timelines = timelines

        var pages = Hasher()
        for file in plan.files where file.isPage { pages.combine(file.path) }
        pageList = pages.finalize()
    }

    /// What the plan (which files, made from which inputs) depends on: the settings, the
    /// templates, and per policy its versions' dates and, per text, its language, whether it is a
    /// draft and which policies it links to. The words of a text are not part of it.
    static func shape(of site: Site, templatesGeneration: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(site.settings)
        hasher.combine(templatesGeneration)
        for policy in site.policies {
            hasher.combine(policy.slug)
            hasher.combine(policy.settings)
            for version in policy.versions {
                hasher.combine(version.effective)
                for document in version.documents {
                    hasher.combine(document.language)
                    hasher.combine(document.frontMatter.draft)
                    hasher.combine(document.referencedPolicies)
                }
            }
        }
        return hasher.finalize()
    }

    func of(_ file: PlannedFile) -> Int {
        var hasher = Hasher()
        hasher.combine(everyFile)
        hasher.combine(file.kind)
        for input in file.inputs { combine(input, into: &hasher) }
        return hasher.finalize()
    }

    /// The fingerprint of one input alone.
    func of(_ input: RenderInput) -> Int {
        var hasher = Hasher()
        combine(input, into: &hasher)
        return hasher.finalize()
    }

    private func combine(_ input: RenderInput, into hasher: inout Hasher) {
        switch input {
        case .document(let path): hasher.combine(documents[path])
        case .timeline(let slug): hasher.combine(timelines[slug])
        case .pageList: hasher.combine(pageList)
        }
    }
}
