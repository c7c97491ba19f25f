import Foundation
import PolicyCore
import PolicyModel

/// An output directory that policysite may replace, checked before anything is built.
///
/// `build` replaces the output directory whole, so the directory must be policysite's alone:
/// it does not exist yet, is empty, or holds the marker of an earlier build. A file, a
/// directory of someone else's (unless `force`), a directory inside or holding the content or
/// templates, the file system root and the home directory are refused, always before anything
/// is touched. Paths are compared after resolving `..` and symbolic links.
public struct OutputTarget: Sendable, Equatable {
    /// As the user named it, for messages.
    public let given: String
    /// The resolved absolute path that is written.
    public let path: String
    /// True when the user allowed replacing a directory policysite did not write.
    public let force: Bool

    /// - Parameters:
    ///   - protected: directories the output may neither be, hold, nor lie inside, with the
    ///     name they go by in messages (e.g. `("content directory", "Content")`).
    ///   - homes: the user's home directory (`$HOME`, the account's), passed in by the caller.
    public static func check(
        _ given: String, protecting protected: [(role: String, path: String)], homes: [String],
        force: Bool, workingDirectory: String = FileManager.default.currentDirectoryPath
    ) throws(Diagnostic) -> OutputTarget {
        let location = SourceLocation(file: given)
        func refuse(_ message: String) -> Diagnostic { .error(.output, message, at: location) }
        let output: ResolvedPath
        do {
            output = try ResolvedPath(given, workingDirectory: workingDirectory)
        } catch {
            guard case .danglingLink(let link) = error else { throw refuse("cannot resolve the output path '\(given)'") }
            throw refuse("'\(link)' is a symbolic link that leads nowhere; policysite will not write through it. Fix or remove the link, or choose another --output")
        }

        if output.path == "/" {
            throw refuse("the output '\(given)' is the file system root; the build replaces its output directory whole. Choose a directory of its own, e.g. --output Output")
        }
        for home in homes {
            guard let homePath = try? ResolvedPath(home, workingDirectory: workingDirectory), homePath.isSameOrInside(output) else { continue }
            let what = homePath == output ? "your home directory" : "a directory that holds your home directory"
            throw refuse("the output '\(given)' is \(what); the build replaces its output directory whole. Choose a directory of its own, e.g. --output Output")
        }
        for (role, protectedPath) in protected {
            guard let input = try? ResolvedPath(protectedPath, workingDirectory: workingDirectory) else { continue }
            if output == input {
                throw refuse("the output '\(given)' is the \(role) '\(protectedPath)'; the build would replace it with the site. Choose another --output, e.g. Output")
            }
            if output.isSameOrInside(input) {
                throw refuse("the output '\(given)' lies inside the \(role) '\(protectedPath)'; the build would replace files there. Choose an --output outside it, e.g. Output")
            }
            if input.isSameOrInside(output) {
                throw refuse("the output '\(given)' holds the \(role) '\(protectedPath)'; the build would replace it with the site. Choose another --output, e.g. Output")
            }
        }

        try checkExisting(output.path, given: given, force: force, refuse: refuse)
        return OutputTarget(given: given, path: output.path, force: force)
    }

    /// The checks on what is at the path now; repeated by the writer just before the swap, as
    /// the directory may have changed while the site was rendered.
    static func checkExisting(_ path: String, given: String, force: Bool, refuse: (String) -> Diagnostic) throws(Diagnostic) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }  // Nothing there: it will be created.
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw refuse("the output '\(given)' exists and is not a directory; policysite writes the site into a directory of its own and will not replace a file. Choose another --output, e.g. Output")
        }
        if OutputMarker.isPresent(in: path) || force { return }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        if entries.isEmpty { return }
        throw refuse("the output '\(given)' is a non-empty directory that policysite did not write (it has no \(OutputMarker.fileName) file); building would delete its \(entries.count) entr\(entries.count == 1 ? "y" : "ies"). Choose an empty or new directory, or pass --force to replace it")
    }

    private init(given: String, path: String, force: Bool) {
        self.given = given
        self.path = path
        self.force = force
    }
}
