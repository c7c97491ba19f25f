/// Which file system changes can matter to the site. Editors save through temporary files:
/// vim writes `4913` to test the folder, keeps `.name.swp`/`.swx` swap files and `name~`
/// backups; emacs makes `.#name` locks and `#name#` autosaves. None of them is content, and a
/// rebuild for each would only add latency. Hidden files and folders (`.git`, `.DS_Store`) are
/// ignored the same way, as the loader ignores them.
enum ChangeFilter {
    static func isRelevant(_ path: String, under root: String) -> Bool {
        let relative = path.hasPrefix(root + "/") ? String(path.dropFirst(root.count + 1)) : path
        for component in relative.split(separator: "/") where component.hasPrefix(".") {
            return false
        }
        guard let name = relative.split(separator: "/").last else { return true }
        if name == "4913" || name.hasSuffix("~") { return false }
        if name.hasPrefix("#") && name.hasSuffix("#") { return false }
        for suffix in [".swp", ".swx", ".swo"] where name.hasSuffix(suffix) {
            return false
        }
        return true
    }
}
