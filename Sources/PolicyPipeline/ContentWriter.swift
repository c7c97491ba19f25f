import Foundation
import PolicyCore

/// The two writes into `Content/` (everything else only reads it): replacing `published.lock`
/// whole, and creating a new version folder. Neither overwrites what it must not, and neither
/// leaves a half-written file behind.
enum ContentWriter {
    /// Writes `bytes` to a temporary file beside `path` and renames it over `path`, so a reader
    /// (or a crash) sees the old file or the new one, never a mix. The temporary file is a
    /// dotfile, which the loader skips should it ever be left behind.
    static func replace(_ path: String, with bytes: [UInt8]) throws(Diagnostic) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(bytes).write(to: temporary, options: .withoutOverwriting)
            let handle = try FileHandle(forUpdating: temporary)
            try handle.synchronize()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw .error(.output, "cannot write \(path): \(error.localizedDescription); check the directory's permissions", at: SourceLocation(file: path))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw .error(.output, "cannot replace \(path): \(reason); check the directory's permissions", at: SourceLocation(file: path))
        }
    }

    enum CreateFailure: Error {
        /// Something is already at the folder's path.
        case exists
        /// Any other failure, in words.
        case failed(String)
    }

    /// Creates the folder `path`, which must not exist (its parent must), and the files in it,
    /// each created only if absent. On any failure, what was created is removed again.
    static func createFolder(_ path: String, files: [(name: String, bytes: [UInt8])]) throws(CreateFailure) {
        guard mkdir(path, 0o777) == 0 else {
            if errno == EEXIST { throw .exists }
            throw .failed("cannot create \(path): \(String(cString: strerror(errno)))")
        }
        var written: [URL] = []
        do {
            for file in files {
                let url = URL(fileURLWithPath: path).appendingPathComponent(file.name)
                try Data(file.bytes).write(to: url, options: .withoutOverwriting)
                written.append(url)
            }
        } catch {
            for url in written { try? FileManager.default.removeItem(at: url) }
            rmdir(path)
            throw .failed("cannot write into \(path): \(error.localizedDescription)")
        }
    }
}
