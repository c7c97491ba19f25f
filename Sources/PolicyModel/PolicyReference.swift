/// A link to another policy as an author writes it: `policy:cookies` or `policy:cookies#retention`.
public struct PolicyReference: Sendable, Hashable {
    public static let scheme = "policy:"

    /// The policy's name as written, valid or not (for messages).
    public var slugText: String
    /// The policy's slug, when the name is a valid one.
    public var slug: PolicySlug?
    /// The part after `#`, if any and not empty.
    public var fragment: String?

    /// Nil when the destination is not a `policy:` link.
    public init?(_ destination: String) {
        guard destination.hasPrefix(Self.scheme) else { return nil }
        let reference = destination.dropFirst(Self.scheme.count)
        let parts = reference.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        slugText = String(parts[0])
        slug = PolicySlug(slugText)
        fragment = parts.count > 1 && !parts[1].isEmpty ? String(parts[1]) : nil
    }
}
