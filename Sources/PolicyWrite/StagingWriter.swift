#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CAtomicSwap
import PolicyModel

/// Writes a site's files into the staging directory with plain `openat`/`write`/`close`,
/// relative to one descriptor of the staging directory, creating each directory once.
///
/// No file is synced on its own: a site is thousands of files, and an `fsync` each (what
/// Foundation's `Data.write` does) was most of a build's wall time. Durability comes from the
/// swap instead: `sync` flushes the whole staging directory's file system once, and only then
/// is the staging directory swapped in, so after a crash the output is the old site or the
/// complete new one.
struct StagingWriter {
    struct Failure: Error {
        var message: String
    }

    /// The open staging directory.
    private let root: Int32
    /// Directories already made, relative to the root ("" is the root).
    private var created: Set<String> = [""]

    /// Opens `directory`, which must exist and be a directory (not a link to one).
    init(directory: String) throws(Failure) {
        root = open(directory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard root >= 0 else { throw Failure(message: "cannot open '\(directory)': \(Self.lastError())") }
    }

    func close() {
        _ = Self.closeDescriptor(root)
    }

    /// Writes one file at `path` (relative, `/`-separated), replacing one written before at the
    /// same path, and creates the directories it is in.
    mutating func write(_ path: String, _ bytes: [UInt8]) throws(Failure) {
        let components = path.split(separator: "/", omittingEmptySubsequences: false)
        // Paths come from the renderer; a component that could leave the directory is a bug,
        // refused rather than followed.
        guard !path.hasPrefix("/"), components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
            throw Failure(message: "refusing to write '\(path)': not a plain relative path")
        }
        var directory = ""
        for component in components.dropLast() {
            directory += directory.isEmpty ? String(component) : "/" + component
            if created.contains(directory) { continue }
            if mkdirat(root, directory, 0o777) != 0, errno != EEXIST {
                throw Failure(message: "cannot create '\(directory)': \(Self.lastError())")
            }
            created.insert(directory)
        }

        let file = openat(root, path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw Failure(message: "cannot create '\(path)': \(Self.lastError())") }
        let failure: Int32 = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Self.writeBytes(file, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        let closeFailure = Self.closeDescriptor(file) ? 0 : errno
        if failure != 0 || closeFailure != 0 {
            throw Failure(message: "cannot write '\(path)': \(String(cString: strerror(failure != 0 ? failure : closeFailure)))")
        }
    }

    /// Flushes everything written to the staging directory's file system to disk.
    func sync() throws(Failure) {
        guard Self.syncFileSystem(root) else { throw Failure(message: "cannot flush the new site to disk: \(Self.lastError())") }
    }

    // MARK: - C calls

    private static func writeBytes(_ file: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(file, bytes, count)
        #else
        Darwin.write(file, bytes, count)
        #endif
    }

    private static func closeDescriptor(_ descriptor: Int32) -> Bool {
        #if canImport(Glibc)
        Glibc.close(descriptor) == 0
        #else
        Darwin.close(descriptor) == 0
        #endif
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// `syncfs` on Linux (one file system, not every disk); `sync` elsewhere.
    private static func syncFileSystem(_ descriptor: Int32) -> Bool {
        policysite_sync_file_system(descriptor) == 0
    }
}
