#if canImport(Glibc)
import Glibc
private let systemRead = Glibc.read
#elseif canImport(Darwin)
import Darwin
private let systemRead = Darwin.read
#endif

/// The few POSIX calls the loader needs. FileManager costs a dictionary of attributes and
/// several system calls per file; on a site of a thousand files it made loading about 25
/// times slower than reading the bytes.
enum FileSystemCalls {
    enum EntryType {
        case file, directory, symbolicLink, other
    }

    /// The names in a directory (without `.` and `..`) and their types, or the errno.
    static func list(_ path: String) -> Result<[(name: String, type: EntryType)], Errno> {
        guard let directory = opendir(path) else { return .failure(Errno(errno)) }
        defer { closedir(directory) }
        var entries: [(name: String, type: EntryType)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            let type: EntryType
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): type = .file
            case Int32(DT_DIR): type = .directory
            case Int32(DT_LNK): type = .symbolicLink
            default: type = typeWithoutFollowing(path + "/" + name)
            }
            entries.append((name, type))
        }
        return .success(entries)
    }

    /// The type of the entry itself (a link is a link), for file systems that leave d_type unknown.
    static func typeWithoutFollowing(_ path: String) -> EntryType {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .other }
        return type(of: info)
    }

    /// The type of what the path leads to, links followed; nil when nothing is there.
    static func typeFollowing(_ path: String) -> EntryType? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return type(of: info)
    }

    private static func type(of info: stat) -> EntryType {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        case S_IFLNK: .symbolicLink
        default: .other
        }
    }

    /// Whether anything (even a dangling link) is at the path.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The canonical absolute path, links resolved; nil for a dangling link.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The whole file, or the errno.
    static func read(_ path: String) -> Result<[UInt8], Errno> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Errno(errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(Errno(errno)) }
        // The size is a hint (the file may change while it is read): read until end of file.
        // One byte more than the size sees the end in the first read of an unchanged file.
        var chunk = max(Int(info.st_size), 0) + 1
        var bytes: [UInt8] = []
        while true {
            // Read into uninitialised memory: no zero-filling of a chunk first (appending
            // `repeatElement(0, count:)` is an element-by-element loop in a debug build, 64 KiB
            // of it per file for the read that sees the end: most of `check`'s time on a site of
            // ten thousand small files).
            var count = 0
            var failure: Int32 = 0
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buffer, initialized in
                count = systemRead(descriptor, buffer.baseAddress!, chunk)
                failure = errno
                initialized = max(count, 0)
            }
            if count < 0 {
                if failure == EINTR { continue }
                return .failure(Errno(failure))
            }
            if count == 0 { return .success(bytes) }
            if bytes.isEmpty { bytes = piece } else { bytes += piece }
            chunk = 1 << 16
        }
    }

    struct Errno: Error {
        let code: Int32
        init(_ code: Int32) { self.code = code }
        var description: String { String(cString: strerror(code)) }
    }
}
