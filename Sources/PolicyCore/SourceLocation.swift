/// A place in a file that a diagnostic points at. Lines and columns are 1-based; a column
/// counts bytes of the line's UTF-8, as cmark and YAML parsers report them.
public struct SourceLocation: Sendable, Hashable {
    /// The path as the user would type it: the `--content` directory joined with the file's path.
    public var file: String
    public var line: Int?
    public var column: Int?

    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// Another place that explains a diagnostic: "first used here", "the default language's file".
public struct RelatedLocation: Sendable, Hashable {
    public var location: SourceLocation
    public var message: String

    public init(_ message: String, at location: SourceLocation) {
        self.location = location
        self.message = message
    }
}
