extension Policy {
    /// The version a `policy:` link into this policy reaches when the linking text took effect
    /// on `date`: the version in force that day; before the policy's first version, that first
    /// version (the text nearest in time, at its permanent address, which never changes).
    ///
    /// The link check checks a `policy:x#anchor` against this version's text and the renderer
    /// links to this version's page, so the anchor checked is the anchor on the page linked. Nil
    /// only for a policy without versions.
    public func versionLinked(on date: CalendarDate) -> PolicyVersion? {
        versionInForce(on: date) ?? versions.first
    }

    /// The version a `policy:` link reaches from a published text or from a draft (`fromDraft`),
    /// in a site whose policies may hold drafts (`build --drafts`, `serve`). A published text
    /// links among the published versions only, as in a build without drafts: its pages are the
    /// same either way, and the link check, which checks published text against published text,
    /// checked the anchor on the page linked. A draft is previewed with the other drafts.
    ///
    /// The version returned is as the policy holds it (draft documents included): what the
    /// caller reads is which version, not its texts. The renderer asks once per link, so this
    /// scans the versions in place rather than copying the policy without its drafts.
    public func versionLinked(on date: CalendarDate, fromDraft: Bool) -> PolicyVersion? {
        if fromDraft { return versionLinked(on: date) }
        let published = versions.lazy.filter { $0.documents.contains { !$0.frontMatter.draft } }
        return published.last { $0.effective <= date } ?? published.first
    }

    /// The policy as published pages see it: without draft documents, and without the versions
    /// left with none.
    public func withoutDrafts() -> Policy {
        var policy = self
        policy.versions = versions.compactMap { version in
            var version = version
            version.documents.removeAll { $0.frontMatter.draft }
            return version.documents.isEmpty ? nil : version
        }
        return policy
    }
}
