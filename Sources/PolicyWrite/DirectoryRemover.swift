#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Removes a directory tree with `openat`, `unlinkat` and `readdir` on directory descriptors:
/// one system call per entry, no path strings rebuilt per file, and no symbolic link ever
/// followed (links are removed, not entered, and every directory is opened with
/// `O_NOFOLLOW`). Walks with an explicit stack, never recursion, so no tree is too deep for
/// the call stack; each level holds one open descriptor, so a tree deeper than the process may
/// open is left partly in place (and reported) instead of failing half-way unpredictably.
enum DirectoryRemover {
    /// Removes `path` and everything below it. Returns false if anything is left (the caller
    /// reports it or leaves it for the next build); a missing path counts as removed.
    @discardableResult
    static func remove(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 }
        let root = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { return false }
        let emptied = removeContents(of: root)
        close(root)
        return emptied && rmdir(path) == 0
    }

    /// A directory being emptied: its descriptor, the name it has in its parent (nil for the
    /// root, which the caller removes), and its subdirectories not yet removed (nil until it
    /// has been listed).
    private struct Frame {
        var descriptor: Int32
        var name: String?
        var subdirectories: [String]?
    }

    /// Empties the directory open at `root` (which stays open: the caller closes it).
    private static func removeContents(of root: Int32) -> Bool {
        var complete = true
        var stack = [Frame(descriptor: root, name: nil)]
        while !stack.isEmpty {
            let top = stack.count - 1
            if stack[top].subdirectories == nil {
                stack[top].subdirectories = removeFiles(in: stack[top].descriptor, complete: &complete)
            }
            if let name = stack[top].subdirectories?.popLast() {
                let child = openat(stack[top].descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child < 0 {
                    complete = false
                } else {
                    stack.append(Frame(descriptor: child, name: name))
                }
                continue
            }
            // Everything below the top directory is gone: remove it from its parent.
            let done = stack.removeLast()
            guard let name = done.name, let parent = stack.last else { continue }
            close(done.descriptor)
            if unlinkat(parent.descriptor, name, AT_REMOVEDIR) != 0 { complete = false }
        }
        return complete
    }

    /// Unlinks every entry of the directory that is not a directory, and returns the names of
    /// its subdirectories.
    private static func removeFiles(in directory: Int32, complete: inout Bool) -> [String] {
        let listing = dup(directory)
        guard listing >= 0, let stream = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            complete = false
            return []
        }
        defer { closedir(stream) }
        var subdirectories: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            var isDirectory = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var info = stat()
                isDirectory = fstatat(directory, name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isDirectory {
                // An empty one goes at once; others are emptied first.
                if unlinkat(directory, name, AT_REMOVEDIR) != 0 { subdirectories.append(name) }
            } else if unlinkat(directory, name, 0) != 0 {
                complete = false
            }
        }
        return subdirectories
    }
}
