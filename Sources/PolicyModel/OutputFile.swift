/// A file of the generated site, held in memory until the writer puts the whole site on disk.
public struct OutputFile: Sendable, Equatable {
    /// Relative to the output directory, with `/` separators, e.g. `en/privacy/index.html`.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}
