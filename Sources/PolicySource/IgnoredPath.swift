/// Which files and folders are not part of a site: the one rule the loader (what a snapshot
/// holds), the preview's watchers (which changes trigger a rebuild) and everything else that
/// walks `Content/` or `Templates/` follow, so a file the loader skips never triggers a rebuild
/// and a file that triggers one is never skipped.
///
/// Left out, as Hugo leaves them out:
/// - hidden files and folders, whose name starts with `.` (`.git`, `.DS_Store`, vim's
///   `.name.swp`, emacs's `.#name` locks, the writer's own `.name.tmp` files);
/// - editor backups and temporary files: `name~` (vim, emacs), `#name#` (emacs autosave),
///   `4913` (vim's test of a folder), and `.swp`/`.swx`/`.swo` swap files.
///
/// Under a folder that keeps hidden files (a theme's `static/`, which holds `.well-known/` and
/// `.nojekyll` for the site), only version-control folders, `.DS_Store` and editor files are
/// left out.
public enum IgnoredPath {
    /// Whether an entry named `name` is left out. `keepsHidden`: it is inside a folder whose
    /// hidden files belong to the site.
    public static func isIgnored(name: Substring, keepsHidden: Bool = false) -> Bool {
        if isEditorFile(name) { return true }
        guard name.hasPrefix(".") else { return false }
        guard keepsHidden else { return true }
        return name == ".git" || name == ".svn" || name == ".hg" || name == ".DS_Store"
    }

    public static func isIgnored(name: String, keepsHidden: Bool = false) -> Bool {
        isIgnored(name: Substring(name), keepsHidden: keepsHidden)
    }

    /// Whether a path relative to a root (`privacy/2024-03-01/en.md`) is left out: any of its
    /// components is. `keptHidden`: the folder, relative to the same root, whose hidden files
    /// are kept (`static`).
    public static func isIgnored(relativePath: String, keptHidden kept: String? = nil) -> Bool {
        var parent = ""
        for component in relativePath.split(separator: "/") {
            let keepsHidden = kept.map { parent == $0 || parent.hasPrefix($0 + "/") } ?? false
            if isIgnored(name: component, keepsHidden: keepsHidden) { return true }
            parent = parent.isEmpty ? String(component) : parent + "/" + component
        }
        return false
    }

    /// Files editors write beside the one being edited, hidden or not.
    private static func isEditorFile(_ name: Substring) -> Bool {
        if name == "4913" || name.hasSuffix("~") { return true }
        if name.count >= 2, name.hasPrefix("#"), name.hasSuffix("#") { return true }
        return name.hasSuffix(".swp") || name.hasSuffix(".swx") || name.hasSuffix(".swo")
    }
}
