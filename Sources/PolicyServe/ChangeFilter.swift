import PolicySource

/// Which file system changes can matter to the site: those to paths the loader reads. Editors
/// save through temporary files (vim's `4913`, `.name.swp` and `name~`, emacs's `.#name` and
/// `#name#`), and hidden files and folders (`.git`, `.DS_Store`) are not content; a rebuild for
/// each would only add latency. The rule is the loader's own, `IgnoredPath`.
enum ChangeFilter {
    /// - Parameter keptHidden: the folder under `root` whose hidden files belong to the site
    ///   (the templates' `static/`), as the loader is told.
    static func isRelevant(_ path: String, under root: String, keptHidden: String? = nil) -> Bool {
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        return !IgnoredPath.isIgnored(relativePath: relative, keptHidden: keptHidden)
    }
}
