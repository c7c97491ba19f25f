import PolicyDiagnostics
import PolicyModel

/// Links between and within policies:
/// - `#id` must name an anchor of the same document (a heading's id or slug);
/// - `policy:x` must name a policy that exists;
/// - `policy:x#y` must name an anchor of the text of `x` the page links to: the version in force
///   on the linking version's effective date (its first version if none was in force yet), in
///   the document each page showing the link would show for its language.
struct LinkCheck: SiteCheck {
    let name = "links"

    func check(_ input: ValidationInput) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let site = input.site
        // A published page links to published text; a draft is previewed with the other drafts.
        let published = site.withoutDrafts()
        for policy in site.policies {
            for version in policy.versions {
                for document in version.documents {
                    let targets = document.frontMatter.draft ? site : published
                    let anchors = document.headings.map(\.anchor)
                    for link in document.body.links {
                        let location = document.location(of: link.position)
                        if link.destination.hasPrefix("#") {
                            diagnostics += fragmentProblem(link.destination, anchors: anchors, at: location)
                        } else if let reference = PolicyReference(link.destination) {
                            diagnostics += policyLinkProblems(reference, from: document, in: version, site: site, targets: targets, at: location)
                        }
                    }
                }
            }
        }
        return diagnostics
    }

    /// `#id` within the page.
    private func fragmentProblem(_ destination: String, anchors: [String], at location: SourceLocation) -> [Diagnostic] {
        let fragment = Self.percentDecoded(String(destination.dropFirst()))
        guard !fragment.isEmpty, !anchors.contains(fragment) else { return [] }
        var message = "link to '#\(shortened(fragment))' goes nowhere: no heading of this page has that anchor"
        if let close = EditDistance.closest(to: fragment, among: anchors) {
            message += "; did you mean #\(close)?"
        } else if !anchors.isEmpty {
            message += "; link to one of its sections: \(listed(anchors.map { "#" + $0 }))"
        } else {
            message += ", as it has no headings; remove the link or add the section"
        }
        return [.error(.brokenLink, message, at: location)]
    }

    /// `policy:x` and `policy:x#y`.
    private func policyLinkProblems(_ reference: PolicyReference, from document: PolicyDocument, in version: PolicyVersion,
                                    site: Site, targets: Site, at location: SourceLocation) -> [Diagnostic] {
        guard let slug = reference.slug, site.policy(slug) != nil else {
            let known = site.policies.map(\.slug.rawValue)
            var message = "link to policy '\(shortened(reference.slugText))', which does not exist; the policies are \(listed(known))"
            if let close = EditDistance.closest(to: reference.slugText, among: known) { message += "; did you mean policy:\(close)?" }
            return [.error(.brokenLink, message, at: location)]
        }
        guard let target = targets.policy(slug), let first = target.versions.first else {
            return [.error(.brokenLink, "link to policy '\(slug)', which has only draft versions: published pages would link to nothing; publish a version of it first, or remove the link", at: location)]
        }
        guard let fragment = reference.fragment.map(Self.percentDecoded) else { return [] }
        let inForce = target.versionInForce(on: version.effective)
        let targetVersion = inForce ?? first
        let which = inForce == nil
            ? "the first '\(slug)' text (none was in force on \(version.effective))"
            : "the '\(slug)' text in force on \(version.effective)"
        // One diagnostic per distinct target text: an English page and the Arabic page that falls
        // back to it link to different documents of the target.
        var checked: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for language in version.pageLanguages(showing: document, settings: site.settings) {
            guard let shown = targetVersion.shownDocument(in: language, settings: site.settings), checked.insert(shown.file).inserted else { continue }
            let anchors = shown.headings.map(\.anchor)
            guard !anchors.contains(fragment) else { continue }
            var message = "link to 'policy:\(slug)#\(shortened(fragment))' goes nowhere: \(shown.file), \(which), has no section '\(shortened(fragment))'"
            if let close = EditDistance.closest(to: fragment, among: anchors) {
                message += "; did you mean policy:\(slug)#\(close)?"
            } else {
                let ids = shown.sectionIDs.map(\.rawValue)
                message += ids.isEmpty ? "; link to the policy without '#'" : "; its section ids are \(listed(ids))"
            }
            diagnostics.append(.error(.brokenLink, message, at: location))
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
