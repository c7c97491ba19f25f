#if os(Linux)
import Dispatch
import Foundation
import Glibc
import PolicySource

/// Watches folders with Linux inotify. inotify is not recursive: every folder gets its own
/// watch, and a folder that appears (created or moved in) is watched as soon as it is reported,
/// along with everything already inside it. Events are read on a dispatch read source.
final class InotifyWatcher: FileWatcher, @unchecked Sendable {
    // The inotify constants as <sys/inotify.h> defines them (not all are imported into Swift
    // with one type).
    private enum Mask {
        static let modify: UInt32 = 0x0000_0002
        static let attributes: UInt32 = 0x0000_0004
        static let closeWrite: UInt32 = 0x0000_0008
        static let movedFrom: UInt32 = 0x0000_0040
        static let movedTo: UInt32 = 0x0000_0080
        static let create: UInt32 = 0x0000_0100
        static let delete: UInt32 = 0x0000_0200
        static let deleteSelf: UInt32 = 0x0000_0400
        static let moveSelf: UInt32 = 0x0000_0800
        static let overflow: UInt32 = 0x0000_4000
        static let ignored: UInt32 = 0x0000_8000
        static let onlyDirectory: UInt32 = 0x0100_0000
        static let dontFollow: UInt32 = 0x0200_0000
        static let isDirectory: UInt32 = 0x4000_0000
        static let watched = modify | attributes | closeWrite | movedFrom | movedTo | create | delete | deleteSelf | moveSelf | onlyDirectory | dontFollow
    }
    private static let nonBlocking: Int32 = 0o4000
    private static let closeOnExec: Int32 = 0o2_000_000
    /// A bound on the folders watched: a content tree is a few hundred folders at most.
    private static let maximumWatches = 20_000

    private let roots: [String]
    private let onChange: @Sendable ([String]) -> Void
    private let descriptor: Int32
    private let queue = DispatchQueue(label: "policysite.inotify")
    // Only touched on `queue`.
    private var folders: [Int32: String] = [:]
    private var source: (any DispatchSourceRead)?

    init(roots: [String], onChange: @escaping @Sendable ([String]) -> Void) throws {
        let descriptor = inotify_init1(Self.nonBlocking | Self.closeOnExec)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        self.descriptor = descriptor
        self.roots = roots
        self.onChange = onChange
    }

    func start() throws {
        queue.sync {
            for root in roots { watchTree(root) }
            let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: queue)
            source.setEventHandler { [weak self] in self?.readEvents() }
            let descriptor = self.descriptor
            source.setCancelHandler { close(descriptor) }
            source.resume()
            self.source = source
        }
    }

    func stop() {
        queue.sync {
            source?.cancel()
            source = nil
            folders = [:]
        }
    }

    /// Adds a watch to `root` and every folder below it, without recursion. Version-control
    /// folders and symbolic links are skipped (the loader does not follow them out of the tree
    /// either).
    private func watchTree(_ root: String) {
        var stack = [root]
        while let folder = stack.popLast(), folders.count < Self.maximumWatches {
            let watch = inotify_add_watch(descriptor, folder, Mask.watched)
            guard watch >= 0 else { continue }
            folders[watch] = folder
            guard let directory = opendir(folder) else { continue }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                // Hidden folders are watched (the templates' static/.well-known is content); the
                // change filter drops what the loader ignores. "." and ".." are not children.
                guard name != ".", name != "..", !IgnoredPath.isIgnored(name: name, keepsHidden: true) else { continue }
                let path = folder + "/" + name
                var status = stat()
                if lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { stack.append(path) }
            }
        }
    }

    private func readEvents() {
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[]; }
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                    (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)]
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                offset += 16 + length
                handle(watch: watch, mask: mask, name: name, into: &changed)
            }
        }
        if !changed.isEmpty { onChange(changed) }
    }

    private func handle(watch: Int32, mask: UInt32, name: String, into changed: inout [String]) {
        if mask & Mask.overflow != 0 {
            // Events were lost: everything may have changed.
            changed += roots
            return
        }
        guard let folder = folders[watch] else { return }
        if mask & Mask.ignored != 0 {
            folders[watch] = nil
            return
        }
        let path = name.isEmpty ? folder : folder + "/" + name
        if mask & Mask.isDirectory != 0 {
            if mask & (Mask.create | Mask.movedTo) != 0, !IgnoredPath.isIgnored(name: name, keepsHidden: true) {
                watchTree(path)
            } else if mask & Mask.movedFrom != 0 {
                // A folder moved away keeps its watches under its old name: drop them.
                for (other, otherPath) in folders where otherPath == path || otherPath.hasPrefix(path + "/") {
                    inotify_rm_watch(descriptor, other)
                    folders[other] = nil
                }
            }
        }
        changed.append(path)
    }
}
#endif
