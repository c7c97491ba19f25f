import Foundation
import PolicyCore

/// Reads a directory tree into a `DirectorySnapshot`: the only place that reads `Content/` and
/// `Templates/` from disk.
///
/// Dotfiles, dot-folders and editor files are skipped (`IgnoredPath`, the rule the watchers follow too). A symbolic link is followed
/// only if it resolves inside the root; one that leads outside is reported and never read.
public struct DirectoryLoader {
    public init() {}

    public struct Result: Sendable {
        public var snapshot: DirectorySnapshot
        public var diagnostics: [Diagnostic]
    }

    /// - Parameter root: the directory as the user named it; relative paths resolve against the
    ///   current directory.
    /// - Parameter keepingHiddenUnder: a folder (relative to the root) whose dotfiles are read
    ///   too: a theme's `static/` holds `.well-known/` and `.nojekyll`, which the site needs.
    public func load(_ root: String, keepingHiddenUnder kept: String? = nil) throws(Diagnostic) -> Result {
        let displayRoot = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(.unreadable, "directory '\(displayRoot)' does not exist; pass the right directory or create it", at: SourceLocation(file: displayRoot))
        }
        let realRoot = rootURL.resolvingSymlinksInPath().path
        var files: [SnapshotFile] = []
        var diagnostics: [Diagnostic] = []
        read([Entry(path: rootURL.path, relative: "")], realRoot: realRoot, displayRoot: displayRoot, files: &files, diagnostics: &diagnostics, missingIsFine: false, keptHidden: kept)
        return Result(snapshot: DirectorySnapshot(root: displayRoot, files: files), diagnostics: diagnostics)
    }

    /// Brings `snapshot` (an earlier load of `root`) up to date after the files or folders at
    /// `changed` (paths relative to the root) were created, modified or deleted; every other file
    /// is kept as it was, unread. `diagnostics` are the earlier load's; those about the changed
    /// paths are replaced.
    public func reload(_ changed: Set<String>, in previous: Result, root: String) throws(Diagnostic) -> Result {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return try load(root)
        }
        let realRoot = rootURL.resolvingSymlinksInPath().path
        let snapshot = previous.snapshot
        let displayRoot = snapshot.root
        // Ignored paths (dotfiles, editor files) are never part of a snapshot.
        let relevant = changed.filter { !$0.isEmpty && !IgnoredPath.isIgnored(relativePath: $0) }
        func isAffected(_ path: String) -> Bool {
            relevant.contains { path == $0 || path.hasPrefix($0 + "/") }
        }
        var files = snapshot.files.filter { !isAffected($0.path) }
        var diagnostics = previous.diagnostics.filter { diagnostic in
            let file = diagnostic.location.file
            guard file.hasPrefix(displayRoot + "/") else { return true }
            return !isAffected(String(file.dropFirst(displayRoot.count + 1)))
        }
        // A changed folder is read whole, so a path inside another changed path adds nothing.
        let entries = relevant.sorted().filter { path in !relevant.contains { path.hasPrefix($0 + "/") } }
            .map { Entry(path: rootURL.path + "/" + $0, relative: $0) }
        read(entries, realRoot: realRoot, displayRoot: displayRoot, files: &files, diagnostics: &diagnostics, missingIsFine: true)
        return Result(snapshot: DirectorySnapshot(root: displayRoot, files: files), diagnostics: diagnostics)
    }

    /// A file or folder to read: its path on disk and relative to the root ("" for the root),
    /// and its type when the folder listing gave it.
    private struct Entry {
        var path: String
        var relative: String
        var type: FileSystemCalls.EntryType? = nil
    }

    /// Reads the entries, every folder among them whole, into `files`. An explicit stack, not
    /// recursion: folders may nest as deep as the file system allows.
    /// - Parameter missingIsFine: the entries were reported changed and may have been deleted.
    private func read(_ entries: [Entry], realRoot: String, displayRoot: String, files: inout [SnapshotFile], diagnostics: inout [Diagnostic], missingIsFine: Bool, keptHidden: String? = nil) {
        var pending = entries
        // A link to a folder above itself would otherwise make the walk endless.
        var visited: Set<String> = []
        while let entry = pending.popLast() {
            let isRoot = entry.relative.isEmpty
            let display = isRoot ? displayRoot : displayRoot + "/" + entry.relative
            if missingIsFine, !isRoot, !FileSystemCalls.exists(entry.path) { continue }
            var type = isRoot ? .directory : entry.type ?? FileSystemCalls.typeWithoutFollowing(entry.path)
            var realPath = isRoot ? realRoot : realRoot + "/" + entry.relative
            if type == .symbolicLink {
                guard let target = FileSystemCalls.realPath(entry.path) else {
                    diagnostics.append(.error(.unreadable, "cannot read: a broken symbolic link; remove it or point it at a file", at: SourceLocation(file: display)))
                    continue
                }
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error(.symlink, "symbolic link leads outside '\(displayRoot)' and was not read; replace it with the file itself", at: SourceLocation(file: display)))
                    continue
                }
                realPath = target
                type = FileSystemCalls.typeFollowing(entry.path) ?? .other
            }
            switch type {
            case .directory:
                guard visited.insert(realPath).inserted else { continue }
                switch FileSystemCalls.list(entry.path) {
                case .success(let children):
                    let keepsHidden = keptHidden.map { entry.relative == $0 || entry.relative.hasPrefix($0 + "/") } ?? false
                    for child in children where !IgnoredPath.isIgnored(name: child.name, keepsHidden: keepsHidden) {
                        pending.append(Entry(path: entry.path + "/" + child.name, relative: isRoot ? child.name : entry.relative + "/" + child.name, type: child.type))
                    }
                case .failure(let error):
                    diagnostics.append(.error(.unreadable, "cannot read directory: \(error.description)", at: SourceLocation(file: display)))
                }
            case .file:
                switch FileSystemCalls.read(entry.path) {
                case .success(let bytes): files.append(SnapshotFile(path: entry.relative, bytes: bytes))
                case .failure: diagnostics.append(.error(.unreadable, "cannot read file; check its permissions", at: SourceLocation(file: display)))
                }
            case .symbolicLink, .other:
                // A FIFO or device would block or never end: never open one.
                diagnostics.append(.error(.unreadable, "not a regular file or folder; remove it from '\(displayRoot)'", at: SourceLocation(file: display)))
            }
        }
    }
}
