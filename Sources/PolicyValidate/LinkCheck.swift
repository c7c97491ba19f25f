import PolicyDiagnostics
import PolicyModel
import PolicyParallel

/// Links between and within policies:
/// - `#id` must name an anchor of the same document (a heading's id or slug);
/// - `policy:x` must name a policy that exists;
/// - `policy:x#y` must name an anchor of the text of `x` the page links to: the version in force
///   on the linking version's effective date (its first version if none was in force yet), in
///   the document each page showing the link would show for its language.
///
/// Work per link is constant apart from hints: targets are resolved once per linking document
/// and policy, anchors are looked up in sets, and "did you mean" searches are capped per document.
struct LinkCheck: UnitCheck {
    let name = "links"

    /// How many "did you mean" searches one document gets; a file with thousands of broken
    /// links gets the first hints and plain messages after, so the check stays near-linear.
    static let hintBudget = 200

    /// What every document's links are checked against, resolved once per site.
    struct Targets: Sendable {
        var settings: SiteSettings
        /// Every policy, drafts included (a draft is previewed with the other drafts).
        var all: [PolicySlug: Policy]
        /// The policies as published pages see them.
        var published: [PolicySlug: Policy]
    }

    struct LinkingDocument: Sendable {
        var version: PolicyVersion
        var document: PolicyDocument
        var targets: Targets
    }

    /// Each document on its own. Its result depends on its own bytes, the languages of its
    /// version (which pages show it), the policies that exist, and every file of the policies it
    /// links to: all of that is in its key.
    func units(_ input: ValidationInput) -> [(key: CheckUnitKey, unit: LinkingDocument)] {
        let site = input.site
        let targets = Targets(
            settings: site.settings,
            all: Dictionary(site.policies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }),
            published: Dictionary(site.withoutDrafts().policies.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first }))
        var slugs = Hasher()
        for policy in site.policies { slugs.combine(policy.slug) }
        let policySlugs = slugs.finalize()
        var fingerprints: [PolicySlug: Int] = [:]
        for policy in site.policies where !policy.versions.isEmpty {
            fingerprints[policy.slug] = input.fingerprint(of: policy)
        }
        return site.policies.flatMap { policy in
            policy.versions.flatMap { version in
                let languages = version.documents.map(\.language.rawValue).joined(separator: ",").hashValue
                return version.documents.map { document in
                    let context = [policySlugs, languages] + document.referencedPolicies.map { fingerprints[$0] ?? 0 }
                    return (input.unitKey([(version.effective, document, policy.slug)], context: context),
                            LinkingDocument(version: version, document: document, targets: targets))
                }
            }
        }
    }

    func problems(in unit: LinkingDocument) -> [Diagnostic] {
        let document = unit.document
        // A published page links to published text; a draft is previewed with the other drafts.
        var checker = DocumentLinks(document: document, version: unit.version, settings: unit.targets.settings,
                                    policies: unit.targets.all, targets: document.frontMatter.draft ? unit.targets.all : unit.targets.published)
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

/// The links of one document, with what they are checked against resolved once.
private struct DocumentLinks {
    /// A text a `policy:` link leads to, for one or more of the pages showing the link.
    struct TargetText {
        var document: PolicyDocument
        var anchors: [String]
        var anchorSet: Set<String>
        /// "its section ids are …", made once: a text may be the target of thousands of links.
        var idList: String
    }

    let document: PolicyDocument
    let version: PolicyVersion
    let settings: SiteSettings
    /// Every policy, for "does it exist".
    let policies: [PolicySlug: Policy]
    /// The policies as the pages showing this document see them (published, or with drafts).
    let targets: [PolicySlug: Policy]
    private let anchors: [String]
    private let anchorSet: Set<String>
    private let knownSlugs: [String]
    /// "link to one of its sections: …", made once per document.
    private let anchorList: String
    private var resolved: [PolicySlug: (texts: [TargetText], which: String)?] = [:]
    private var hintsLeft = LinkCheck.hintBudget
    private var hints: [String: String?] = [:]

    init(document: PolicyDocument, version: PolicyVersion, settings: SiteSettings, policies: [PolicySlug: Policy], targets: [PolicySlug: Policy]) {
        self.document = document
        self.version = version
        self.settings = settings
        self.policies = policies
        self.targets = targets
        anchors = document.headings.map(\.anchor)
        anchorSet = Set(anchors)
        knownSlugs = policies.keys.sorted().map(\.rawValue)
        anchorList = listed(anchors.lazy.map { "#" + $0 }, count: anchors.count)
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
        return diagnostics
    }

    /// The texts of `slug` that the pages showing this document link to, one per distinct
    /// document (an English page and the Arabic page that falls back to it may lead to different
    /// texts), and how to name them; nil when the policy has no version those pages can see.
    private mutating func targetTexts(_ slug: PolicySlug) -> (texts: [TargetText], which: String)? {
        if let cached = resolved[slug] { return cached }
        var result: (texts: [TargetText], which: String)?
        if let target = targets[slug], let first = target.versions.first {
            let inForce = target.versionInForce(on: version.effective)
            let targetVersion = inForce ?? first
            let which = inForce == nil
                ? "the first '\(slug)' text (none was in force on \(version.effective))"
                : "the '\(slug)' text in force on \(version.effective)"
            var texts: [TargetText] = []
            var seen: Set<String> = []
            for language in version.pageLanguages(showing: document, settings: settings) {
                guard let shown = targetVersion.shownDocument(in: language, settings: settings), seen.insert(shown.file).inserted else { continue }
                let anchors = shown.headings.map(\.anchor)
                let ids = shown.headings.lazy.compactMap(\.id).map(\.rawValue)
                let idList = ids.isEmpty ? "; link to the policy without '#'" : "; its section ids are \(listed(ids, count: shown.headings.count { $0.id != nil }))"
                texts.append(TargetText(document: shown, anchors: anchors, anchorSet: Set(anchors), idList: idList))
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
        let close = EditDistance.closest(to: text, among: candidates)
        hints[key] = .some(close)
        return close
    }
}
