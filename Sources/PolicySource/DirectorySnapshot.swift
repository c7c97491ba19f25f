
/// The files of a directory tree, read into memory once so that every later stage is a pure
/// function of values.
public struct DirectorySnapshot: Sendable, Equatable {
    /// The directory as the user named it (e.g. `Content`), used to build paths in diagnostics.
    public var root: String
    /// Sorted by path.
    public var files: [SnapshotFile]

    public init(root: String, files: [SnapshotFile]) {
        self.root = root
        self.files = files.sorted { $0.path < $1.path }
    }

    /// The path of a file as diagnostics print it: `Content/privacy/2024-03-01/en.md`.
    public func displayPath(_ relativePath: String) -> String {
        root.isEmpty || root == "." ? relativePath : root + "/" + relativePath
    }

    public func file(at path: String) -> SnapshotFile? {
        files.first { $0.path == path }
    }
}

public struct SnapshotFile: Sendable, Equatable {
    /// Relative to the snapshot's root, with `/` separators.
    public let path: String
    public var bytes: [UInt8]
    /// The path's components: `["privacy", "2024-03-01", "en.md"]`. Split once: every parse of
    /// the snapshot (one per rebuild in `serve`) reads them.
    public let components: [Substring]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.components = path.split(separator: "/")
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

}
