import PolicyDiagnostics
import PolicyModel

/// Links between and within policies: `policy:x` must name a policy that exists.
struct LinkCheck: SiteCheck {
    let name = "links"

    func check(_ input: ValidationInput) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let site = input.site
        for policy in site.policies {
            for version in policy.versions {
                for document in version.documents {
                    for link in document.body.links {
                        guard let reference = PolicyReference(link.destination) else { continue }
                        if reference.slug.flatMap(site.policy) == nil {
                            let known = site.policies.map(\.slug.rawValue).joined(separator: ", ")
                            diagnostics.append(.error(.brokenLink, "link to policy '\(reference.slugText)', which does not exist; the policies are \(known)", at: document.location(of: link.position)))
                        }
                    }
                }
            }
        }
        return diagnostics
    }
}
