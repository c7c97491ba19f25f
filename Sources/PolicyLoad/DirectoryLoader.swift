import Foundation
import PolicyDiagnostics

/// Reads a directory tree into a `DirectorySnapshot`: the only place that reads `Content/` and
/// `Templates/` from disk.
///
/// Dotfiles and dot-folders (editor swap files, `.git`) are skipped. A symbolic link is followed
/// only if it resolves inside the root; one that leads outside is reported and never read.
public struct DirectoryLoader {
    public init() {}

    public struct Result: Sendable {
        public var snapshot: DirectorySnapshot
        public var diagnostics: [Diagnostic]
    }

    /// - Parameter root: the directory as the user named it; relative paths resolve against the
    ///   current directory.
    public func load(_ root: String) throws(Diagnostic) -> Result {
        let displayRoot = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: rootURL.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .error(.unreadable, "directory '\(displayRoot)' does not exist; pass the right directory or create it", at: SourceLocation(file: displayRoot))
        }
        let realRoot = rootURL.resolvingSymlinksInPath().path
        var files: [SnapshotFile] = []
        var diagnostics: [Diagnostic] = []
        read([Entry(path: rootURL.path, relative: "")], realRoot: realRoot, displayRoot: displayRoot, files: &files, diagnostics: &diagnostics, missingIsFine: false)
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
        // Hidden paths (dotfiles, editor swap files) are never part of a snapshot.
        let relevant = changed.filter { !$0.isEmpty && !$0.split(separator: "/").contains { $0.hasPrefix(".") } }
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

    /// A file or folder to read: its path on disk and relative to the root ("" for the root).
    private struct Entry {
        var path: String
        var relative: String
    }

    /// Reads the entries, every folder among them whole, into `files`. An explicit stack, not
    /// recursion: folders may nest as deep as the file system allows.
    /// - Parameter missingIsFine: the entries were reported changed and may have been deleted.
    private func read(_ entries: [Entry], realRoot: String, displayRoot: String, files: inout [SnapshotFile], diagnostics: inout [Diagnostic], missingIsFine: Bool) {
        let manager = FileManager.default
        var pending = entries
        // A link to a folder above itself would otherwise make the walk endless.
        var visited: Set<String> = []
        while let entry = pending.popLast() {
            let display = entry.relative.isEmpty ? displayRoot : displayRoot + "/" + entry.relative
            let isRoot = entry.relative.isEmpty
            let attributes = try? manager.attributesOfItem(atPath: entry.path)
            if attributes == nil, missingIsFine, !isRoot { continue }
            if !isRoot, attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                let target = URL(fileURLWithPath: entry.path).resolvingSymlinksInPath().path
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error(.symlink, "symbolic link leads outside '\(displayRoot)' and was not read; replace it with the file itself", at: SourceLocation(file: display)))
                    continue
                }
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: entry.path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(.unreadable, "cannot read: a broken symbolic link; remove it or point it at a file", at: SourceLocation(file: display)))
                continue
            }
            if isDirectory.boolValue {
                guard visited.insert(URL(fileURLWithPath: entry.path).resolvingSymlinksInPath().path).inserted else { continue }
                let names: [String]
                do {
                    names = try manager.contentsOfDirectory(atPath: entry.path)
                } catch {
                    diagnostics.append(.error(.unreadable, "cannot read directory: \(error.localizedDescription)", at: SourceLocation(file: display)))
                    continue
                }
                for name in names where !name.hasPrefix(".") {
                    pending.append(Entry(path: entry.path + "/" + name, relative: isRoot ? name : entry.relative + "/" + name))
                }
            } else if let data = manager.contents(atPath: entry.path) {
                files.append(SnapshotFile(path: entry.relative, bytes: [UInt8](data)))
            } else {
                diagnostics.append(.error(.unreadable, "cannot read file; check its permissions", at: SourceLocation(file: display)))
            }
        }
    }
}
