import PolicyCore
import PolicyModel

/// Links between and within policies:
/// - `#id` must name an anchor of the same document (a heading's id or slug);
/// - `policy:x` must name a policy that exists;
/// - `policy:x#y` must name an anchor of the text of `x` the page links to: the version
///   `Policy.versionLinked(on:)` names for the linking version's effective date (the renderer
///   links to the same one), in the document each page showing the link shows for its language.
///
/// Work per link is constant apart from hints: targets are resolved once per linking document
/// and policy, anchors are looked up in sets, and "did you mean" searches are capped per document.
struct LinkCheck: UnitCheck {
    let name = "links"

    /// How many "did you mean" searches one document gets; a file with thousands of broken
    /// links gets the first hints and plain messages after, so the check stays near-linear.
    static let hintBudget = 200

    /// What every document's links are checked against, resolved once per site and shared by
    /// every unit (a class: units are copied, and must stay small).
    final class Targets: Sendable {
        /// Every policy, drafts included (a draft is previewed with the other drafts).
        let all: [PolicySlug: Policy]
        /// The policies as published pages see them.
        let published: [PolicySlug: Policy]

        init(_ site: Site) {
            all = Dictionary(site.policies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
            published = Dictionary(site.withoutDrafts().policies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    struct LinkingDocument: Sendable {
        var index: DocumentIndex
        var targets: Targets
    }

    /// Each document on its own. Its result depends on its own bytes, the languages of its
    /// version and which of them are drafts (which pages show it), the policies that exist, and,
    /// per policy it links to, when that policy's versions take effect and the files of the
    /// version its links lead to (the one in force on the linking date): all of that is in its
    /// key, and nothing more, so an edit to an upcoming version re-checks only the texts whose
    /// links lead there.
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: LinkingDocument)] {
        let site = input.site
        let targets = Targets(site)
        var slugs = Hasher()
        for policy in site.policies { slugs.combine(policy.slug) }
        let policySlugs = slugs.finalize()
        var targetPrints = LinkTargetFingerprints(input: input)
        return site.policies.enumerated().flatMap { p, policy in
            policy.versions.enumerated().flatMap { v, version in
                // Which pages show a text depends on which of its siblings are drafts, too.
                let languages = version.documents.map { "\($0.language.rawValue)\($0.frontMatter.draft ? "~" : "")" }.joined(separator: ",").hashValue
                return version.documents.enumerated().map { d, document in
                    let draft = document.frontMatter.draft
                    let policies = draft ? targets.all : targets.published
                    var context = [policySlugs, languages]
                    for slug in document.referencedPolicies {
                        context.append(policies[slug].map { targetPrints.fingerprint(of: $0, withDrafts: draft, linkedOn: version.effective) } ?? 0)
                        // A published text's links are also checked against the preview, with drafts.
                        if !draft { context.append(targets.all[slug].map { targetPrints.fingerprint(of: $0, withDrafts: true, linkedOn: version.effective) } ?? 0) }
                    }
                    return (input.unitKey([(version.effective, document, policy.slug)], context: context),
                            LinkingDocument(index: DocumentIndex(policy: p, version: v, document: d), targets: targets))
                }
            }
        }
    }

    func problems(in unit: LinkingDocument, of input: ValidationInput) -> [Diagnostic] {
        let document = unit.index.document(in: input.site)
        // A published page links to published text; a draft is previewed with the other drafts.
        // A published text's pages are built without the drafts: the languages showing it are
        // those that fall back to it among published texts (a draft default-language text leaves
        // its own page to a published translation, whose links then resolve for that language).
        let versionWithDrafts = unit.index.version(in: input.site)
        var version = versionWithDrafts
        if !document.frontMatter.draft { version.documents.removeAll { $0.frontMatter.draft } }
        var checker = DocumentLinks(document: document, version: version, settings: input.site.settings,
                                    policies: unit.targets.all, targets: document.frontMatter.draft ? unit.targets.all : unit.targets.published)
        // The preview (`build --drafts`, `serve`) shows a published text's links with the drafts
        // around them: a draft translation of the page linked may lack the anchor.
        if !document.frontMatter.draft { checker.preview = (unit.targets.all, versionWithDrafts) }
        var diagnostics: [Diagnostic] = []
        for link in document.links {
            diagnostics += checker.problems(link.destination, at: document.location(of: link.position))
        }
        return diagnostics
    }

    /// `%E8%81%94` → `联`, so a percent-encoded fragment matches the anchor it encodes; text that
    /// does not decode to UTF-8 is kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count, let high = hex(utf8[index + 1]), let low = hex(utf8[index + 2]) {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(validating: bytes, as: UTF8.self) ?? text
    }
}

/// What a `policy:` link into a policy, made on a given date, is checked against: when the
/// policy's versions take effect (and which are drafts), and the files of the version the link
/// leads to. Worked out once per policy and version.
private struct LinkTargetFingerprints {
    /// A policy as published pages see it, or with its drafts (as a draft's pages see it).
    private struct View: Hashable {
        var slug: PolicySlug
        var withDrafts: Bool
    }

    let input: ValidationInput
    private var timelines: [View: Int] = [:]
    private var versions: [View: [CalendarDate: Int]] = [:]

    init(input: ValidationInput) {
        self.input = input
    }

    mutating func fingerprint(of policy: Policy, withDrafts: Bool, linkedOn date: CalendarDate) -> Int {
        guard let target = policy.versionLinked(on: date) else { return 0 }
        let view = View(slug: policy.slug, withDrafts: withDrafts)
        var hasher = Hasher()
        hasher.combine(timeline(of: policy, view))
        hasher.combine(files(of: target, in: policy, view))
        return hasher.finalize()
    }

    private mutating func timeline(of policy: Policy, _ view: View) -> Int {
        if let known = timelines[view] { return known }
        var hasher = Hasher()
        for version in policy.versions {
            hasher.combine(version.effective)
            for document in version.documents { hasher.combine(document.frontMatter.draft) }
        }
        let print = hasher.finalize()
        timelines[view] = print
        return print
    }

    private mutating func files(of version: PolicyVersion, in policy: Policy, _ view: View) -> Int {
        if let known = versions[view]?[version.effective] { return known }
        var hasher = Hasher()
        for document in version.documents {
            let path = VersionFilePath(slug: policy.slug, effective: version.effective, language: document.language)
            hasher.combine(path)
            hasher.combine(input.site.sourceFiles[path]?.digest)
        }
        let print = hasher.finalize()
        versions[view, default: [:]][version.effective] = print
        return print
    }
}

/// The links of one document, with what they are checked against resolved once.
private struct DocumentLinks {
    /// A text a `policy:` link leads to, for one or more of the pages showing the link.
    struct TargetText {
        var document: PolicyDocument
        var anchors: [String]
        var anchorSet: Set<String> { document.anchorSet }
        /// "its section ids are …", made only for a broken link (it is read from the first
        /// headings only, so each costs a bounded amount).
        var idList: String {
            let ids = document.headings.lazy.compactMap(\.id).map(\.rawValue)
            return ids.isEmpty ? "; link to the policy without '#'" : "; its section ids are \(listed(ids, count: document.headings.count { $0.id != nil }))"
        }
    }

    let document: PolicyDocument
    let version: PolicyVersion
    let settings: SiteSettings
    /// Every policy, for "does it exist".
    let policies: [PolicySlug: Policy]
    /// The policies as the pages showing this document see them (published, or with drafts).
    let targets: [PolicySlug: Policy]
    private let anchors: [String]
    private var anchorSet: Set<String> { document.anchorSet }
    private let knownSlugs: [String]
    /// "link to one of its sections: …", for a broken `#` link.
    private var anchorList: String { listed(anchors.lazy.map { "#" + $0 }, count: anchors.count) }
    private var resolved: [PolicySlug: (texts: [TargetText], which: String)?] = [:]
    /// For a published text: the policies with their drafts, and its version with its drafts,
    /// as the preview builds them.
    var preview: (targets: [PolicySlug: Policy], version: PolicyVersion)?
    private var hintsLeft = LinkCheck.hintBudget
    private var hints: [String: String?] = [:]

    init(document: PolicyDocument, version: PolicyVersion, settings: SiteSettings, policies: [PolicySlug: Policy], targets: [PolicySlug: Policy]) {
        self.document = document
        self.version = version
        self.settings = settings
        self.policies = policies
        self.targets = targets
        anchors = document.headings.map(\.anchor)
        knownSlugs = policies.keys.sorted().map(\.rawValue)
    }

    mutating func problems(_ destination: String, at location: SourceLocation) -> [Diagnostic] {
        if destination.hasPrefix("#") { return fragmentProblem(destination, at: location) }
        if let reference = PolicyReference(destination) { return policyLinkProblems(reference, at: location) }
        return []
    }

    /// `#id` within the page.
    private mutating func fragmentProblem(_ destination: String, at location: SourceLocation) -> [Diagnostic] {
        let fragment = LinkCheck.percentDecoded(String(destination.dropFirst()))
        guard !fragment.isEmpty, !anchorSet.contains(fragment) else { return [] }
        var message = "link to '#\(shortened(fragment))' goes nowhere: no heading of this page has that anchor"
        if let close = hint(fragment, among: anchors, in: document.file) {
            message += "; did you mean #\(close)?"
        } else if !anchors.isEmpty {
            message += "; link to one of its sections: \(anchorList)"
        } else {
            message += ", as it has no headings; remove the link or add the section"
        }
        return [.error(.brokenLink, message, at: location)]
    }

    /// `policy:x` and `policy:x#y`.
    private mutating func policyLinkProblems(_ reference: PolicyReference, at location: SourceLocation) -> [Diagnostic] {
        guard let slug = reference.slug, policies[slug] != nil else {
            let known = knownSlugs
            var message = "link to policy '\(shortened(reference.slugText))', which does not exist; the policies are \(listed(known))"
            if let close = hint(reference.slugText, among: known, in: "") { message += "; did you mean policy:\(close)?" }
            return [.error(.brokenLink, message, at: location)]
        }
        guard let (texts, which) = targetTexts(slug) else {
            return [.error(.brokenLink, "link to policy '\(slug)', which has only draft versions: published pages would link to nothing; publish a version of it first, or remove the link", at: location)]
        }
        guard let fragment = reference.fragment.map(LinkCheck.percentDecoded) else { return [] }
        var diagnostics: [Diagnostic] = []
        for text in texts where !text.anchorSet.contains(fragment) {
            var message = "link to 'policy:\(slug)#\(shortened(fragment))' goes nowhere: \(text.document.file), \(which), has no section '\(shortened(fragment))'"
            if let close = hint(fragment, among: text.anchors, in: text.document.file) {
                message += "; did you mean policy:\(slug)#\(close)?"
            } else {
                message += text.idList
            }
            diagnostics.append(.error(.brokenLink, message, at: location))
        }
        if diagnostics.isEmpty { diagnostics += previewProblems(slug, fragment: fragment, at: location) }
        return diagnostics
    }

    /// A published link whose anchor a draft translation of the page linked lacks: the link
    /// goes nowhere in the preview, and will go nowhere on the site once the draft is
    /// published. A note, since the published site is right; the draft's author should know.
    private func previewProblems(_ slug: PolicySlug, fragment: String, at location: SourceLocation) -> [Diagnostic] {
        guard let preview, let published = targets[slug]?.versionLinked(on: version.effective),
              let previewVersion = preview.targets[slug]?.version(effective: published.effective) else { return [] }
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for language in preview.version.pageLanguages(showing: document, settings: settings) {
            guard let shown = previewVersion.shownDocument(in: language, settings: settings), shown.frontMatter.draft,
                  seen.insert(shown.file).inserted, !shown.anchorSet.contains(fragment) else { continue }
            diagnostics.append(.note(.brokenLink, "link to 'policy:\(slug)#\(shortened(fragment))' goes nowhere in the \(language) preview (build --drafts, serve), and will on the site once \(shown.file) is published: that draft has no section '\(shortened(fragment))'; give the draft the section with {#\(shortened(fragment))}, or change the link", at: location))
        }
        return diagnostics
    }

    /// The texts of `slug` that the pages showing this document link to, one per distinct
    /// document (an English page and the Arabic page that falls back to it may lead to different
    /// texts), and how to name them; nil when the policy has no version those pages can see.
    private mutating func targetTexts(_ slug: PolicySlug) -> (texts: [TargetText], which: String)? {
        if let cached = resolved[slug] { return cached }
        var result: (texts: [TargetText], which: String)?
        if let target = targets[slug], let targetVersion = target.versionLinked(on: version.effective) {
            let which = targetVersion.effective > version.effective
                ? "the first '\(slug)' text, which this page links to (none was in force on \(version.effective))"
                : "the '\(slug)' text in force on \(version.effective)"
            var texts: [TargetText] = []
            var seen: Set<String> = []
            for language in version.pageLanguages(showing: document, settings: settings) {
                guard let shown = targetVersion.shownDocument(in: language, settings: settings), seen.insert(shown.file).inserted else { continue }
                texts.append(TargetText(document: shown, anchors: shown.headings.map(\.anchor)))
            }
            result = (texts, which)
        }
        resolved[slug] = .some(result)
        return result
    }

    /// The closest of `candidates` to `text`, remembered per text and within the budget.
    private mutating func hint(_ text: String, among candidates: [String], in scope: String) -> String? {
        let key = scope + "\u{0}" + text
        if let known = hints[key] { return known }
        guard hintsLeft > 0 else { return nil }
        hintsLeft -= 1
        let close = NameSuggestion.closest(to: text, among: candidates)
        hints[key] = .some(close)
        return close
    }
}
