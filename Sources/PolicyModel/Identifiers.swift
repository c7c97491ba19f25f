/// A BCP 47 language tag as written in site.yml and file names: `en`, `zh-Hans`, `pt-BR`.
public struct LanguageTag: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts a primary language subtag of 2–3 letters followed by subtags of 1–8 letters or
    /// digits; the spelling is kept as written, because it names files and URLs.
    public init?(_ rawValue: String) {
        let parts = rawValue.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, (2...3).contains(primary.count),
              primary.allSatisfy({ $0.isASCII && $0.isLetter }),
              parts.dropFirst().allSatisfy({ (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    /// Languages written right to left: by primary language, or by an explicit script subtag.
    public var isRightToLeft: Bool {
        let parts = rawValue.lowercased().split(separator: "-")
        let rtlScripts: Set<Substring> = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"]
        if parts.dropFirst().contains(where: { $0.count == 4 }) {
            return parts.dropFirst().contains(where: { rtlScripts.contains($0) })
        }
        let rtlLanguages: Set<Substring> = ["ar", "he", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "iw"]
        return rtlLanguages.contains(parts[0])
    }

    /// `rtl` or `ltr`, for the `dir` attribute.
    public var direction: String { isRightToLeft ? "rtl" : "ltr" }

    public static func < (lhs: LanguageTag, rhs: LanguageTag) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The folder name of a policy: `[a-z0-9][a-z0-9-]*`. It is part of every URL of the policy.
public struct PolicySlug: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    public init?(_ rawValue: String) {
        guard let first = rawValue.unicodeScalars.first, PolicySlug.isLowerAlphanumeric(first),
              rawValue.unicodeScalars.allSatisfy({ PolicySlug.isLowerAlphanumeric($0) || $0 == "-" })
        else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: PolicySlug, rhs: PolicySlug) -> Bool { lhs.rawValue < rhs.rawValue }

    private static func isLowerAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}

/// The stable identifier a heading declares with `{#id}`: its anchor, and the key that matches
/// a section across versions and languages and that `required` names.
public struct SectionID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: String

    /// Letters, digits, `-` and `_`, starting with a letter or digit.
    public init?(_ rawValue: String) {
        guard let first = rawValue.unicodeScalars.first, first.isASCIIAlphanumeric,
              rawValue.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" || $0 == "_" })
        else { return nil }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    public static func < (lhs: SectionID, rhs: SectionID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self)
    }
}
