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
        var visited: Set<String> = []
        walk(directory: rootURL.path, relative: "", realRoot: realRoot, displayRoot: displayRoot, visited: &visited, files: &files, diagnostics: &diagnostics)
        return Result(snapshot: DirectorySnapshot(root: displayRoot, files: files), diagnostics: diagnostics)
    }

    private func walk(directory: String, relative: String, realRoot: String, displayRoot: String, visited: inout Set<String>, files: inout [SnapshotFile], diagnostics: inout [Diagnostic]) {
        // A link to a folder above itself would otherwise make the walk endless.
        guard visited.insert(URL(fileURLWithPath: directory).resolvingSymlinksInPath().path).inserted else { return }
        let manager = FileManager.default
        let display = { (path: String) in displayRoot + "/" + path }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            diagnostics.append(.error(.unreadable, "cannot read directory: \(error.localizedDescription)", at: SourceLocation(file: relative.isEmpty ? displayRoot : display(relative))))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = directory + "/" + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            let attributes = try? manager.attributesOfItem(atPath: path)
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                guard target == realRoot || target.hasPrefix(realRoot + "/") else {
                    diagnostics.append(.error(.symlink, "symbolic link leads outside '\(displayRoot)' and was not read; replace it with the file itself", at: SourceLocation(file: display(relativePath))))
                    continue
                }
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.append(.error(.unreadable, "cannot read: a broken symbolic link; remove it or point it at a file", at: SourceLocation(file: display(relativePath))))
                continue
            }
            if isDirectory.boolValue {
                walk(directory: path, relative: relativePath, realRoot: realRoot, displayRoot: displayRoot, visited: &visited, files: &files, diagnostics: &diagnostics)
            } else if let data = manager.contents(atPath: path) {
                files.append(SnapshotFile(path: relativePath, bytes: [UInt8](data)))
            } else {
                diagnostics.append(.error(.unreadable, "cannot read file; check its permissions", at: SourceLocation(file: display(relativePath))))
            }
        }
    }
}
