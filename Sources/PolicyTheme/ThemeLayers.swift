import Foundation
import PolicyCore
import PolicySource

/// The theme a site is built with: the built-in theme, and on top of it the site's own
/// templates folder when there is one. Later layers win, file by file (same relative path) and,
/// for UI strings, key by key: Hugo's lookup order, with the project's folder before the theme.
public struct ThemeLayers: Sendable {
    /// The folder of the templates copied to the site's root as is, whose hidden files
    /// (`.well-known/`, `.nojekyll`) are read, built and watched like any other.
    public static let staticFolder = "static"

    /// Lowest first: the built-in theme, then the site's folder when present.
    public var layers: [DirectorySnapshot]
    /// Problems met while reading the site's folder (an unreadable file, a link leading out).
    public var diagnostics: [Diagnostic]

    /// - Parameters:
    ///   - directory: the site's templates folder (`Templates` unless `--templates` named one).
    ///   - explicit: the user named the folder: its absence is an error, not the default theme.
    public static func load(directory: String, explicit: Bool) -> ThemeLayers {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        if !exists && !explicit {
            // An empty layer still names the folder, so advice says where the site's files go.
            return ThemeLayers(layers: [BuiltinTheme.snapshot, DirectorySnapshot(root: directory, files: [])], diagnostics: [])
        }
        do {
            let loaded = try DirectoryLoader().load(directory, keepingHiddenUnder: staticFolder)
            return ThemeLayers(layers: [BuiltinTheme.snapshot, loaded.snapshot], diagnostics: loaded.diagnostics)
        } catch {
            return ThemeLayers(layers: [BuiltinTheme.snapshot], diagnostics: [error])
        }
    }
}
