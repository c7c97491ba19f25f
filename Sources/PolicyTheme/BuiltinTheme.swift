import Foundation
import PolicySource

/// The default theme, compiled into the binary from the repository's `Templates/` (the
/// EmbedTheme plugin generates `EmbeddedThemeFiles`): layouts, pages, partials, the UI strings
/// of every language policysite ships, and the assets. A site's own `Templates/` overrides it
/// file by file.
public enum BuiltinTheme {
    /// How diagnostics and `init --templates` name the built-in theme's files.
    public static let displayRoot = "(built-in theme)"

    /// The theme's files, decoded once.
    public static let snapshot: DirectorySnapshot = DirectorySnapshot(
        root: displayRoot,
        files: EmbeddedThemeFiles.files.map { entry in
            // The generator wrote this base64 from the file's bytes; it always decodes.
            SnapshotFile(path: entry.path, bytes: Array(Data(base64Encoded: entry.base64) ?? Data()))
        }
    )
}
