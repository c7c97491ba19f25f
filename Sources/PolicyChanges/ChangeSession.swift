import PolicyCore
import PolicyModel

/// Compares the texts of one policy in one language, pair after pair in date order: a text is
/// the new side of one comparison and the old side of the next, so it is split into sections
/// and tokenized once, and every comparison shares one vocabulary. The diffs are exactly those
/// of `VersionDiff.compare` (ids of the vocabulary only decide equality).
public struct ChangeSession {
    private var vocabulary = Vocabulary()
    /// The new side of the last comparison, with the forms made of it.
    private var last: SplitDocument?

    public init() {}

    public mutating func compare(old: PolicyDocument, new: PolicyDocument, budget: DiffBudget = .standard) -> VersionDiff {
        var oldSide = last.flatMap { $0.isSplit(of: old) ? $0 : nil } ?? SplitDocument(old)
        var newSide = last.flatMap { $0.isSplit(of: new) ? $0 : nil } ?? SplitDocument(new)
        // Let go of the kept copy, so the side that reuses it adds forms without copying them.
        last = nil
        var differ = SectionDiffer(aligner: BlockAligner(vocabulary: vocabulary, budget: budget))
        // The differ holds the only reference while it works, so growing it copies nothing.
        vocabulary = Vocabulary()
        let diff = differ.compare(&oldSide, &newSide)
        vocabulary = differ.aligner.vocabulary
        last = newSide
        return diff
    }
}

/// Two texts of one language to compare, old and new.
public struct ComparedPair: Sendable {
    public var old: PolicyDocument
    public var new: PolicyDocument

    public init(old: PolicyDocument, new: PolicyDocument) {
        self.old = old
        self.new = new
    }

    var key: ChangeSet.Key { ChangeSet.Key(old: old.file, new: new.file) }
}

/// The diffs of a build, each pair of texts compared once however many pages show it (every
/// language whose change page falls back to the same two texts), made before the pages that
/// show them are rendered.
public struct ChangeSet: Sendable {
    struct Key: Hashable, Sendable {
        var old: String
        var new: String
    }

    private var diffs: [Key: VersionDiff] = [:]

    /// The most pairs one session compares in a row.
    static let runLength = 32

    public init() {}

    /// Compares every pair of every chain once. A chain is the pairs of one policy and one
    /// language in date order (see `ChangeSession`); chains are compared over every core, a
    /// long one in runs of `runLength` pairs, so that a site of one policy in one language
    /// still keeps every core busy (each run splits its first text once more).
    public static func compare(chains: [[ComparedPair]]) -> ChangeSet {
        let runs = chains.flatMap { $0.chunks(of: runLength).map(Array.init) }
        let compared = runs.parallelMap { chain in
            var session = ChangeSession()
            return chain.map { (key: $0.key, diff: session.compare(old: $0.old, new: $0.new)) }
        }
        var set = ChangeSet()
        for chain in compared {
            for (key, diff) in chain { set.diffs[key] = diff }
        }
        return set
    }

    /// The diff of two texts, when this set compared them. Texts are named by file: a set is
    /// made and read within one render of one site, where a file is one text.
    public func diff(_ pair: ComparedPair) -> VersionDiff? {
        diffs[pair.key]
    }

    public var count: Int { diffs.count }
}
