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
}
