#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A path with `.`, `..` and every symbolic link resolved, so that two spellings of one
/// directory compare equal. The part of the path that does not exist yet (a new output
/// directory) is appended to the resolved part that does.
struct ResolvedPath: Equatable, CustomStringConvertible {
    /// Absolute, without a trailing `/` (except the root itself).
    let path: String

    enum Problem: Error, Equatable {
        /// An existing entry on the way is a symbolic link that leads nowhere.
        case danglingLink(String)
    }

    /// - Parameter workingDirectory: what relative paths are relative to.
    init(_ given: String, workingDirectory: String) throws(Problem) {
        let absolute = given.hasPrefix("/") ? given : workingDirectory + "/" + given
        var components = absolute.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        // Find the longest prefix that exists; realpath resolves it, the rest is appended as is.
        var missing: [String] = []
        while true {
            let prefix = "/" + components.joined(separator: "/")
            if let real = Self.realPath(prefix) {
                path = Self.normalize(real, appending: missing)
                return
            }
            if Self.exists(prefix) { throw .danglingLink(prefix) }
            guard let last = components.popLast() else {
                path = Self.normalize("/", appending: missing)
                return
            }
            missing.insert(last, at: 0)
        }
    }

    var description: String { path }

    /// True when `self` is `other` or lies below it.
    func isSameOrInside(_ other: ResolvedPath) -> Bool {
        path == other.path || path.hasPrefix(other.path == "/" ? "/" : other.path + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// True when anything, even a dangling symbolic link, is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Appends components that do not exist yet, resolving `.` and `..` among them by name.
    private static func normalize(_ base: String, appending rest: [String]) -> String {
        var parts = base.split(separator: "/").map(String.init)
        for component in rest {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}
